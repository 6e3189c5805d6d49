using GameOps.Data.Json;

namespace GameOps.Data.Entities;

/// <summary>Table <c>events</c>.</summary>
public class GameEvent : IUpdatedAt, ICreatedAt
{
    public Guid Id { get; set; }
    public string EventId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string EventType { get; set; } = "";
    public string? Category { get; set; }
    public string Status { get; set; } = "";
    public DateTime? StartTime { get; set; }
    public DateTime? EndTime { get; set; }
    public int? Duration { get; set; }
    public int? MaxParticipants { get; set; }
    public int CurrentParticipants { get; set; }
    [JsonColumn] public Requirements Requirements { get; set; } = new();
    [JsonColumn] public RewardBundle Rewards { get; set; } = new();
    [JsonColumn] public string? Settings { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
