using GameOps.Data;
using System.Linq.Expressions;
using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Services.Analytics;

/// <summary>Settings under <c>Analytics:</c> in configuration.</summary>
public sealed class AnalyticsOptions
{
    /// <summary>Minutes between background refreshes; 0 or less disables the background service.</summary>
    public double RollupIntervalMinutes { get; set; } = 5;
    /// <summary>The last days recomputed on every refresh (late rows, today's partial figures).</summary>
    public int RecomputeDays { get; set; } = 3;
    /// <summary>How far back the first refresh goes at most.</summary>
    public int MaxBackfillDays { get; set; } = 730;
}

/// <summary>What one refresh did.</summary>
public sealed record RollupResult(int Days, int Rows, TimeSpan Elapsed);

/// <summary>
/// Keeps <c>metric_rollups</c> up to date: every refresh recomputes the last <see cref="AnalyticsOptions.RecomputeDays"/> days and every
/// day since the first data that has no rollup yet (a <c>_done</c> marker row per day), and, for retention, the signup cohorts whose
/// D1…D30 day is among them. A day is replaced whole (delete + insert in one transaction), so a refresh is idempotent.
/// Rollups are derived data, written by the system (no staff audit rows). Raw rows never travel: each source is aggregated by a
/// GROUP BY day (and dimension) query over <see cref="ChunkDays"/> days at a time.
/// </summary>
public sealed class RollupService(DatabaseOptions databaseOptions, Microsoft.Extensions.Options.IOptions<AnalyticsOptions> options, ILogger<RollupService> logger)
{
    public const string DoneMarker = "_done";
    public const string ActiveUsers = "active_users", NewPlayers = "new_players", Sessions = "sessions", SessionDuration = "session_duration",
        SessionLength = "session_length", SessionHour = "session_hour", RevenueGross = "revenue_gross", RevenueRefunds = "revenue_refunds",
        RevenueSku = "revenue_sku", RevenueCurrency = "revenue_currency", PayingUsers = "paying_users", Matches = "matches",
        ReportsOpened = "reports_opened", ReportsResolved = "reports_resolved", EventJoined = "event_joined", EventCompleted = "event_completed",
        QuestStarted = "quest_started", QuestCompleted = "quest_completed", ItemsAcquired = "items_acquired", Performance = "perf", Business = "business",
        Wau = "wau", Mau = "mau", Active90 = "active_90d", Paying7 = "paying_7d", Paying30 = "paying_30d", Paying90 = "paying_90d", ActiveWeekToDate = "active_wtd", ActiveMonthToDate = "active_mtd", Spend = "spend", ResolveHours = "resolve_hours", OpenBacklog = "open_reports", StatusMix = "status_mix", ActorLevels = "actor_levels";
    /// <summary>Snapshots of the current state (not of a day's events), taken for today on every refresh and kept as history.</summary>
    public static readonly string[] SnapshotMetrics = [StatusMix, ActorLevels];
    /// <summary>Days per GROUP BY query: the larger, the fewer scans of the tables without a time index.</summary>
    public const int ChunkDays = 31;
    /// <summary>Spenders kept per day (by net spend) for the top-spenders chart.</summary>
    public const int SpendersPerDay = 100;
    public static string RetentionMetric(int day) => $"retention_d{day}";

    /// <summary>Session length buckets (upper bound in seconds, label), in order.</summary>
    public static readonly (int Max, string Label)[] SessionLengthBuckets =
        [(60, "< 1 min"), (300, "1–5 min"), (900, "5–15 min"), (1800, "15–30 min"), (3600, "30–60 min"), (7200, "1–2 h"), (int.MaxValue, "2 h +")];

    static readonly SemaphoreSlim Gate = new(1, 1);

    static DateTime Utc(DateTime d) => DateTime.SpecifyKind(d, DateTimeKind.Utc);
    public static DateTime DayOf(DateTime t) => Utc(t.Date);

    GameOpsDbContext Open() => GameOpsDatabase.CreateContext(databaseOptions);

