using GameOps.Data.Json;

namespace GameOps.Data.Entities;

/// <summary>Table <c>world_events</c>.</summary>
public class WorldEvent : ICreatedAt
{
    public Guid Id { get; set; }
    public string EventId { get; set; } = "";
    public string EventType { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string? ZoneId { get; set; }
    public WorldZone? Zone { get; set; }
    public DateTime? StartTime { get; set; }
    public DateTime? EndTime { get; set; }
    public int? Duration { get; set; }
    public int? MaxParticipants { get; set; }
    public int CurrentParticipants { get; set; }
    public string Status { get; set; } = "";
    [JsonColumn] public RewardBundle Rewards { get; set; } = new();
    [JsonColumn] public Requirements Requirements { get; set; } = new();
    public DateTime CreatedAt { get; set; }
}
