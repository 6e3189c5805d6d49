using GameOps.Data.Json;

namespace GameOps.Data.Entities;

/// <summary>Table <c>quests</c>.</summary>
public class Quest : IVersioned, IUpdatedAt, ICreatedAt, IActivatable
{
    public Guid Id { get; set; }
    public string QuestId { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string QuestType { get; set; } = "";
    public int LevelRequirement { get; set; }
    [JsonColumn] public List<string> Prerequisites { get; set; } = [];
    [JsonColumn] public List<QuestObjective> Objectives { get; set; } = [];
    [JsonColumn] public RewardBundle Rewards { get; set; } = new();
    public Guid? NpcId { get; set; }
    public string? ZoneId { get; set; }
    public WorldZone? Zone { get; set; }
    public bool IsRepeatable { get; set; }
    public int? Cooldown { get; set; }
    public bool IsActive { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