    /// <summary>Refreshes the rollups up to <paramref name="now"/> (UTC, defaults to now).</summary>
    public async Task<RollupResult> RefreshAsync(DateTime? now = null, CancellationToken ct = default)
    {
        var started = DateTime.UtcNow;
        var today = DayOf(now ?? DateTime.UtcNow);
        await Gate.WaitAsync(ct);
        try
        {
            await using var db = Open();
            var first = await FirstDataDayAsync(db, today, ct);
            var done = (await db.MetricRollups.AsNoTracking().Where(r => r.MetricName == DoneMarker && r.Day >= first).Select(r => r.Day).ToListAsync(ct))
                .Select(DayOf).ToHashSet();
            var days = new SortedSet<DateTime>();
            for (var d = first; d <= today; d = d.AddDays(1))
                if (!done.Contains(d) || d > today.AddDays(-Math.Max(1, options.Value.RecomputeDays))) days.Add(d);
            var rows = 0;
            foreach (var chunk in Contiguous(days, ChunkDays))
                rows += await RecomputeAsync(db, chunk.From, chunk.To, today, ct);
            rows += await SnapshotAsync(db, today, ct);
            var result = new RollupResult(days.Count, rows, DateTime.UtcNow - started);
            logger.LogInformation("Analytics rollups: {Days} days, {Rows} rows in {Elapsed} ms", result.Days, result.Rows, (int)result.Elapsed.TotalMilliseconds);
            return result;
        }
        finally { Gate.Release(); }
    }

    /// <summary>Recomputes every day in [from, to) (UTC days) regardless of markers, e.g. after a data repair.</summary>
    public async Task<int> RecomputeRangeAsync(DateTime from, DateTime to, DateTime? now = null, CancellationToken ct = default)
    {
        await Gate.WaitAsync(ct);
        try
        {
            var rows = 0;
            var today = DayOf(now ?? DateTime.UtcNow);
            await using var db = Open();
            for (var d = DayOf(from); d < DayOf(to); d = d.AddDays(ChunkDays))
                rows += await RecomputeAsync(db, d, Min(d.AddDays(ChunkDays), DayOf(to)), today, ct);
            return rows;
        }
        finally { Gate.Release(); }
    }

    static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    async Task<DateTime> FirstDataDayAsync(GameOpsDbContext db, DateTime today, CancellationToken ct)
    {
        var floor = today.AddDays(-options.Value.MaxBackfillDays);
        var candidates = new List<DateTime?>
        {
            await db.Players.MinAsync(p => (DateTime?)p.CreatedAt, ct),
            await db.SessionData.MinAsync(s => (DateTime?)s.StartTime, ct),
            await db.PaymentTransactions.MinAsync(p => (DateTime?)p.CreatedAt, ct),
        };
        var first = candidates.Where(c => c is not null).Select(c => DayOf(c!.Value)).DefaultIfEmpty(today).Min();
        return first < floor ? floor : first > today ? today : first;
    }

    static IEnumerable<(DateTime From, DateTime To)> Contiguous(IEnumerable<DateTime> days, int max)
    {
        DateTime? start = null, end = null;
        foreach (var d in days)
        {
            if (start is not null && (d != end || (d - start.Value).Days >= max))
            {
                yield return (start.Value, end!.Value);
                start = null;
            }
            start ??= d;
            end = d.AddDays(1);
        }
        if (start is not null) yield return (start.Value, end!.Value);
    }

    /// <summary>Computes and replaces the rollups of the days [from, to) and of the retention cohorts those days complete.</summary>
    /// <remarks>One context serves a whole refresh: building a context from options is costly.</remarks>
    static async Task<int> RecomputeAsync(GameOpsDbContext db, DateTime from, DateTime to, DateTime today, CancellationToken ct)
    {
        var rows = await ComputeDaysAsync(db, from, to, ct);
        var cohortDays = new SortedSet<DateTime>();
        for (var d = from; d < to; d = d.AddDays(1))
            foreach (var n in MetricCatalog.RetentionDays.Prepend(0))
                cohortDays.Add(d.AddDays(-n));
        var retention = new List<MetricRollup>();
        foreach (var chunk in Contiguous(cohortDays, 31))
            retention.AddRange(await ComputeRetentionAsync(db, chunk.From, chunk.To, today, ct));
        var stamp = DateTime.UtcNow;
        foreach (var r in rows.Concat(retention)) { r.Id = Guid.NewGuid(); r.UpdatedAt = stamp; }
        var retentionNames = MetricCatalog.RetentionDays.Select(RetentionMetric).ToList();
        var cohortList = cohortDays.ToList();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var kept = retentionNames.Concat(SnapshotMetrics).ToList();
        await db.MetricRollups.Where(r => r.Day >= from && r.Day < to && !kept.Contains(r.MetricName)).ExecuteDeleteAsync(ct);
        await db.MetricRollups.Where(r => retentionNames.Contains(r.MetricName) && cohortList.Contains(r.Day)).ExecuteDeleteAsync(ct);
        db.MetricRollups.AddRange(rows);
        db.MetricRollups.AddRange(retention);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return rows.Count + retention.Count;
    }

