namespace GameOps.Web.Services.Analytics;

/// <summary>How a figure is shown.</summary>
public enum MetricFormat { Count, Decimal, Percent, Usd, Seconds, Hours }

/// <summary>One figure: its key, its title and exactly what it counts (shown as a tooltip wherever the figure appears).</summary>
public sealed record MetricDefinition(string Key, string Title, string Definition, MetricFormat Format, bool HigherIsBetter = true);

/// <summary>
/// Every figure of the Analytics workspace, defined once. All days are UTC days [00:00, 24:00); a date range is
/// inclusive of both its first and last day. Figures are computed in C# from rollups (or from indexed projections)
/// so that SQLite and PostgreSQL give identical results.
/// </summary>
public static class MetricCatalog
{
    public const string CompletedStatus = "completed";
    /// <summary>Transaction statuses that were paid once (completed, later possibly refunded or charged back).</summary>
    public static readonly string[] PaidStatuses = ["completed", "refunded", "charged_back"];
    /// <summary>Statuses that give money back (counted on <c>refunded_at</c>).</summary>
    public static readonly string[] ReversedStatuses = ["refunded", "charged_back"];
    /// <summary>Report statuses that are still waiting for a moderator.</summary>
    public static readonly string[] OpenReportStatuses = ["open", "in_review"];
    /// <summary>The days after signup for which retention is kept.</summary>
    public static readonly int[] RetentionDays = [1, 3, 7, 14, 30];

