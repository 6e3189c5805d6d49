using GameOps.Data.Json;

namespace GameOps.Data.Entities;

/// <summary>Table <c>territories</c>.</summary>
public class Territory : IUpdatedAt, ICreatedAt, IActivatable
{
    public Guid Id { get; set; }
    public string TerritoryId { get; set; } = "";
    public string Name { get; set; } = "";
    public string ZoneId { get; set; } = "";
    public WorldZone Zone { get; set; } = null!;
    public Guid? OwnerGuildId { get; set; }
    public Guild? OwnerGuild { get; set; }
    public string TerritoryType { get; set; } = "";
    [JsonColumn] public MapArea Coordinates { get; set; } = new();
    [JsonColumn] public string? Resources { get; set; }
    [JsonColumn] public string? Buildings { get; set; }
    [JsonColumn] public string? Defenses { get; set; }
    public int Level { get; set; }
    public bool IsActive { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