    /// <summary>Replaces today's snapshots: players by status and actors by level (one full GROUP BY each, off the page's path).</summary>
    static async Task<int> SnapshotAsync(GameOpsDbContext db, DateTime today, CancellationToken ct)
    {
        var rows = (await db.Players.AsNoTracking().GroupBy(p => p.Status).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
            .Select(g => new MetricRollup { MetricName = StatusMix, Dimension = g.Key, Count = g.N })
            .Concat((await db.Actors.AsNoTracking().GroupBy(a => a.Level).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
                .Select(g => new MetricRollup { MetricName = ActorLevels, Dimension = g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), Count = g.N }))
            .ToList();
        var stamp = DateTime.UtcNow;
        foreach (var r in rows) { r.Id = Guid.NewGuid(); r.Day = today; r.UpdatedAt = stamp; }
        var names = SnapshotMetrics;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.MetricRollups.Where(r => names.Contains(r.MetricName) && r.Day == today).ExecuteDeleteAsync(ct);
        db.MetricRollups.AddRange(rows);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return rows.Count;
    }

    sealed class DayRows
    {
        readonly Dictionary<(string, DateTime, string), MetricRollup> rows = [];
        public void Add(string metric, DateTime day, string dimension = "", decimal value = 0, long count = 1)
        {
            day = DayOf(day);
            if (!rows.TryGetValue((metric, day, dimension), out var row))
                rows[(metric, day, dimension)] = row = new MetricRollup { MetricName = metric, Day = day, Dimension = dimension };
            row.Value += value;
            row.Count += count;
        }
        public List<MetricRollup> ToList() => [.. rows.Values];
    }

    /// <summary>One session reduced to what its rollups need; <see cref="Bucket"/> is the index in <see cref="SessionLengthBuckets"/>, -1 without a duration.</summary>
    sealed class SessionSlot
    {
        public DateTime Day { get; init; }
        public int Hour { get; init; }
        public int Bucket { get; init; }
        public int? Duration { get; init; }
    }

    /// <summary>The session → slot projection, with the length bucket as a CASE built from <see cref="SessionLengthBuckets"/>.</summary>
    static readonly Expression<Func<SessionData, SessionSlot>> ToSlot = BuildSlot();

    static Expression<Func<SessionData, SessionSlot>> BuildSlot()
    {
        Expression<Func<SessionData, SessionSlot>> template = s => new SessionSlot { Day = s.StartTime.Date, Hour = s.StartTime.Hour, Duration = s.Duration, Bucket = -1 };
        var duration = Expression.Property(template.Parameters[0], nameof(SessionData.Duration));
        Expression bucket = Expression.Constant(SessionLengthBuckets.Length - 1);
        for (var i = SessionLengthBuckets.Length - 2; i >= 0; i--)
            bucket = Expression.Condition(Expression.LessThan(duration, Expression.Constant(SessionLengthBuckets[i].Max, typeof(int?))), Expression.Constant(i), bucket);
        bucket = Expression.Condition(Expression.Equal(duration, Expression.Constant(null, typeof(int?))), Expression.Constant(-1), bucket);
        var body = (MemberInitExpression)template.Body;
        var bindings = body.Bindings.Cast<MemberAssignment>().Select(b => b.Member.Name == nameof(SessionSlot.Bucket) ? Expression.Bind(b.Member, bucket) : b);
        return Expression.Lambda<Func<SessionData, SessionSlot>>(Expression.MemberInit(body.NewExpression, bindings), template.Parameters);
    }

    /// <summary>
    /// The daily figures of [from, to): one GROUP BY day (and dimension) query per source in the database, so only the groups
    /// travel. Day truncation is <c>DateTime.Date</c>, which both providers translate (SQLite strftime, PostgreSQL date_trunc in UTC).
    /// </summary>
    public static async Task<List<MetricRollup>> ComputeDaysAsync(GameOpsDbContext db, DateTime from, DateTime to, CancellationToken ct)
    {
        from = Utc(from); to = Utc(to);
        var r = new DayRows();
        for (var d = from; d < to; d = d.AddDays(1)) r.Add(DoneMarker, d);

        var sessions = await db.SessionData.AsNoTracking().Where(s => s.StartTime >= from && s.StartTime < to).Select(ToSlot)
            .GroupBy(s => new { s.Day, s.Hour, s.Bucket })
            .Select(g => new { g.Key.Day, g.Key.Hour, g.Key.Bucket, N = g.Count(), Seconds = g.Sum(s => (long?)s.Duration) ?? 0 }).ToListAsync(ct);
        foreach (var s in sessions)
        {
            r.Add(Sessions, s.Day, count: s.N);
            r.Add(SessionHour, s.Day, s.Hour.ToString("00", System.Globalization.CultureInfo.InvariantCulture), count: s.N);
            if (s.Bucket < 0) continue;
            r.Add(SessionDuration, s.Day, "", s.Seconds, s.N);
            r.Add(SessionLength, s.Day, SessionLengthBuckets[s.Bucket].Label, count: s.N);
        }
        await ActiveWindowsAsync(r, db, from, to, ct); // also the daily active and paying players

        await CountByDayAsync(r, NewPlayers, db.Players.Where(p => p.CreatedAt >= from && p.CreatedAt < to).Select(p => p.CreatedAt), ct);

        var paid = MetricCatalog.PaidStatuses;
        var completed = db.PaymentTransactions.AsNoTracking().Where(p => p.CompletedAt >= from && p.CompletedAt < to && paid.Contains(p.Status));
        foreach (var g in await completed.GroupBy(p => new { Day = p.CompletedAt!.Value.Date, p.ProductSku, p.Currency })
                     .Select(g => new { g.Key.Day, g.Key.ProductSku, g.Key.Currency, N = g.Count(), Usd = g.Sum(p => p.AmountUsd) }).ToListAsync(ct))
        {
            r.Add(RevenueGross, g.Day, "", g.Usd, g.N);
            r.Add(RevenueSku, g.Day, g.ProductSku, g.Usd, g.N);
            r.Add(RevenueCurrency, g.Day, g.Currency, g.Usd, g.N);
        }
        var spend = (await completed.GroupBy(p => new { Day = p.CompletedAt!.Value.Date, p.UserId })
                .Select(g => new { g.Key.Day, g.Key.UserId, Usd = g.Sum(p => p.AmountUsd) }).ToListAsync(ct))
            .Select(g => (Day: DayOf(g.Day), g.UserId, Net: g.Usd)).ToList();
        var reversed = MetricCatalog.ReversedStatuses;
        var refunded = db.PaymentTransactions.AsNoTracking().Where(p => p.RefundedAt >= from && p.RefundedAt < to && reversed.Contains(p.Status));
        foreach (var g in await refunded.GroupBy(p => new { Day = p.RefundedAt!.Value.Date, p.ProductSku, p.Currency })
                     .Select(g => new { g.Key.Day, g.Key.ProductSku, g.Key.Currency, N = g.Count(), Usd = g.Sum(p => p.AmountUsd) }).ToListAsync(ct))
        {
            r.Add(RevenueRefunds, g.Day, "", g.Usd, g.N);
            r.Add(RevenueSku, g.Day, g.ProductSku, -g.Usd, 0);
            r.Add(RevenueCurrency, g.Day, g.Currency, -g.Usd, 0);
        }
        spend.AddRange((await refunded.GroupBy(p => new { Day = p.RefundedAt!.Value.Date, p.UserId })
                .Select(g => new { g.Key.Day, g.Key.UserId, Usd = g.Sum(p => p.AmountUsd) }).ToListAsync(ct))
            .Select(g => (Day: DayOf(g.Day), g.UserId, Net: -g.Usd)));
        // Only each day's biggest net spenders are kept: a row per paying player and day would be as large as the raw table.
        foreach (var day in spend.GroupBy(x => (x.Day, x.UserId)).Select(x => (x.Key.Day, x.Key.UserId, Net: x.Sum(y => y.Net))).GroupBy(x => x.Day))
            foreach (var top in day.OrderByDescending(x => x.Net).ThenBy(x => x.UserId).Take(SpendersPerDay))
                r.Add(Spend, top.Day, top.UserId.ToString(), top.Net, 0);

        await CountByDayAsync(r, Matches, db.Matches.Where(m => (m.StartedAt ?? m.CreatedAt) >= from && (m.StartedAt ?? m.CreatedAt) < to && m.Status != "cancelled")
            .Select(m => m.StartedAt ?? m.CreatedAt), ct);
        await CountByDayAsync(r, ReportsOpened, db.PlayerReports.Where(p => p.CreatedAt >= from && p.CreatedAt < to).Select(p => p.CreatedAt), ct);
        // Each span is kept (rounded to 4 decimals of an hour) so that a median over any range can be taken from rollups.
        foreach (var p in await db.PlayerReports.AsNoTracking().Where(p => p.ResolvedAt >= from && p.ResolvedAt < to)
                     .Select(p => new { At = p.ResolvedAt!.Value, p.CreatedAt }).ToListAsync(ct))
        {
            var hours = (decimal)Math.Round((p.At - p.CreatedAt).TotalHours, 4);
            r.Add(ReportsResolved, p.At, "", hours);
            r.Add(ResolveHours, p.At, hours.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture));
        }
        await OpenBacklogAsync(r, db, from, to, ct);

        await CountByDayAsync(r, EventJoined, db.EventParticipations.Where(e => e.JoinedAt >= from && e.JoinedAt < to).Select(e => e.JoinedAt), ct);
        await CountByDayAsync(r, EventCompleted, db.EventParticipations.Where(e => e.CompletedAt >= from && e.CompletedAt < to).Select(e => e.CompletedAt!.Value), ct);
        await CountByDayAsync(r, QuestStarted, db.QuestProgress.Where(e => e.StartedAt >= from && e.StartedAt < to).Select(e => e.StartedAt), ct);
        await CountByDayAsync(r, QuestCompleted, db.QuestProgress.Where(e => e.CompletedAt >= from && e.CompletedAt < to).Select(e => e.CompletedAt!.Value), ct);
        foreach (var g in await db.InventoryItems.AsNoTracking().Where(e => e.AcquiredAt >= from && e.AcquiredAt < to)
                     .GroupBy(e => new { Day = e.AcquiredAt.Date, e.Item.Name }).Select(g => new { g.Key.Day, g.Key.Name, N = g.Sum(e => (long)e.Quantity) }).ToListAsync(ct))
            r.Add(ItemsAcquired, g.Day, g.Name, 0, g.N);

        foreach (var g in await db.PerformanceMetrics.AsNoTracking().Where(e => e.Timestamp >= from && e.Timestamp < to)
                     .GroupBy(e => new { Day = e.Timestamp.Date, e.ServiceName, e.MetricName })
                     .Select(g => new { g.Key.Day, g.Key.ServiceName, g.Key.MetricName, N = g.Count(), Sum = g.Sum(e => e.MetricValue) }).ToListAsync(ct))
            r.Add(Performance, g.Day, $"{g.ServiceName}|{g.MetricName}", g.Sum, g.N);
        foreach (var g in await db.BusinessMetrics.AsNoTracking().Where(e => e.Timestamp >= from && e.Timestamp < to)
                     .GroupBy(e => new { Day = e.Timestamp.Date, e.MetricName })
                     .Select(g => new { g.Key.Day, g.Key.MetricName, N = g.Count(), Sum = g.Sum(e => e.MetricValue) }).ToListAsync(ct))
            r.Add(Business, g.Day, g.MetricName, g.Sum, g.N);

        var list = r.ToList();
        foreach (var row in list) row.Value = Math.Round(row.Value, 4);
        return list;
    }

