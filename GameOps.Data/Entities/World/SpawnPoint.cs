using GameOps.Data.Json;

namespace GameOps.Data.Entities;

/// <summary>Table <c>spawn_points</c>.</summary>
public class SpawnPoint : IUpdatedAt, ICreatedAt, IActivatable
{
    public Guid Id { get; set; }
    public string SpawnId { get; set; } = "";
    public string ZoneId { get; set; } = "";
    public WorldZone Zone { get; set; } = null!;
    public string SpawnType { get; set; } = "";
    public string? EntityId { get; set; }
    [JsonColumn] public MapPoint Coordinates { get; set; } = new();
    public int SpawnRadius { get; set; }
    public int SpawnCount { get; set; }
    public int RespawnTime { get; set; }
    public decimal SpawnChance { get; set; }
    [JsonColumn] public LevelRange LevelRange { get; set; } = new();
    public bool IsActive { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
