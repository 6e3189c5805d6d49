using GameOps.Data.Json;

namespace GameOps.Data.Entities;

/// <summary>Table <c>achievements</c>.</summary>
public class Achievement : IUpdatedAt, ICreatedAt, IActivatable
{
    public Guid Id { get; set; }
    public string AchievementId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string? Category { get; set; }
    public int Points { get; set; }
    [JsonColumn] public List<AchievementRequirement> Requirements { get; set; } = [];
    [JsonColumn] public RewardBundle Rewards { get; set; } = new();
    public bool IsActive { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