    /// <summary>
    /// Distinct players over the windows ending on each day, which daily figures cannot add up: active players over the 7, 30 and 90 days
    /// ending on it (WAU, MAU) and over the calendar week and month up to it (so a week or month bucket's figure is its last day's row),
    /// and paying players over the 7, 30 and 90 days (conversion, ARPPU; the range presets). One DISTINCT (player, day) query per source for the whole chunk;
    /// the sliding windows are counted here, and so are the daily active and paying players (the pairs of each day of the chunk).
    /// </summary>
    static async Task ActiveWindowsAsync(DayRows rows, GameOpsDbContext db, DateTime from, DateTime to, CancellationToken ct)
    {
        var since = from.AddDays(-89); // covers the 90-day window (and the 30-day one and the month to date) of the chunk's first day
        var active = await db.SessionData.AsNoTracking().Where(s => s.StartTime >= since && s.StartTime < to)
            .Select(s => new { s.UserId, Day = s.StartTime.Date }).Distinct().ToListAsync(ct);
        AddDaily(rows, ActiveUsers, from, active.Select(a => a.Day));
        AddWindows(rows, from, to, active.Select(a => (a.UserId, DayOf(a.Day))),
            (Wau, d => d.AddDays(-6)), (Mau, d => d.AddDays(-29)), (Active90, d => d.AddDays(-89)),
            (ActiveWeekToDate, d => Buckets.StartOf(d, Granularity.Week)), (ActiveMonthToDate, d => Buckets.StartOf(d, Granularity.Month)));
        var paid = MetricCatalog.PaidStatuses;
        var paying = await db.PaymentTransactions.AsNoTracking().Where(p => p.CompletedAt >= since && p.CompletedAt < to && paid.Contains(p.Status))
            .Select(p => new { p.UserId, Day = p.CompletedAt!.Value.Date }).Distinct().ToListAsync(ct);
        AddDaily(rows, PayingUsers, from, paying.Select(p => p.Day));
        AddWindows(rows, from, to, paying.Select(p => (p.UserId, DayOf(p.Day))), (Paying7, d => d.AddDays(-6)), (Paying30, d => d.AddDays(-29)), (Paying90, d => d.AddDays(-89)));
    }

