namespace GameOps.Data.Entities;

/// <summary>Table <c>actor_resources</c>.</summary>
public class ActorResource : IUpdatedAt, ICreatedAt
{
    public Guid Id { get; set; }
    public Guid ActorId { get; set; }
    public Actor Actor { get; set; } = null!;
    public string ResourceId { get; set; } = "";
    public ResourceDefinition Resource { get; set; } = null!;
    public decimal CurrentValue { get; set; }
    public decimal MaxValue { get; set; }
    public decimal RegenRate { get; set; }
    public DateTime? LastRegen { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
