using System.Globalization;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using static GameOps.Web.Services.Analytics.RollupService;

namespace GameOps.Web.Services.Analytics;

/// <summary>
/// The dashboards' figures, all from <c>metric_rollups</c> (day-additive figures, each day's top spenders, resolve-time spans for the
/// median, the end-of-day open backlog, status and level snapshots, and distinct active and paying players over the 7 and 30 days and
/// the calendar week and month ending on each day) except distinct players over other windows (e.g. a custom 12-day range), which
/// daily figures cannot add up: those are counted directly with one range query each.
/// </summary>
public sealed class AnalyticsService(IDbContextFactory<GameOpsDbContext> primaryContexts, CurrentStaff currentStaff, GameOps.Web.Infrastructure.IReadOnlyDbContextFactory? readOnlyContexts = null)
{
    /// <summary>Every figure here is business data: the caller must hold AnalyticsRead, whatever page or endpoint asks.</summary>
    Task DemandAsync() => currentStaff.DemandAsync(Permission.AnalyticsRead);

    readonly IDbContextFactory<GameOpsDbContext> contexts = readOnlyContexts ?? primaryContexts; // ConnectionStrings:GameOpsReadOnly when set

    public const int DrillLimit = DrillDowns.Limit;

    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    async Task<List<MetricRollup>> RollupsAsync(GameOpsDbContext db, DayRange range, CancellationToken ct, params string[] names) =>
        await db.MetricRollups.AsNoTracking().Where(r => names.Contains(r.MetricName) && r.Day >= range.Start && r.Day < range.End).ToListAsync(ct);

    static double Sum(IEnumerable<MetricRollup> rows, string metric, bool count) =>
        rows.Where(r => r.MetricName == metric).Sum(r => count ? r.Count : (double)r.Value);

    static double? Ratio(double a, double b) => b == 0 ? null : a / b;

    // ---------- distinct-player figures (direct, indexed) ----------

    /// <summary>
    /// Distinct active players in [from, to): from the window rollups when the range is one of theirs (the 7, 30 or 90 days, or the
    /// calendar week or month up to a day, ending at <paramref name="to"/>), else one distinct count on the session_data.start_time index.
    /// </summary>
    static async Task<int> ActivePlayersAsync(GameOpsDbContext db, DateTime from, DateTime to, CancellationToken ct)
    {
        var last = to.AddDays(-1);
        var metric = (to - from).Days == 7 ? Wau : (to - from).Days == 30 ? Mau : (to - from).Days == 90 ? Active90
            : from == Buckets.StartOf(last, Granularity.Week) ? ActiveWeekToDate : from == Buckets.StartOf(last, Granularity.Month) ? ActiveMonthToDate : null;
        if (metric is not null && await db.MetricRollups.AnyAsync(r => r.MetricName == DoneMarker && r.Day == last, ct))
            return (int)await db.MetricRollups.Where(r => r.MetricName == metric && r.Day == last).Select(r => r.Count).FirstOrDefaultAsync(ct);
        return await db.SessionData.Where(s => s.StartTime >= from && s.StartTime < to).Select(s => s.UserId).Distinct().CountAsync(ct);
    }

    /// <summary>Distinct players with a completed transaction in [from, to): the 7-, 30- or 90-day window rollup when it is one, else counted directly.</summary>
    static async Task<int> PayingPlayersAsync(GameOpsDbContext db, DateTime from, DateTime to, CancellationToken ct)
    {
        var last = to.AddDays(-1);
        var metric = (to - from).Days switch { 7 => Paying7, 30 => Paying30, 90 => Paying90, _ => null };
        if (metric is not null && await db.MetricRollups.AnyAsync(r => r.MetricName == DoneMarker && r.Day == last, ct))
            return (int)await db.MetricRollups.Where(r => r.MetricName == metric && r.Day == last).Select(r => r.Count).FirstOrDefaultAsync(ct);
        var paid = MetricCatalog.PaidStatuses;
        return await db.PaymentTransactions.Where(p => p.CompletedAt >= from && p.CompletedAt < to && paid.Contains(p.Status)).Select(p => p.UserId).Distinct().CountAsync(ct);
    }

    /// <summary>The open backlog at <paramref name="at"/> (a midnight): the rollup of the day before, or a direct count when it is not rolled up yet.</summary>
    static async Task<int> OpenReportsAtAsync(GameOpsDbContext db, DateTime at, CancellationToken ct)
    {
        var day = at.AddDays(-1);
        var rolled = await db.MetricRollups.Where(r => r.MetricName == OpenBacklog && r.Day == day).Select(r => (long?)r.Count).FirstOrDefaultAsync(ct);
        if (rolled is { } n) return (int)n;
        var open = MetricCatalog.OpenReportStatuses;
        return await db.PlayerReports.CountAsync(r => r.CreatedAt < at && (r.ResolvedAt == null ? open.Contains(r.Status) : r.ResolvedAt >= at), ct);
    }