    /// <summary>Distinct (player, day) pairs counted per day, from <paramref name="from"/> on (earlier pairs only feed the windows).</summary>
    static void AddDaily(DayRows rows, string metric, DateTime from, IEnumerable<DateTime> pairDays)
    {
        foreach (var day in pairDays.Select(DayOf).Where(d => d >= from).GroupBy(d => d))
            rows.Add(metric, day.Key, count: day.Count());
    }

    /// <summary>For each day d of [from, to) and each window [start(d), d]: the players with an active day in it.</summary>
    static void AddWindows(DayRows rows, DateTime from, DateTime to, IEnumerable<(Guid User, DateTime Day)> activity, params (string Metric, Func<DateTime, DateTime> Start)[] windows)
    {
        var byPlayer = activity.GroupBy(a => a.User).Select(g => g.Select(a => a.Day).Order().ToArray()).ToList();
        for (var d = from; d < to; d = d.AddDays(1))
        {
            var starts = windows.Select(w => w.Start(d)).ToArray();
            var counts = new long[windows.Length];
            foreach (var days in byPlayer)
            {
                var i = Array.BinarySearch(days, d);
                if (i < 0) i = ~i - 1; // the player's last active day on or before d
                if (i < 0) continue;
                for (var w = 0; w < windows.Length; w++)
                    if (days[i] >= starts[w]) counts[w]++;
            }
            for (var w = 0; w < windows.Length; w++)
                if (counts[w] > 0) rows.Add(windows[w].Metric, d, count: counts[w]);
        }
    }

