namespace GameOps.Data.Entities;

/// <summary>Table <c>business_metrics</c>.</summary>
public class BusinessMetric
{
    public Guid Id { get; set; }
    public string MetricName { get; set; } = "";
    public decimal MetricValue { get; set; }
    public string? MetricType { get; set; }
    [JsonColumn] public string? Dimensions { get; set; }
    public DateTime Timestamp { get; set; }
}
