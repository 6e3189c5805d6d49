using System.Globalization;
using GameOps.Data;
using GameOps.Data.Entities;

namespace GameOps.Web.Services.Analytics;

public enum ChartShape { Line, Bar, Table }

/// <summary>The unit of a chart's values: one per chart (so one per axis), shown on the axis, in tooltips and in the data table.</summary>
public sealed record ChartUnit(string Key, string AxisTitle, string Prefix, string Suffix, string Format)
{
    public static readonly ChartUnit Players = new("players", "players", "", " players", "N0");
    public static readonly ChartUnit Actors = new("actors", "characters", "", " characters", "N0");
    public static readonly ChartUnit Sessions = new("sessions", "sessions", "", " sessions", "N0");
    public static readonly ChartUnit Reports = new("reports", "reports", "", " reports", "N0");
    public static readonly ChartUnit Count = new("count", "count", "", "", "N0");
    public static readonly ChartUnit Usd = new("usd", "USD ($)", "$", "", "N2");
    /// <summary>Values already multiplied by 100.</summary>
    public static readonly ChartUnit Percent = new("percent", "%", "", " %", "0.##");
    public static readonly ChartUnit Minutes = new("minutes", "minutes", "", " min", "0.#");
    public static readonly ChartUnit Milliseconds = new("ms", "ms", "", " ms", "0.#");
    public static readonly ChartUnit PerMinute = new("per_minute", "requests/min", "", " req/min", "N0");

    public string Show(double? value) => value is { } v && !double.IsNaN(v) ? Prefix + v.ToString(Format, CultureInfo.InvariantCulture) + Suffix : "—";

    /// <summary>Axis labels: the same unit, rounder.</summary>
    public string Axis(double value) => Prefix + (Math.Abs(value) >= 10_000 ? (value / 1000).ToString("0.#", CultureInfo.InvariantCulture) + "k"
        : value.ToString(Format == "N2" ? "N0" : Format, CultureInfo.InvariantCulture)) + (Key is "percent" or "ms" ? Suffix : "");

    public static ChartUnit ForPerformanceMetric(string metricName) =>
        metricName.EndsWith("_ms", StringComparison.Ordinal) ? Milliseconds
        : metricName.Contains("rate", StringComparison.Ordinal) || metricName.Contains("ratio", StringComparison.Ordinal) ? Percent
        : metricName.Contains("per_minute", StringComparison.Ordinal) ? PerMinute
        : Count;
}

/// <summary>One chart of the Analytics workspace: the page it sits on, its builder, its unit and shape. A key ending in ':' is a family (<c>ops.perf:latency_ms</c>).</summary>
/// <param name="Drill">What clicking a point shows (<see cref="DrillDowns"/>); null: the points are not clickable.</param>
public sealed record ChartDefinition(string Key, string Page, string Builder, ChartUnit Unit, ChartShape Shape, bool Wide = false, DrillDown? Drill = null)
{
    public bool IsFamily => Key.EndsWith(':');

    public ChartUnit UnitFor(string key) => Builder switch
    {
        "ops.perf" => ChartUnit.ForPerformanceMetric(key.StartsWith("ops.perf:", StringComparison.Ordinal) ? key["ops.perf:".Length..] : ""),
        "ops.business" => BusinessMetrics.Groups.FirstOrDefault(g => key == "ops.business:" + g.Key)?.Unit ?? Unit,
        _ => Unit,
    };
}