    static async Task CountByDayAsync(DayRows rows, string metric, IQueryable<DateTime> times, CancellationToken ct)
    {
        foreach (var g in await times.GroupBy(t => t.Date).Select(g => new { Day = g.Key, N = g.Count() }).ToListAsync(ct))
            rows.Add(metric, g.Day, count: g.N);
    }

    /// <summary>
    /// The open backlog at the end of each day (the <see cref="MetricCatalog.OpenReports"/> definition at the next midnight):
    /// reports still open today plus those resolved after that midnight, counted by creation day and summed cumulatively.
    /// </summary>
    static async Task OpenBacklogAsync(DayRows rows, GameOpsDbContext db, DateTime from, DateTime to, CancellationToken ct)
    {
        var open = MetricCatalog.OpenReportStatuses;
        var before = await db.PlayerReports.CountAsync(p => p.CreatedAt < from && (p.ResolvedAt == null ? open.Contains(p.Status) : p.ResolvedAt >= from), ct);
        // Reports created before the end of day d that are open at the end of day d: those open at `from`, plus those created since,
        // minus those resolved since (by resolved day); a report created and resolved in the chunk nets out.
        var created = (await db.PlayerReports.Where(p => p.CreatedAt >= from && p.CreatedAt < to && (p.ResolvedAt == null ? open.Contains(p.Status) : p.CreatedAt < p.ResolvedAt))
            .GroupBy(p => p.CreatedAt.Date).Select(g => new { Day = g.Key, N = g.Count() }).ToListAsync(ct)).ToDictionary(g => DayOf(g.Day), g => g.N);
        var resolved = (await db.PlayerReports.Where(p => p.ResolvedAt >= from && p.ResolvedAt < to && p.CreatedAt < p.ResolvedAt)
            .GroupBy(p => p.ResolvedAt!.Value.Date).Select(g => new { Day = g.Key, N = g.Count() }).ToListAsync(ct)).ToDictionary(g => DayOf(g.Day), g => g.N);
        var backlog = before;
        for (var d = from; d < to; d = d.AddDays(1))
        {
            backlog += created.GetValueOrDefault(d) - resolved.GetValueOrDefault(d);
            rows.Add(OpenBacklog, d, count: backlog);
        }
    }

