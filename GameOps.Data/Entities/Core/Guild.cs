namespace GameOps.Data.Entities;

/// <summary>Table <c>guilds</c>.</summary>
public class Guild : IUpdatedAt, ICreatedAt
{
    public Guid Id { get; set; }
    public string GuildId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string? EmblemUrl { get; set; }
    public int Level { get; set; }
    public long Experience { get; set; }
    public int MaxMembers { get; set; }
    public long Treasury { get; set; }
    public string Status { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
