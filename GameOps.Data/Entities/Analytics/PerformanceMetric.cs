namespace GameOps.Data.Entities;

/// <summary>Table <c>performance_metrics</c>.</summary>
public class PerformanceMetric
{
    public Guid Id { get; set; }
    public string ServiceName { get; set; } = "";
    public string MetricName { get; set; } = "";
    public decimal MetricValue { get; set; }
    public string? MetricType { get; set; }
    [JsonColumn] public string? Tags { get; set; }
    public DateTime Timestamp { get; set; }
}
