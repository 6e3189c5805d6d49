namespace GameOps.Data.Entities;

/// <summary>Table <c>guild_members</c>.</summary>
public class GuildMember
{
    public Guid Id { get; set; }
    public Guid GuildId { get; set; }
    public Guild Guild { get; set; } = null!;
    public Guid ActorId { get; set; }
    public Actor Actor { get; set; } = null!;
    public string Rank { get; set; } = "";
    public long Contribution { get; set; }
    public string? Note { get; set; }
    public DateTime JoinedAt { get; set; }
    public DateTime? LastActiveAt { get; set; }
}