    /// <summary>The latest snapshot of <paramref name="metric"/> (dimension, count), or null when no refresh has taken one yet.</summary>
    static async Task<List<(string Dimension, long Count)>?> LatestSnapshotAsync(GameOpsDbContext db, string metric, CancellationToken ct)
    {
        var day = await db.MetricRollups.Where(r => r.MetricName == metric).MaxAsync(r => (DateTime?)r.Day, ct);
        if (day is null) return null;
        return (await db.MetricRollups.AsNoTracking().Where(r => r.MetricName == metric && r.Day == day).Select(r => new { r.Dimension, r.Count }).ToListAsync(ct))
            .Select(r => (r.Dimension, r.Count)).ToList();
    }

    // ---------- overview ----------

    /// <summary>The KPI tiles of the overview for a range, each with the previous period's figure.</summary>
    public async Task<IReadOnlyList<Kpi>> OverviewAsync(DayRange range, CancellationToken ct = default)
    {
        await DemandAsync();
        var now = await FiguresAsync(range, ct);
        var before = await FiguresAsync(range.Previous, ct);
        var firstDays = await FirstDataDaysAsync(ct, OverviewSources.Values.SelectMany(s => s.Rollups).Distinct().ToArray());
        return now.Select(k => k with
        {
            Previous = before.First(b => b.Metric == k.Metric).Value,
            DataFrom = OverviewSources.TryGetValue(k.Metric.Key, out var source) ? DataStartsInside(source, range.Previous, firstDays) : null,
        }).ToList();
    }

    /// <summary>
    /// What each overview figure is counted from: the rollups whose data it needs (payments for the paying figures, sessions for the
    /// active ones) and the first day of a period it reads (the period's start; WAU and MAU read the last 7 and 30 days before its end,
    /// stickiness both). The open backlog is a count at one instant and has no such start.
    /// </summary>
    static readonly Dictionary<string, (string[] Rollups, Func<DayRange, DateTime> ReadsFrom)> OverviewSources = new()
    {
        [MetricCatalog.Dau.Key] = ([ActiveUsers], WholePeriod),
        [MetricCatalog.Wau.Key] = ([ActiveUsers], p => p.End.AddDays(-7)),
        [MetricCatalog.Mau.Key] = ([ActiveUsers], p => p.End.AddDays(-30)),
        [MetricCatalog.Stickiness.Key] = ([ActiveUsers], p => p.End.AddDays(-30) < p.Start ? p.End.AddDays(-30) : p.Start),
        [MetricCatalog.NewPlayers.Key] = ([NewPlayers], WholePeriod),
        [MetricCatalog.Revenue.Key] = ([RevenueGross], WholePeriod),
        [MetricCatalog.PayingPlayers.Key] = ([RevenueGross], WholePeriod),
        [MetricCatalog.Conversion.Key] = ([RevenueGross, ActiveUsers], WholePeriod),
        [MetricCatalog.Arpdau.Key] = ([RevenueGross, ActiveUsers], WholePeriod),
        [MetricCatalog.Arppu.Key] = ([RevenueGross], WholePeriod),
        [MetricCatalog.AvgSessionLength.Key] = ([SessionDuration], WholePeriod),
        [MetricCatalog.MatchesPlayed.Key] = ([Matches], WholePeriod),
    };

    static DateTime WholePeriod(DayRange period) => period.Start;

