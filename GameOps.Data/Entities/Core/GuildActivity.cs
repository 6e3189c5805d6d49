namespace GameOps.Data.Entities;

/// <summary>Table <c>guild_activities</c>.</summary>
public class GuildActivity : ICreatedAt
{
    public Guid Id { get; set; }
    public Guid GuildId { get; set; }
    public Guild Guild { get; set; } = null!;
    public Guid? ActorId { get; set; }
    public Actor? Actor { get; set; }
    public string ActivityType { get; set; } = "";
    [JsonColumn] public string? Details { get; set; }
    public DateTime CreatedAt { get; set; }
}
