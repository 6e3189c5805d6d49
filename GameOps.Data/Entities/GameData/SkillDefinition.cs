using GameOps.Data.Json;

namespace GameOps.Data.Entities;

/// <summary>Table <c>skill_definitions</c>.</summary>
public class SkillDefinition : IUpdatedAt, ICreatedAt, IActivatable
{
    public Guid Id { get; set; }
    public string SkillId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string SkillType { get; set; } = "";
    public string? Element { get; set; }
    public int LevelRequirement { get; set; }
    public int ManaCost { get; set; }
    public int Cooldown { get; set; }
    public decimal Damage { get; set; }
    public decimal Range { get; set; }
    [JsonColumn] public List<Effect> Effects { get; set; } = [];
    [JsonColumn] public Requirements Requirements { get; set; } = new();
    public bool IsActive { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
