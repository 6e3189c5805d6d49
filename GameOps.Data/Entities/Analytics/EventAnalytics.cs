namespace GameOps.Data.Entities;

/// <summary>Table <c>event_analytics</c>.</summary>
public class EventAnalytics
{
    public Guid Id { get; set; }
    public string EventId { get; set; } = "";
    public GameEvent Event { get; set; } = null!;
    public string MetricName { get; set; } = "";
    public decimal MetricValue { get; set; }
    public string? MetricType { get; set; }
    [JsonColumn] public string? Tags { get; set; }
    public DateTime Timestamp { get; set; }
}