    /// <summary>
    /// Retention of the signup cohorts [from, to): Count = cohort size, Value = players retained on day n; only for elapsed days.
    /// The cohort join runs in the database: distinct returning players per (signup day, session day).
    /// </summary>
    public static async Task<List<MetricRollup>> ComputeRetentionAsync(GameOpsDbContext db, DateTime from, DateTime to, DateTime today, CancellationToken ct)
    {
        from = Utc(from); to = Utc(to);
        var cohorts = (await db.Players.AsNoTracking().Where(p => p.CreatedAt >= from && p.CreatedAt < to)
            .GroupBy(p => p.CreatedAt.Date).Select(g => new { Day = g.Key, N = g.Count() }).ToListAsync(ct)).ToDictionary(c => DayOf(c.Day), c => c.N);
        var result = new List<MetricRollup>();
        if (cohorts.Count == 0) return result;
        var sessionFrom = from.AddDays(1);
        var sessionTo = to.AddDays(MetricCatalog.RetentionDays.Max());
        var returned = (await db.SessionData.AsNoTracking()
                .Where(s => s.StartTime >= sessionFrom && s.StartTime < sessionTo && s.User.CreatedAt >= from && s.User.CreatedAt < to)
                .GroupBy(s => new { Cohort = s.User.CreatedAt.Date, Day = s.StartTime.Date })
                .Select(g => new { g.Key.Cohort, g.Key.Day, N = g.Select(s => s.UserId).Distinct().Count() }).ToListAsync(ct))
            .ToDictionary(g => (DayOf(g.Cohort), (DayOf(g.Day) - DayOf(g.Cohort)).Days), g => g.N);
        foreach (var (day, size) in cohorts.OrderBy(c => c.Key))
            foreach (var n in MetricCatalog.RetentionDays)
            {
                if (day.AddDays(n) >= today) continue; // day n not over yet
                result.Add(new MetricRollup { MetricName = RetentionMetric(n), Day = day, Count = size, Value = returned.GetValueOrDefault((day, n)) });
            }
        return result;
    }
}