    /// <summary>The first day with a rollup row (rows exist only for days with data) of each of <paramref name="names"/> that has any.</summary>
    async Task<Dictionary<string, DateTime>> FirstDataDaysAsync(CancellationToken ct, params string[] names)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.MetricRollups.AsNoTracking().Where(r => names.Contains(r.MetricName))
            .GroupBy(r => r.MetricName).Select(g => new { g.Key, First = g.Min(r => r.Day) }).ToDictionaryAsync(g => g.Key, g => g.First, ct);
    }

    /// <summary>The first day of the figure's data when it comes after the first day the figure reads of <paramref name="previous"/>; else null.</summary>
    static DateTime? DataStartsInside((string[] Rollups, Func<DayRange, DateTime> ReadsFrom) s, DayRange previous, IReadOnlyDictionary<string, DateTime> firstDays)
    {
        var starts = s.Rollups.Where(firstDays.ContainsKey).Select(r => firstDays[r]).ToList();
        return starts.Count > 0 && starts.Max() is var start && start > s.ReadsFrom(previous) ? start : null;
    }

    async Task<List<Kpi>> FiguresAsync(DayRange range, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await RollupsAsync(db, range, ct, ActiveUsers, NewPlayers, RevenueGross, RevenueRefunds, Sessions, SessionDuration, Matches);
        var dauDays = Sum(rows, ActiveUsers, true);
        var dau = dauDays / range.Days;
        var active = await ActivePlayersAsync(db, range.Start, range.End, ct);
        // A 7- or 30-day range is its own WAU or MAU window: count each distinct window once.
        var wau = range.Days == 7 ? active : await ActivePlayersAsync(db, range.End.AddDays(-7), range.End, ct);
        var mau = range.Days == 30 ? active : await ActivePlayersAsync(db, range.End.AddDays(-30), range.End, ct);
        var paying = await PayingPlayersAsync(db, range.Start, range.End, ct);
        var revenue = Math.Round(Sum(rows, RevenueGross, false) - Sum(rows, RevenueRefunds, false), 2);
        var sessionsWithDuration = Sum(rows, SessionDuration, true);
        return
        [
            new(MetricCatalog.Dau, Math.Round(dau, 2), null),
            new(MetricCatalog.Wau, wau, null),
            new(MetricCatalog.Mau, mau, null),
            new(MetricCatalog.Stickiness, Ratio(dau, mau), null),
            new(MetricCatalog.NewPlayers, Sum(rows, NewPlayers, true), null),
            new(MetricCatalog.Revenue, revenue, null),
            new(MetricCatalog.PayingPlayers, paying, null),
            new(MetricCatalog.Conversion, Ratio(paying, active), null),
            new(MetricCatalog.Arpdau, Ratio(revenue, dauDays) is { } a ? Math.Round(a, 4) : null, null),
            new(MetricCatalog.Arppu, Ratio(revenue, paying) is { } b ? Math.Round(b, 4) : null, null),
            new(MetricCatalog.AvgSessionLength, Ratio(Sum(rows, SessionDuration, false), sessionsWithDuration), null),
            new(MetricCatalog.MatchesPlayed, Sum(rows, Matches, true), null),
            new(MetricCatalog.OpenReports, await OpenReportsAtAsync(db, range.End, ct), null),
        ];
    }

    // ---------- charts ----------

    /// <summary>Chart keys by page, in display order (from <see cref="ChartCatalog"/>).</summary>
    public static IReadOnlyDictionary<string, string[]> Pages => ChartCatalog.Pages;

    public static bool IsChart(string key) => ChartCatalog.Find(key) is not null;

    /// <summary>The data behind one chart (what it shows and what its CSV holds): the registry names the builder, its unit and its shape.</summary>
    public async Task<ChartTable> ChartAsync(string key, DayRange range, Granularity g, CancellationToken ct = default)
    {
        await DemandAsync();
        var definition = ChartCatalog.Find(key) ?? throw new ArgumentException($"Unknown chart '{key}'.", nameof(key));
        await using var db = await contexts.CreateDbContextAsync(ct);
        var request = new ChartRequest(db, key, range, g, ct);
        var table = await Builders[definition.Builder](this, request);
        return table with { Unit = definition.UnitFor(key), Shape = definition.Shape, Drill = definition.Drill?.Key };
    }

    /// <summary>One builder per chart family, named by <see cref="ChartDefinition.Builder"/>.</summary>
    static readonly IReadOnlyDictionary<string, Func<AnalyticsService, ChartRequest, Task<ChartTable>>> Builders =
        new Dictionary<string, Func<AnalyticsService, ChartRequest, Task<ChartTable>>>
        {
            ["players.growth"] = (a, c) => a.PlayersGrowthAsync(c),
            ["players.status"] = (a, c) => a.PlayersStatusAsync(c),
            ["players.levels"] = (a, c) => a.PlayersLevelsAsync(c),
            ["revenue.daily"] = (a, c) => a.RevenueDailyAsync(c),
            ["revenue.sku"] = (a, c) => a.RevenueSkuOrCurrencyAsync(c),
            ["revenue.currency"] = (a, c) => a.RevenueSkuOrCurrencyAsync(c),
            ["revenue.spenders"] = (a, c) => a.RevenueSpendersAsync(c),
            ["retention.curve"] = (a, c) => a.RetentionCurveAsync(c),
            ["retention.cohorts"] = (a, c) => a.RetentionCohortsAsync(c),
            ["engagement.sessions"] = (a, c) => a.EngagementSessionsAsync(c),
            ["engagement.length"] = (a, c) => a.EngagementLengthAsync(c),
            ["engagement.hours"] = (a, c) => a.EngagementHoursAsync(c),
            ["engagement.events"] = (a, c) => a.EngagementEventsAsync(c),
            ["engagement.quests"] = (a, c) => a.EngagementQuestsAsync(c),
            ["engagement.items"] = (a, c) => a.EngagementItemsAsync(c),
            ["ops.moderation"] = (a, c) => a.OpsModerationAsync(c),
            ["engagement.session_length"] = (a, c) => a.EngagementSessionLengthAsync(c),
            ["ops.business"] = (a, c) => a.OpsBusinessAsync(c),
            ["ops.perf"] = (a, c) => a.OpsPerfAsync(c),
        };

    static double? CountOf(IEnumerable<MetricRollup> rs) => rs.Sum(r => r.Count);
    static double? ValueOf(IEnumerable<MetricRollup> rs) => Math.Round(rs.Sum(r => (double)r.Value), 2);

    async Task<ChartTable> PlayersGrowthAsync(ChartRequest chart)
    {
        var (db, key, range, g, ct) = (chart.Db, chart.Key, chart.Range, chart.Granularity, chart.Ct);
        var (buckets, labels, keys) = (chart.Buckets, chart.Labels, chart.Keys);
        var rows = await RollupsAsync(db, range, ct, NewPlayers, ActiveUsers);
        double?[] active;
        if (g == Granularity.Day) active = chart.PerBucket(rows, ActiveUsers, CountOf);
        else
        {
            active = new double?[buckets.Count];
            for (var i = 0; i < buckets.Count; i++) active[i] = await ActivePlayersAsync(db, buckets[i].Start, buckets[i].End, ct);
        }
        return new ChartTable(key, "New and active players", MetricCatalog.ActiveUsers, labels, keys,
            [new("New players", chart.PerBucket(rows, NewPlayers, CountOf)), new("Active players", active)]);
    }

    async Task<ChartTable> PlayersStatusAsync(ChartRequest chart)
    {
        var (db, key, range, g, ct) = (chart.Db, chart.Key, chart.Range, chart.Granularity, chart.Ct);
        var (buckets, labels, keys) = (chart.Buckets, chart.Labels, chart.Keys);
        var mix = await LatestSnapshotAsync(db, StatusMix, ct)
                  ?? (await db.Players.GroupBy(p => p.Status).Select(x => new { x.Key, N = x.Count() }).ToListAsync(ct)).Select(x => (x.Key, (long)x.N)).ToList();
        return chart.Categories("Player status mix", MetricCatalog.Get("new_players") with { Title = "Status", Definition = "Players (users rows) by their current status (as of the last rollup refresh), whatever the range." },
            mix.OrderByDescending(x => x.Count).Select(x => (x.Dimension, (double)x.Count)), "Players");
    }

    async Task<ChartTable> PlayersLevelsAsync(ChartRequest chart)
    {
        var (db, key, range, g, ct) = (chart.Db, chart.Key, chart.Range, chart.Granularity, chart.Ct);
        var (buckets, labels, keys) = (chart.Buckets, chart.Labels, chart.Keys);
        var levels = (await LatestSnapshotAsync(db, ActorLevels, ct))?.Select(x => (Key: int.Parse(x.Dimension, Inv), N: x.Count)).ToList()
                     ?? (await db.Actors.GroupBy(a => a.Level).Select(x => new { x.Key, N = x.Count() }).ToListAsync(ct)).Select(x => (x.Key, N: (long)x.N)).ToList();
        var size = levels.Count == 0 ? 1 : Math.Max(1, (int)Math.Ceiling(levels.Max(l => l.Key) / 10.0));
        var grouped = levels.GroupBy(l => (l.Key - 1) / size).OrderBy(x => x.Key)
            .Select(x => (size == 1 ? $"{x.Key + 1}" : $"{x.Key * size + 1}–{(x.Key + 1) * size}", (double)x.Sum(l => l.N)));
        return chart.Categories("Level distribution of actors", new MetricDefinition("levels", "Actors", "Actors (characters) by their current level (as of the last rollup refresh), whatever the range.", MetricFormat.Count), grouped, "Actors");
    }

    async Task<ChartTable> RevenueDailyAsync(ChartRequest chart)
    {
        var (db, key, range, g, ct) = (chart.Db, chart.Key, chart.Range, chart.Granularity, chart.Ct);
        var (buckets, labels, keys) = (chart.Buckets, chart.Labels, chart.Keys);
        var rows = await RollupsAsync(db, range, ct, RevenueGross, RevenueRefunds);
        var gross = chart.PerBucket(rows, RevenueGross, ValueOf);
        var refunds = chart.PerBucket(rows, RevenueRefunds, ValueOf);
        var net = gross.Select((v, i) => (double?)Math.Round((v ?? 0) - (refunds[i] ?? 0), 2)).ToArray();
        return new ChartTable(key, "Revenue", MetricCatalog.Revenue, labels, keys,
            [new("Net revenue (USD)", net), new("Gross (USD)", gross), new("Refunds and chargebacks (USD)", refunds)]);
    }

    async Task<ChartTable> RevenueSkuOrCurrencyAsync(ChartRequest chart)
    {
        var (db, key, range, g, ct) = (chart.Db, chart.Key, chart.Range, chart.Granularity, chart.Ct);
        var (buckets, labels, keys) = (chart.Buckets, chart.Labels, chart.Keys);
        var metric = key == "revenue.sku" ? RevenueSku : RevenueCurrency;
        var rows = await RollupsAsync(db, range, ct, metric);
        var items = rows.GroupBy(r => r.Dimension).Select(x => (Label: x.Key, Value: Math.Round(x.Sum(r => (double)r.Value), 2)))
            .OrderByDescending(x => x.Value).Take(15);
        return chart.Categories(key == "revenue.sku" ? "Net revenue by product (SKU)" : "Net revenue by currency (in USD)", MetricCatalog.Revenue, items, "Net revenue (USD)");
    }

    async Task<ChartTable> RevenueSpendersAsync(ChartRequest chart)
    {
        var (db, key, range, g, ct) = (chart.Db, chart.Key, chart.Range, chart.Granularity, chart.Ct);
        var (buckets, labels, keys) = (chart.Buckets, chart.Labels, chart.Keys);
        var spenders = await TopSpendersAsync(db, range, ct);
        return new ChartTable(key, "Top spenders", MetricCatalog.Revenue with
            {
                Title = "Top spenders",
                Definition = $"The 10 players with the highest net revenue over the range (as {MetricCatalog.Revenue.Title}), summed over the days where they were among the day's {SpendersPerDay} biggest net spenders.",
            }, spenders.Select(s => s.Name).ToList(), spenders.Select(s => s.Id.ToString()).ToList(),
            [new("Net revenue (USD)", spenders.Select(s => (double?)s.Net).ToArray())]);
    }

    async Task<ChartTable> RetentionCurveAsync(ChartRequest chart)
    {
        var (db, key, range, g, ct) = (chart.Db, chart.Key, chart.Range, chart.Granularity, chart.Ct);
        var (buckets, labels, keys) = (chart.Buckets, chart.Labels, chart.Keys);
        var rows = await RollupsAsync(db, range, ct, MetricCatalog.RetentionDays.Select(RetentionMetric).ToArray());
        var values = MetricCatalog.RetentionDays.Select(n =>
        {
            var rs = rows.Where(r => r.MetricName == RetentionMetric(n)).ToList();
            return Ratio(rs.Sum(r => (double)r.Value), rs.Sum(r => r.Count)) is { } v ? (double?)Math.Round(v * 100, 2) : null;
        }).ToArray();
        return new ChartTable(key, "Retention curve (% of players of the cohorts in the range)", MetricCatalog.Retention,
            MetricCatalog.RetentionDays.Select(n => $"D{n}").ToList(), MetricCatalog.RetentionDays.Select(n => $"D{n}").ToList(), [new("Retention %", values)]);
    }

    async Task<ChartTable> RetentionCohortsAsync(ChartRequest chart)
    {
        var (db, key, range, g, ct) = (chart.Db, chart.Key, chart.Range, chart.Granularity, chart.Ct);
        var (buckets, labels, keys) = (chart.Buckets, chart.Labels, chart.Keys);
        var cohorts = await CohortsAsync(range, ct);
        return new ChartTable(key, "Cohorts by signup week", MetricCatalog.Retention, cohorts.Select(c => c.Week.ToString("yyyy-MM-dd", Inv)).ToList(),
            cohorts.Select(c => c.Week.ToString("yyyy-MM-dd", Inv)).ToList(),
            [new("Cohort size", cohorts.Select(c => (double?)c.Size).ToArray()),
             .. MetricCatalog.RetentionDays.Select(n => new ChartSeriesData($"D{n} %", cohorts.Select(c => c.Retention[n] is { } v ? (double?)Math.Round(v * 100, 2) : null).ToArray()))]);
    }

    async Task<ChartTable> EngagementSessionsAsync(ChartRequest chart)
    {
        var (db, key, range, g, ct) = (chart.Db, chart.Key, chart.Range, chart.Granularity, chart.Ct);
        var (buckets, labels, keys) = (chart.Buckets, chart.Labels, chart.Keys);
        var rows = await RollupsAsync(db, range, ct, Sessions, SessionDuration);
        var avg = buckets.Select(b =>
        {
            var rs = rows.Where(r => r.MetricName == SessionDuration && r.Day >= b.Start && r.Day < b.End).ToList();
            return Ratio(rs.Sum(r => (double)r.Value) / 60, rs.Sum(r => r.Count)) is { } v ? (double?)Math.Round(v, 2) : null;
        }).ToArray();
        return new ChartTable(key, "Sessions", MetricCatalog.Sessions, labels, keys,
            [new("Sessions", chart.PerBucket(rows, Sessions, CountOf)), new("Avg. length (min)", avg)]);
    }

    async Task<ChartTable> EngagementLengthAsync(ChartRequest chart)
    {
        var (db, key, range, g, ct) = (chart.Db, chart.Key, chart.Range, chart.Granularity, chart.Ct);
        var (buckets, labels, keys) = (chart.Buckets, chart.Labels, chart.Keys);
        var rows = await RollupsAsync(db, range, ct, SessionLength);
        return chart.Categories("Session length distribution", MetricCatalog.AvgSessionLength,
            SessionLengthBuckets.Select(b => (b.Label, (double)rows.Where(r => r.Dimension == b.Label).Sum(r => r.Count))), "Sessions");
    }

    async Task<ChartTable> EngagementHoursAsync(ChartRequest chart)
    {
        var (db, key, range, g, ct) = (chart.Db, chart.Key, chart.Range, chart.Granularity, chart.Ct);
        var (buckets, labels, keys) = (chart.Buckets, chart.Labels, chart.Keys);
        var rows = await RollupsAsync(db, range, ct, SessionHour);
        var days = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday };
        return new ChartTable(key, "Peak hours (sessions started, UTC)", MetricCatalog.Sessions, Enumerable.Range(0, 24).Select(h => h.ToString("00", Inv)).ToList(),
            Enumerable.Range(0, 24).Select(h => h.ToString("00", Inv)).ToList(),
            days.Select(d => new ChartSeriesData(d.ToString()[..3], Enumerable.Range(0, 24)
                .Select(h => (double?)rows.Where(r => r.Day.DayOfWeek == d && r.Dimension == h.ToString("00", Inv)).Sum(r => r.Count)).ToArray())).ToList());
    }

    async Task<ChartTable> EngagementEventsAsync(ChartRequest chart)
    {
        var (db, key, range, g, ct) = (chart.Db, chart.Key, chart.Range, chart.Granularity, chart.Ct);
        var (buckets, labels, keys) = (chart.Buckets, chart.Labels, chart.Keys);
        var rows = await RollupsAsync(db, range, ct, EventJoined, EventCompleted);
        return new ChartTable(key, "Event participation and completion", MetricCatalog.EventJoined, labels, keys,
            [new("Joined", chart.PerBucket(rows, EventJoined, CountOf)), new("Completed", chart.PerBucket(rows, EventCompleted, CountOf))]);
    }

    async Task<ChartTable> EngagementQuestsAsync(ChartRequest chart)
    {
        var (db, key, range, g, ct) = (chart.Db, chart.Key, chart.Range, chart.Granularity, chart.Ct);
        var (buckets, labels, keys) = (chart.Buckets, chart.Labels, chart.Keys);
        var rows = await RollupsAsync(db, range, ct, QuestStarted, QuestCompleted);
        return chart.Categories("Quest funnel", MetricCatalog.QuestStarted, [("Started", Sum(rows, QuestStarted, true)), ("Completed", Sum(rows, QuestCompleted, true))], "Quests");
    }

    async Task<ChartTable> EngagementItemsAsync(ChartRequest chart)
    {
        var (db, key, range, g, ct) = (chart.Db, chart.Key, chart.Range, chart.Granularity, chart.Ct);
        var (buckets, labels, keys) = (chart.Buckets, chart.Labels, chart.Keys);
        var rows = await RollupsAsync(db, range, ct, ItemsAcquired);
        return chart.Categories("Top items acquired", MetricCatalog.ItemsAcquired,
            rows.GroupBy(r => r.Dimension).Select(x => (x.Key, (double)x.Sum(r => r.Count))).OrderByDescending(x => x.Item2).Take(10), "Quantity");
    }

    async Task<ChartTable> OpsModerationAsync(ChartRequest chart)
    {
        var (db, key, range, g, ct) = (chart.Db, chart.Key, chart.Range, chart.Granularity, chart.Ct);
        var (buckets, labels, keys) = (chart.Buckets, chart.Labels, chart.Keys);
        var rows = await RollupsAsync(db, range, ct, ReportsOpened, ReportsResolved);
        return new ChartTable(key, "Moderation workload", MetricCatalog.ReportsOpened, labels, keys,
            [new("Reports opened", chart.PerBucket(rows, ReportsOpened, CountOf)), new("Reports resolved", chart.PerBucket(rows, ReportsResolved, CountOf))]);
    }

    /// <summary>Average session length per bucket, in minutes: its own chart, so sessions (a count) and minutes never share an axis.</summary>
    async Task<ChartTable> EngagementSessionLengthAsync(ChartRequest c)
    {
        var rows = await RollupsAsync(c.Db, c.Range, c.Ct, SessionDuration);
        var avg = c.Buckets.Select(b =>
        {
            var rs = rows.Where(r => r.MetricName == SessionDuration && r.Day >= b.Start && r.Day < b.End).ToList();
            return Ratio(rs.Sum(r => (double)r.Value) / 60, rs.Sum(r => r.Count)) is { } v ? (double?)Math.Round(v, 2) : null;
        }).ToArray();
        return new ChartTable(c.Key, "Average session length", MetricCatalog.AvgSessionLength, c.Labels, c.Keys, [new("Avg. session length", avg)]);
    }

    /// <summary>business_metrics by group of one unit (players, money, rates…), each series named and aggregated as its definition says.</summary>
    async Task<ChartTable> OpsBusinessAsync(ChartRequest c)
    {
        var group = c.Key.StartsWith("ops.business:", StringComparison.Ordinal) ? c.Key["ops.business:".Length..] : BusinessMetrics.Groups[0].Key;
        var rows = await RollupsAsync(c.Db, c.Range, c.Ct, Business);
        var definition = BusinessMetrics.Groups.FirstOrDefault(x => x.Key == group) ?? BusinessMetrics.Groups[0];
        var names = rows.Select(r => r.Dimension).Distinct().Where(n => BusinessMetrics.GroupOf(n) == definition.Key).Order().Take(8).ToList();
        var series = names.Select(name =>
        {
            var metric = BusinessMetrics.Describe(name);
            return new ChartSeriesData(metric.Title, c.Buckets.Select(b =>
            {
                var rs = rows.Where(r => r.Dimension == name && r.Day >= b.Start && r.Day < b.End).ToList();
                if (rs.Count == 0) return (double?)null;
                var value = metric.Averaged ? rs.Average(r => (double)r.Value) : rs.Sum(r => (double)r.Value);
                return Math.Round(value * metric.Scale, 2);
            }).ToArray());
        }).ToList();
        return new ChartTable("ops.business:" + definition.Key, definition.Title, MetricCatalog.BusinessValue with { Definition = definition.Definition }, c.Labels, c.Keys, series);
    }

    /// <summary>One performance metric (latency, error rate, requests per minute) per service, in the metric's own unit.</summary>
    async Task<ChartTable> OpsPerfAsync(ChartRequest c)
    {
        var rows = await RollupsAsync(c.Db, c.Range, c.Ct, Performance);
        var metrics = rows.Select(r => r.Dimension.Split('|')[^1]).Distinct().Order().ToList();
        var metricName = c.Key.StartsWith("ops.perf:", StringComparison.Ordinal) ? c.Key["ops.perf:".Length..] : metrics.FirstOrDefault() ?? "";
        var scale = ChartUnit.ForPerformanceMetric(metricName) == ChartUnit.Percent ? 100 : 1;
        var series = rows.Where(r => r.Dimension.EndsWith("|" + metricName, StringComparison.Ordinal)).Select(r => r.Dimension).Distinct().Order().Take(10)
            .Select(dim => new ChartSeriesData(dim.Split('|')[0], c.Buckets.Select(b =>
            {
                var rs = rows.Where(r => r.Dimension == dim && r.Day >= b.Start && r.Day < b.End).ToList();
                return Ratio(rs.Sum(r => (double)r.Value), rs.Sum(r => r.Count)) is { } v ? (double?)Math.Round(v * scale, 3) : null;
            }).ToArray())).ToList();
        return new ChartTable("ops.perf:" + metricName, $"{BusinessMetrics.Humanize(metricName)} by service (mean per bucket)", MetricCatalog.PerformanceValue, c.Labels, c.Keys, series);
    }

    /// <summary>Metric names present in performance rollups of the range (one chart each).</summary>
    public async Task<IReadOnlyList<string>> PerformanceMetricNamesAsync(DayRange range, CancellationToken ct = default)
    {
        await DemandAsync();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var dims = await db.MetricRollups.AsNoTracking().Where(r => r.MetricName == Performance && r.Day >= range.Start && r.Day < range.End)
            .Select(r => r.Dimension).Distinct().ToListAsync(ct);
        return dims.Select(d => d.Split('|')[^1]).Distinct().Order().ToList();
    }

    sealed record Spender(Guid Id, string Name, double Net);

    /// <summary>
    /// The 10 players with the highest net spend over the range, summed in the database from the daily spend rollups, which keep each
    /// day's <see cref="RollupService.SpendersPerDay"/> biggest spenders: exact unless a player's total comes from days where they were not
    /// among them (then it is a lower bound).
    /// </summary>
    static async Task<List<Spender>> TopSpendersAsync(GameOpsDbContext db, DayRange range, CancellationToken ct)
    {
        var (from, to) = (range.Start, range.End);
        var net = (await db.MetricRollups.AsNoTracking().Where(r => r.MetricName == Spend && r.Day >= from && r.Day < to)
                .GroupBy(r => r.Dimension).Select(g => new { Id = g.Key, Net = g.Sum(r => r.Value) })
                .OrderByDescending(x => x.Net).ThenBy(x => x.Id).Take(10).ToListAsync(ct))
            .Select(x => (Id: Guid.Parse(x.Id), x.Net)).ToList();
        var ids = net.Select(n => n.Id).ToList();
        var names = await db.Players.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Username, ct);
        return net.Select(n => new Spender(n.Id, names.GetValueOrDefault(n.Id, n.Id.ToString()), (double)Math.Round(n.Net, 2))).ToList();
    }

    /// <summary>Retention by signup week (Monday) of the cohorts that signed up in the range.</summary>
    public async Task<IReadOnlyList<CohortRow>> CohortsAsync(DayRange range, CancellationToken ct = default)
    {
        await DemandAsync();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await RollupsAsync(db, range, ct, [.. MetricCatalog.RetentionDays.Select(RetentionMetric), NewPlayers]);
        return rows.GroupBy(r => Buckets.StartOf(r.Day, Granularity.Week)).OrderBy(x => x.Key).Select(week => new CohortRow(week.Key,
                week.Where(r => r.MetricName == NewPlayers).Sum(r => r.Count),
                MetricCatalog.RetentionDays.ToDictionary(n => n, n =>
                {
                    var rs = week.Where(r => r.MetricName == RetentionMetric(n)).ToList();
                    // Only when every signup day of the week has its Dn (the week's last cohort day n is over).
                    var daysWithSignups = week.Where(r => r.MetricName == NewPlayers && r.Count > 0).Select(r => r.Day).Distinct().Count();
                    return rs.Count == 0 || rs.Count < daysWithSignups ? null : Ratio(rs.Sum(r => (double)r.Value), rs.Sum(r => r.Count));
                })))
            .Where(c => c.Size > 0).ToList();
    }

    /// <summary>Moderation figures over the range: median hours to resolve (reports resolved in the range) and the open backlog at its end.</summary>
    public async Task<(double? MedianHours, int OpenBacklog)> ModerationAsync(DayRange range, CancellationToken ct = default)
    {
        await DemandAsync();
        await using var db = await contexts.CreateDbContextAsync(ct);
        // The rollups keep every resolved report's span (hours, 4 decimals) as a dimension with its count: an exact median without raw rows.
        var spans = (await db.MetricRollups.AsNoTracking().Where(r => r.MetricName == ResolveHours && r.Day >= range.Start && r.Day < range.End)
                .GroupBy(r => r.Dimension).Select(g => new { Hours = g.Key, N = g.Sum(r => r.Count) }).ToListAsync(ct))
            .Select(x => (Hours: double.Parse(x.Hours, Inv), x.N)).OrderBy(x => x.Hours).ToList();
        var total = spans.Sum(x => x.N);
        double At(long index)
        {
            foreach (var (hours, n) in spans) { if (index < n) return hours; index -= n; }
            throw new InvalidOperationException("Median index beyond the spans.");
        }
        double? median = total == 0 ? null : total % 2 == 1 ? At(total / 2) : (At(total / 2 - 1) + At(total / 2)) / 2;
        return (median is { } m ? Math.Round(m, 2) : null, await OpenReportsAtAsync(db, range.End, ct));
    }

    /// <summary>Revenue figures of the range for the revenue page's tiles.</summary>
    public async Task<IReadOnlyList<Kpi>> RevenueKpisAsync(DayRange range, CancellationToken ct = default)
    {
        await DemandAsync();
        async Task<(double Gross, double Refunds)> For(DayRange r)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var rows = await RollupsAsync(db, r, ct, RevenueGross, RevenueRefunds);
            return (Math.Round(Sum(rows, RevenueGross, false), 2), Math.Round(Sum(rows, RevenueRefunds, false), 2));
        }
        var now = await For(range);
        var before = await For(range.Previous);
        // Refunds follow payments: the payments' first day says whether the previous period is covered.
        var dataFrom = DataStartsInside(([RevenueGross], WholePeriod), range.Previous, await FirstDataDaysAsync(ct, RevenueGross));
        return
        [
            new(MetricCatalog.Revenue, Math.Round(now.Gross - now.Refunds, 2), Math.Round(before.Gross - before.Refunds, 2)) { DataFrom = dataFrom },
            new(MetricCatalog.GrossRevenue, now.Gross, before.Gross) { DataFrom = dataFrom },
            new(MetricCatalog.Refunds, now.Refunds, before.Refunds) { DataFrom = dataFrom },
            new(MetricCatalog.RefundRate, Ratio(now.Refunds, now.Gross), Ratio(before.Refunds, before.Gross)) { DataFrom = dataFrom },
        ];
    }

    // ---------- drill-down ----------

    /// <summary>The rows behind one point: <paramref name="drill"/> is the chart's drill-down (<see cref="DrillDowns"/>), <paramref name="pointKey"/> the point's key.</summary>
    public async Task<DrillTable?> DrillAsync(string drill, string pointKey, Granularity g, DayRange range, CancellationToken ct = default)
    {
        await DemandAsync();
        if (DrillDowns.Find(drill) is not { Rows: { } rows }) return null; // unknown, or a point that links straight to a player
        if (!DateTime.TryParseExact(pointKey, "yyyy-MM-dd", Inv, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var day)) return null;
        var from = RollupService.DayOf(day);
        var to = Buckets.Next(from, g);
        if (to > range.End) to = range.End;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await rows(new DrillWindow(db, from, to, ct));
    }
}
