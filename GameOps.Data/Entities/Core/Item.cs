using GameOps.Data.Json;

namespace GameOps.Data.Entities;

/// <summary>Table <c>items</c>.</summary>
public class Item : IVersioned, IUpdatedAt, ICreatedAt, IActivatable
{
    public Guid Id { get; set; }
    public string ItemId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string ItemType { get; set; } = "";
    public string Rarity { get; set; } = "";
    public int LevelRequirement { get; set; }
    public int Value { get; set; }
    public int StackSize { get; set; }
    [JsonColumn] public string? Properties { get; set; }
    [JsonColumn] public Requirements Requirements { get; set; } = new();
    [JsonColumn] public List<Effect> Effects { get; set; } = [];
    public bool IsActive { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