/// <summary>
/// Every chart of the Analytics workspace, defined once (like <see cref="MetricCatalog"/> for figures): pages list their charts
/// from here, the CSV export accepts only these keys, and <see cref="AnalyticsService.ChartAsync"/> builds a chart by its definition.
/// </summary>
public static class ChartCatalog
{
    public static readonly IReadOnlyList<ChartDefinition> All =
    [
        new("players.growth", "players", "players.growth", ChartUnit.Players, ChartShape.Line, Wide: true, Drill: DrillDowns.NewPlayers),
        new("players.status", "players", "players.status", ChartUnit.Players, ChartShape.Bar),
        new("players.levels", "players", "players.levels", ChartUnit.Actors, ChartShape.Bar),
        new("revenue.daily", "revenue", "revenue.daily", ChartUnit.Usd, ChartShape.Bar, Wide: true, Drill: DrillDowns.Revenue),
        new("revenue.sku", "revenue", "revenue.sku", ChartUnit.Usd, ChartShape.Bar),
        new("revenue.currency", "revenue", "revenue.currency", ChartUnit.Usd, ChartShape.Bar),
        new("revenue.spenders", "revenue", "revenue.spenders", ChartUnit.Usd, ChartShape.Bar, Drill: DrillDowns.Player),
        new("retention.curve", "retention", "retention.curve", ChartUnit.Percent, ChartShape.Line),
        new("retention.cohorts", "retention", "retention.cohorts", ChartUnit.Percent, ChartShape.Table, Wide: true, Drill: DrillDowns.NewPlayers),
        new("engagement.sessions", "engagement", "engagement.sessions", ChartUnit.Sessions, ChartShape.Line, Drill: DrillDowns.Sessions),
        new("engagement.session_length", "engagement", "engagement.session_length", ChartUnit.Minutes, ChartShape.Line, Drill: DrillDowns.Sessions),
        new("engagement.length", "engagement", "engagement.length", ChartUnit.Sessions, ChartShape.Bar),
        new("engagement.hours", "engagement", "engagement.hours", ChartUnit.Sessions, ChartShape.Table, Wide: true),
        new("engagement.events", "engagement", "engagement.events", ChartUnit.Players, ChartShape.Line),
        new("engagement.quests", "engagement", "engagement.quests", ChartUnit.Count, ChartShape.Bar),
        new("engagement.items", "engagement", "engagement.items", ChartUnit.Count, ChartShape.Bar),
        new("ops.moderation", "operations", "ops.moderation", ChartUnit.Reports, ChartShape.Bar, Drill: DrillDowns.Reports),
        .. BusinessMetrics.Groups.Select(g => new ChartDefinition("ops.business:" + g.Key, "operations", "ops.business", g.Unit, ChartShape.Line)),
        new("ops.perf:", "operations", "ops.perf", ChartUnit.Count, ChartShape.Line),
    ];

    /// <summary>Chart keys by page, in display order (families, whose members depend on the data, are listed by their pages).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Pages =
        All.Where(d => !d.IsFamily).GroupBy(d => d.Page).ToDictionary(g => g.Key, g => g.Select(d => d.Key).ToArray());

    public static ChartDefinition? Find(string key) =>
        All.FirstOrDefault(d => !d.IsFamily && d.Key == key) ?? All.FirstOrDefault(d => d.IsFamily && key.StartsWith(d.Key, StringComparison.Ordinal) && key.Length > d.Key.Length);
}

/// <summary>business_metrics names as a manager reads them, grouped so that each chart has one unit.</summary>
public static class BusinessMetrics
{
    public sealed record Group(string Key, string Title, ChartUnit Unit, string Definition);
    public sealed record Metric(string Title, string Group, bool Averaged, double Scale);

    public static readonly IReadOnlyList<Group> Groups =
    [
        new("players", "Players (reported by the game)", ChartUnit.Players, "business_metrics rows about players: daily figures averaged over the bucket (DAU, peak concurrent), new and paying players summed."),
        new("money", "Revenue reported by the game", ChartUnit.Usd, "business_metrics revenue_usd and refunds_usd, summed over the bucket, in USD."),
        new("per_player", "Revenue per player", ChartUnit.Usd, "business_metrics arpdau_usd averaged over the bucket, in USD."),
        new("rates", "Conversion and retention (reported by the game)", ChartUnit.Percent, "business_metrics ratios (conversion, D1 and D7 retention) averaged over the bucket, in %."),
        new("activity", "Sessions and transactions (reported by the game)", ChartUnit.Count, "business_metrics sessions and transactions, summed over the bucket."),
        new("session_minutes", "Average session length (reported by the game)", ChartUnit.Minutes, "business_metrics avg_session_minutes averaged over the bucket."),
    ];

