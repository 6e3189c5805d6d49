namespace GameOps.Data.Entities;

/// <summary>
/// Table <c>metric_rollups</c>: one figure per metric, UTC day and dimension (e.g. revenue by currency), kept
/// up to date incrementally so that dashboards never rescan raw tables.
/// </summary>
public class MetricRollup : IUpdatedAt
{
    public Guid Id { get; set; }
    public string MetricName { get; set; } = "";
    /// <summary>The UTC day (00:00) the figure belongs to.</summary>
    public DateTime Day { get; set; }
    /// <summary>"" when the metric has no dimension.</summary>
    public string Dimension { get; set; } = "";
    public decimal Value { get; set; }
    public long Count { get; set; }
    public DateTime UpdatedAt { get; set; }
}
