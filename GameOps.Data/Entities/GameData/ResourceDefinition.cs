namespace GameOps.Data.Entities;

/// <summary>Table <c>resource_definitions</c>.</summary>
public class ResourceDefinition : IUpdatedAt, ICreatedAt, IActivatable
{
    public Guid Id { get; set; }
    public string ResourceId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string? Category { get; set; }
    public string ResourceType { get; set; } = "";
    public decimal BaseValue { get; set; }
    public decimal MinValue { get; set; }
    public decimal MaxValue { get; set; }
    public decimal RegenRate { get; set; }
    public string? RegenType { get; set; }
    [JsonColumn] public string? Properties { get; set; }
    public bool IsActive { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