    static readonly Dictionary<string, Metric> Known = new()
    {
        ["dau"] = new("DAU (avg.)", "players", true, 1),
        ["peak_concurrent_users"] = new("Peak concurrent players (avg.)", "players", true, 1),
        ["new_users"] = new("New players", "players", false, 1),
        ["paying_users"] = new("Paying players", "players", false, 1),
        ["revenue_usd"] = new("Revenue", "money", false, 1),
        ["refunds_usd"] = new("Refunds", "money", false, 1),
        ["arpdau_usd"] = new("ARPDAU", "per_player", true, 1),
        ["conversion_rate"] = new("Conversion", "rates", true, 100),
        ["retention_d1"] = new("D1 retention", "rates", true, 100),
        ["retention_d7"] = new("D7 retention", "rates", true, 100),
        ["sessions"] = new("Sessions", "activity", false, 1),
        ["transactions"] = new("Transactions", "activity", false, 1),
        ["avg_session_minutes"] = new("Avg. session length", "session_minutes", true, 1),
    };

    public static Metric Describe(string name) => Known.TryGetValue(name, out var metric) ? metric : new(Humanize(name), "activity", false, 1);

    public static string GroupOf(string name) => Describe(name).Group;

    /// <summary><c>requests_per_minute</c> → "Requests per minute", <c>latency_ms</c> → "Latency (ms)".</summary>
    public static string Humanize(string name)
    {
        var unit = name.EndsWith("_ms", StringComparison.Ordinal) ? " (ms)" : name.EndsWith("_usd", StringComparison.Ordinal) ? " (USD)" : "";
        var words = (unit.Length > 0 ? name[..name.LastIndexOf('_')] : name).Replace('_', ' ');
        return words.Length == 0 ? name : char.ToUpperInvariant(words[0]) + words[1..] + unit;
    }
}

/// <summary>What a chart builder gets: the database, the range, its buckets and labels, and the per-bucket helpers.</summary>
public sealed class ChartRequest
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public ChartRequest(GameOpsDbContext db, string key, DayRange range, Granularity granularity, CancellationToken ct)
    {
        (Db, Key, Range, Granularity, Ct) = (db, key, range, granularity, ct);
        Buckets = global::GameOps.Web.Services.Analytics.Buckets.Of(range, granularity);
        Labels = Buckets.Select(b => global::GameOps.Web.Services.Analytics.Buckets.Label(b.Start, granularity)).ToList();
        Keys = Buckets.Select(b => b.Start.ToString("yyyy-MM-dd", Inv)).ToList();
    }

    public GameOpsDbContext Db { get; }
    public string Key { get; }
    public DayRange Range { get; }
    public Granularity Granularity { get; }
    public CancellationToken Ct { get; }
    public IReadOnlyList<(DateTime Start, DateTime End)> Buckets { get; }
    public List<string> Labels { get; }
    public List<string> Keys { get; }

    public double?[] PerBucket(List<MetricRollup> rows, string metric, Func<IEnumerable<MetricRollup>, double?> f) =>
        Buckets.Select(b => f(rows.Where(r => r.MetricName == metric && r.Day >= b.Start && r.Day < b.End))).ToArray();

    public ChartTable Categories(string title, MetricDefinition metric, IEnumerable<(string Label, double Value)> items, string seriesName, string? drill = null)
    {
        var list = items.ToList();
        return new ChartTable(Key, title, metric, list.Select(i => i.Label).ToList(), list.Select(i => i.Label).ToList(),
            [new ChartSeriesData(seriesName, list.Select(i => (double?)i.Value).ToArray())], drill);
    }
}
