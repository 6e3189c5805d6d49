namespace GameOps.Data.Entities;

/// <summary>Table <c>actor_levels</c>.</summary>
public class ActorLevel
{
    public Guid Id { get; set; }
    public Guid ActorId { get; set; }
    public Actor Actor { get; set; } = null!;
    public int Level { get; set; }
    public long ExperienceRequired { get; set; }
    public long ExperienceCurrent { get; set; }
    [JsonColumn] public string? StatBonuses { get; set; }
    [JsonColumn] public string? SkillPoints { get; set; }
    public DateTime AchievedAt { get; set; }
}
