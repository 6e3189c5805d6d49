namespace GameOps.Data.Entities;

/// <summary>Table <c>user_analytics</c>.</summary>
public class UserAnalytics
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Player User { get; set; } = null!;
    public string MetricName { get; set; } = "";
    public decimal MetricValue { get; set; }
    public string? MetricType { get; set; }
    [JsonColumn] public string? Tags { get; set; }
    public DateTime Timestamp { get; set; }
}