    public static readonly MetricDefinition Dau = new("dau", "Avg. DAU",
        "Daily active users: distinct players with at least one session_data row whose start_time falls on the UTC day. Over a range: the average of the daily figures.", MetricFormat.Decimal);
    public static readonly MetricDefinition Wau = new("wau", "WAU",
        "Weekly active users: distinct players with a session starting in the 7 UTC days ending on the last day of the range.", MetricFormat.Count);
    public static readonly MetricDefinition Mau = new("mau", "MAU",
        "Monthly active users: distinct players with a session starting in the 30 UTC days ending on the last day of the range.", MetricFormat.Count);
    public static readonly MetricDefinition Stickiness = new("stickiness", "Stickiness",
        "DAU ÷ MAU: the average DAU of the range divided by the MAU at its last day.", MetricFormat.Percent);
    public static readonly MetricDefinition ActiveUsers = new("active_users", "Active players",
        "Distinct players with at least one session starting in the range (or in the bucket, on charts).", MetricFormat.Count);
    public static readonly MetricDefinition NewPlayers = new("new_players", "New players",
        "Players (users rows) whose created_at falls in the range.", MetricFormat.Count);
    public static readonly MetricDefinition Revenue = new("revenue", "Revenue (net)",
        "Net revenue in USD: amount_usd of transactions completed in the range (status completed, refunded or charged_back, counted on completed_at) minus amount_usd of transactions refunded or charged back in the range (counted on refunded_at).", MetricFormat.Usd);
    public static readonly MetricDefinition GrossRevenue = new("revenue_gross", "Gross revenue",
        "amount_usd of transactions completed in the range (counted on completed_at, whatever happened later).", MetricFormat.Usd);
    public static readonly MetricDefinition Refunds = new("revenue_refunds", "Refunds and chargebacks",
        "amount_usd of transactions with status refunded or charged_back whose refunded_at falls in the range.", MetricFormat.Usd, false);
    public static readonly MetricDefinition RefundRate = new("refund_rate", "Refund rate",
        "Refunds and chargebacks (USD, by refunded_at) ÷ gross revenue (USD, by completed_at) of the range.", MetricFormat.Percent, false);
    public static readonly MetricDefinition PayingPlayers = new("paying_players", "Paying players",
        "Distinct players with at least one transaction completed in the range (completed_at in the range; refunded later or not).", MetricFormat.Count);
    public static readonly MetricDefinition Conversion = new("conversion", "Conversion",
        "Paying players ÷ active players of the range.", MetricFormat.Percent);
    public static readonly MetricDefinition Arpdau = new("arpdau", "ARPDAU",
        "Average revenue per daily active user: net revenue ÷ the sum of the daily DAU figures of the range.", MetricFormat.Usd);
    public static readonly MetricDefinition Arppu = new("arppu", "ARPPU",
        "Average revenue per paying user: net revenue ÷ paying players of the range.", MetricFormat.Usd);
    public static readonly MetricDefinition Sessions = new("sessions", "Sessions",
        "session_data rows whose start_time falls in the range.", MetricFormat.Count);
    public static readonly MetricDefinition AvgSessionLength = new("avg_session_length", "Avg. session length",
        "The mean of session_data.duration (seconds) over sessions starting in the range that have a duration.", MetricFormat.Seconds);
    public static readonly MetricDefinition MatchesPlayed = new("matches", "Matches played",
        "matches rows whose started_at (created_at when not started) falls in the range, excluding cancelled matches.", MetricFormat.Count);
    public static readonly MetricDefinition OpenReports = new("open_reports", "Open reports",
        "Player reports created before the end of the range and not resolved by then (resolved_at empty or later). Without a resolved_at, a report in status open or in_review counts as open.", MetricFormat.Count, false);
    public static readonly MetricDefinition ReportsOpened = new("reports_opened", "Reports opened",
        "player_reports rows whose created_at falls in the bucket.", MetricFormat.Count, false);
    public static readonly MetricDefinition ReportsResolved = new("reports_resolved", "Reports resolved",
        "player_reports rows whose resolved_at falls in the bucket.", MetricFormat.Count);
    public static readonly MetricDefinition MedianResolveHours = new("median_resolve_hours", "Median time to resolve",
        "The median of resolved_at − created_at (hours) over reports resolved in the range.", MetricFormat.Hours, false);
    public static readonly MetricDefinition EventJoined = new("event_joined", "Event participations",
        "event_participations rows whose joined_at falls in the bucket.", MetricFormat.Count);
    public static readonly MetricDefinition EventCompleted = new("event_completed", "Event completions",
        "event_participations rows whose completed_at falls in the bucket.", MetricFormat.Count);
    public static readonly MetricDefinition QuestStarted = new("quest_started", "Quests started",
        "quest_progress rows whose started_at falls in the range.", MetricFormat.Count);
    public static readonly MetricDefinition QuestCompleted = new("quest_completed", "Quests completed",
        "quest_progress rows whose completed_at falls in the range.", MetricFormat.Count);
    public static readonly MetricDefinition ItemsAcquired = new("items_acquired", "Items acquired",
        "Sum of inventory_items.quantity whose acquired_at falls in the range, by item.", MetricFormat.Count);
    public static readonly MetricDefinition Retention = new("retention", "Retention Dn",
        "Of the players who signed up (users.created_at) on a UTC day, the share with a session starting exactly n UTC days later. A cohort's Dn is shown only once day n has ended.", MetricFormat.Percent);
    public static readonly MetricDefinition PerformanceValue = new("perf", "Performance metric",
        "The mean of performance_metrics.metric_value per service and metric name over the bucket.", MetricFormat.Decimal);
    public static readonly MetricDefinition BusinessValue = new("business", "Business metric",
        "The sum of business_metrics.metric_value per metric name over the bucket.", MetricFormat.Decimal);

    public static readonly IReadOnlyList<MetricDefinition> All =
    [
        Dau, Wau, Mau, Stickiness, ActiveUsers, NewPlayers, Revenue, GrossRevenue, Refunds, RefundRate, PayingPlayers, Conversion, Arpdau, Arppu,
        Sessions, AvgSessionLength, MatchesPlayed, OpenReports, ReportsOpened, ReportsResolved, MedianResolveHours, EventJoined, EventCompleted,
        QuestStarted, QuestCompleted, ItemsAcquired, Retention, PerformanceValue, BusinessValue,
    ];

    public static MetricDefinition Get(string key) => All.First(m => m.Key == key);

    public static string Format(MetricFormat format, double? value) => value switch
    {
        null => "—",
        { } v when double.IsNaN(v) || double.IsInfinity(v) => "—",
        { } v => format switch
        {
            MetricFormat.Count => v.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            MetricFormat.Percent => (v * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " %",
            MetricFormat.Usd => "$" + v.ToString("N2", System.Globalization.CultureInfo.InvariantCulture),
            MetricFormat.Seconds => v >= 60 ? $"{Math.Floor(v / 60):0} min {v % 60:00} s" : v.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " s",
            MetricFormat.Hours => v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " h",
            _ => v.ToString("N2", System.Globalization.CultureInfo.InvariantCulture),
        },
    };
}
