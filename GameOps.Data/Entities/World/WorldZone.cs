using GameOps.Data.Json;

namespace GameOps.Data.Entities;

/// <summary>Table <c>world_zones</c>.</summary>
public class WorldZone : IUpdatedAt, ICreatedAt, IActivatable
{
    public Guid Id { get; set; }
    public string ZoneId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string ZoneType { get; set; } = "";
    public int LevelRangeMin { get; set; }
    public int LevelRangeMax { get; set; }
    [JsonColumn] public MapBounds Coordinates { get; set; } = new();
    [JsonColumn] public List<MapPoint> SpawnPoints { get; set; } = [];
    [JsonColumn] public List<MapArea> SafeZones { get; set; } = [];
    [JsonColumn] public List<MapArea> PvpZones { get; set; } = [];
    public bool IsActive { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
