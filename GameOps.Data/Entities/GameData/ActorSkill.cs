namespace GameOps.Data.Entities;

/// <summary>Table <c>actor_skills</c>.</summary>
public class ActorSkill
{
    public Guid Id { get; set; }
    public Guid ActorId { get; set; }
    public Actor Actor { get; set; } = null!;
    public string SkillId { get; set; } = "";
    public SkillDefinition Skill { get; set; } = null!;
    public int Level { get; set; }
    public int Experience { get; set; }
    public bool IsLearned { get; set; }
    public DateTime? LearnedAt { get; set; }
    public DateTime? LastUsed { get; set; }
}
