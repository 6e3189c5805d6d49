using GameOps.Data;
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
/// Rollups are derived data, written by the system (no staff audit rows); raw rows are only read day by day with indexed ranges.
/// </summary>
public sealed class RollupService(DatabaseOptions databaseOptions, Microsoft.Extensions.Options.IOptions<AnalyticsOptions> options, ILogger<RollupService> logger)
{
    public const string DoneMarker = "_done";
    public const string ActiveUsers = "active_users", NewPlayers = "new_players", Sessions = "sessions", SessionDuration = "session_duration",
        SessionLength = "session_length", SessionHour = "session_hour", RevenueGross = "revenue_gross", RevenueRefunds = "revenue_refunds",
        RevenueSku = "revenue_sku", RevenueCurrency = "revenue_currency", PayingUsers = "paying_users", Matches = "matches",
        ReportsOpened = "reports_opened", ReportsResolved = "reports_resolved", EventJoined = "event_joined", EventCompleted = "event_completed",
        QuestStarted = "quest_started", QuestCompleted = "quest_completed", ItemsAcquired = "items_acquired", Performance = "perf", Business = "business";
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
            foreach (var chunk in Contiguous(days, 7))
                rows += await RecomputeAsync(db, chunk.From, chunk.To, today, ct);
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
            for (var d = DayOf(from); d < DayOf(to); d = d.AddDays(7))
                rows += await RecomputeAsync(db, d, Min(d.AddDays(7), DayOf(to)), today, ct);
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
        await db.MetricRollups.Where(r => r.Day >= from && r.Day < to && !retentionNames.Contains(r.MetricName)).ExecuteDeleteAsync(ct);
        await db.MetricRollups.Where(r => retentionNames.Contains(r.MetricName) && cohortList.Contains(r.Day)).ExecuteDeleteAsync(ct);
        db.MetricRollups.AddRange(rows);
        db.MetricRollups.AddRange(retention);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return rows.Count + retention.Count;
    }

    sealed class DayRows(DateTime from, DateTime to)
    {
        readonly Dictionary<(string, DateTime, string), MetricRollup> rows = [];
        public void Add(string metric, DateTime at, string dimension = "", decimal value = 0, long count = 1)
        {
            var day = DayOf(at);
            if (day < from || day >= to) return;
            if (!rows.TryGetValue((metric, day, dimension), out var row))
                rows[(metric, day, dimension)] = row = new MetricRollup { MetricName = metric, Day = day, Dimension = dimension };
            row.Value += value;
            row.Count += count;
        }
        public List<MetricRollup> ToList() => [.. rows.Values];
    }

    /// <summary>The daily figures of [from, to), computed from raw rows read with indexed range predicates and aggregated in C#.</summary>
    public static async Task<List<MetricRollup>> ComputeDaysAsync(GameOpsDbContext db, DateTime from, DateTime to, CancellationToken ct)
    {
        from = Utc(from); to = Utc(to);
        var r = new DayRows(from, to);
        for (var d = from; d < to; d = d.AddDays(1)) r.Add(DoneMarker, d);

        var sessions = await db.SessionData.AsNoTracking().Where(s => s.StartTime >= from && s.StartTime < to)
            .Select(s => new { s.UserId, s.StartTime, s.Duration }).ToListAsync(ct);
        foreach (var s in sessions)
        {
            r.Add(Sessions, s.StartTime);
            r.Add(SessionHour, s.StartTime, s.StartTime.Hour.ToString("00"));
            if (s.Duration is { } seconds)
            {
                r.Add(SessionDuration, s.StartTime, "", seconds);
                r.Add(SessionLength, s.StartTime, SessionLengthBuckets.First(b => seconds < b.Max).Label);
            }
        }
        foreach (var g in sessions.Select(s => (s.UserId, Day: DayOf(s.StartTime))).Distinct()) r.Add(ActiveUsers, g.Day);

        foreach (var created in await db.Players.AsNoTracking().Where(p => p.CreatedAt >= from && p.CreatedAt < to).Select(p => p.CreatedAt).ToListAsync(ct))
            r.Add(NewPlayers, created);

        var paid = MetricCatalog.PaidStatuses;
        var completed = await db.PaymentTransactions.AsNoTracking()
            .Where(p => p.CompletedAt >= from && p.CompletedAt < to && paid.Contains(p.Status))
            .Select(p => new { p.UserId, At = p.CompletedAt!.Value, p.AmountUsd, p.ProductSku, p.Currency }).ToListAsync(ct);
        foreach (var p in completed)
        {
            r.Add(RevenueGross, p.At, "", p.AmountUsd);
            r.Add(RevenueSku, p.At, p.ProductSku, p.AmountUsd);
            r.Add(RevenueCurrency, p.At, p.Currency, p.AmountUsd);
        }
        foreach (var g in completed.Select(p => (p.UserId, Day: DayOf(p.At))).Distinct()) r.Add(PayingUsers, g.Day);
        var reversed = MetricCatalog.ReversedStatuses;
        foreach (var p in await db.PaymentTransactions.AsNoTracking()
                     .Where(p => p.RefundedAt >= from && p.RefundedAt < to && reversed.Contains(p.Status))
                     .Select(p => new { At = p.RefundedAt!.Value, p.AmountUsd, p.ProductSku, p.Currency }).ToListAsync(ct))
        {
            r.Add(RevenueRefunds, p.At, "", p.AmountUsd);
            r.Add(RevenueSku, p.At, p.ProductSku, -p.AmountUsd, 0);
            r.Add(RevenueCurrency, p.At, p.Currency, -p.AmountUsd, 0);
        }

        foreach (var at in await db.Matches.AsNoTracking()
                     .Where(m => (m.StartedAt ?? m.CreatedAt) >= from && (m.StartedAt ?? m.CreatedAt) < to && m.Status != "cancelled")
                     .Select(m => m.StartedAt ?? m.CreatedAt).ToListAsync(ct))
            r.Add(Matches, at);

        foreach (var at in await db.PlayerReports.AsNoTracking().Where(p => p.CreatedAt >= from && p.CreatedAt < to).Select(p => p.CreatedAt).ToListAsync(ct))
            r.Add(ReportsOpened, at);
        foreach (var p in await db.PlayerReports.AsNoTracking().Where(p => p.ResolvedAt >= from && p.ResolvedAt < to)
                     .Select(p => new { At = p.ResolvedAt!.Value, p.CreatedAt }).ToListAsync(ct))
            r.Add(ReportsResolved, p.At, "", (decimal)Math.Round((p.At - p.CreatedAt).TotalHours, 4));

        foreach (var at in await db.EventParticipations.AsNoTracking().Where(e => e.JoinedAt >= from && e.JoinedAt < to).Select(e => e.JoinedAt).ToListAsync(ct))
            r.Add(EventJoined, at);
        foreach (var at in await db.EventParticipations.AsNoTracking().Where(e => e.CompletedAt >= from && e.CompletedAt < to).Select(e => e.CompletedAt!.Value).ToListAsync(ct))
            r.Add(EventCompleted, at);
        foreach (var at in await db.QuestProgress.AsNoTracking().Where(e => e.StartedAt >= from && e.StartedAt < to).Select(e => e.StartedAt).ToListAsync(ct))
            r.Add(QuestStarted, at);
        foreach (var at in await db.QuestProgress.AsNoTracking().Where(e => e.CompletedAt >= from && e.CompletedAt < to).Select(e => e.CompletedAt!.Value).ToListAsync(ct))
            r.Add(QuestCompleted, at);
        foreach (var i in await db.InventoryItems.AsNoTracking().Where(e => e.AcquiredAt >= from && e.AcquiredAt < to)
                     .Select(e => new { e.AcquiredAt, e.Item.Name, e.Quantity }).ToListAsync(ct))
            r.Add(ItemsAcquired, i.AcquiredAt, i.Name, 0, i.Quantity);

        foreach (var m in await db.PerformanceMetrics.AsNoTracking().Where(e => e.Timestamp >= from && e.Timestamp < to)
                     .Select(e => new { e.Timestamp, e.ServiceName, e.MetricName, e.MetricValue }).ToListAsync(ct))
            r.Add(Performance, m.Timestamp, $"{m.ServiceName}|{m.MetricName}", m.MetricValue);
        foreach (var m in await db.BusinessMetrics.AsNoTracking().Where(e => e.Timestamp >= from && e.Timestamp < to)
                     .Select(e => new { e.Timestamp, e.MetricName, e.MetricValue }).ToListAsync(ct))
            r.Add(Business, m.Timestamp, m.MetricName, m.MetricValue);

        var list = r.ToList();
        foreach (var row in list) row.Value = Math.Round(row.Value, 4);
        return list;
    }

    /// <summary>Retention of the signup cohorts [from, to): Count = cohort size, Value = players retained on day n; only for elapsed days.</summary>
    public static async Task<List<MetricRollup>> ComputeRetentionAsync(GameOpsDbContext db, DateTime from, DateTime to, DateTime today, CancellationToken ct)
    {
        from = Utc(from); to = Utc(to);
        var cohort = (await db.Players.AsNoTracking().Where(p => p.CreatedAt >= from && p.CreatedAt < to).Select(p => new { p.Id, p.CreatedAt }).ToListAsync(ct))
            .ToDictionary(p => p.Id, p => DayOf(p.CreatedAt));
        var result = new List<MetricRollup>();
        if (cohort.Count == 0) return result;
        var maxN = MetricCatalog.RetentionDays.Max();
        var sessionFrom = from.AddDays(1);
        var sessionTo = to.AddDays(maxN);
        var seen = (await db.SessionData.AsNoTracking()
                .Where(s => s.StartTime >= sessionFrom && s.StartTime < sessionTo && s.User.CreatedAt >= from && s.User.CreatedAt < to)
                .Select(s => new { s.UserId, s.StartTime }).ToListAsync(ct))
            .Select(s => (s.UserId, Offset: (DayOf(s.StartTime) - cohort[s.UserId]).Days)).ToHashSet();
        foreach (var day in cohort.Values.Distinct())
        {
            var users = cohort.Where(c => c.Value == day).Select(c => c.Key).ToList();
            foreach (var n in MetricCatalog.RetentionDays)
            {
                if (day.AddDays(n) >= today) continue; // day n not over yet
                result.Add(new MetricRollup
                {
                    MetricName = RetentionMetric(n), Day = day, Count = users.Count,
                    Value = users.Count(u => seen.Contains((u, n))),
                });
            }
        }
        return result;
    }
}
