namespace GameOps.Data.Entities;

/// <summary>Table <c>game_analytics</c>.</summary>
public class GameAnalytics
{
    public Guid Id { get; set; }
    public Guid ActorId { get; set; }
    public Actor Actor { get; set; } = null!;
    public string MetricName { get; set; } = "";
    public decimal MetricValue { get; set; }
    public string? MetricType { get; set; }
    [JsonColumn] public string? Tags { get; set; }
    public DateTime Timestamp { get; set; }
}
