namespace GameOps.Data.Entities;

/// <summary>Table <c>actor_achievements</c>.</summary>
public class ActorAchievement
{
    public Guid Id { get; set; }
    public Guid ActorId { get; set; }
    public Actor Actor { get; set; } = null!;
    public Guid AchievementId { get; set; }
    public Achievement Achievement { get; set; } = null!;
    public DateTime EarnedAt { get; set; }
    [JsonColumn] public string? ProgressData { get; set; }
}
