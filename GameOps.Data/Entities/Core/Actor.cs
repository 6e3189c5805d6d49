using GameOps.Data.Json;

namespace GameOps.Data.Entities;

/// <summary>Table <c>actors</c>.</summary>
public class Actor : ICreatedAt
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Player User { get; set; } = null!;
    public string Name { get; set; } = "";
    public int Level { get; set; }
    public long Experience { get; set; }
    [JsonColumn] public Dictionary<string, int> Stats { get; set; } = [];
    [JsonColumn] public ActorPosition Position { get; set; } = new();
    public DateTime CreatedAt { get; set; }
    public DateTime? LastActive { get; set; }
}
