namespace GameOps.Data.Entities;

/// <summary>Table <c>match_queues</c>.</summary>
public class MatchQueue
{
    public Guid Id { get; set; }
    public string QueueId { get; set; } = "";
    public Guid UserId { get; set; }
    public Player User { get; set; } = null!;
    public string GameMode { get; set; } = "";
    public string QueueType { get; set; } = "";
    public int Priority { get; set; }
    [JsonColumn] public string? Preferences { get; set; }
    public string Status { get; set; } = "";
    public DateTime QueuedAt { get; set; }
    public DateTime? MatchedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
}
