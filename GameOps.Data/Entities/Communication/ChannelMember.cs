namespace GameOps.Data.Entities;

/// <summary>Table <c>channel_members</c>.</summary>
public class ChannelMember
{
    public Guid Id { get; set; }
    public Guid ChannelId { get; set; }
    public ChatChannel Channel { get; set; } = null!;
    public Guid UserId { get; set; }
    public Player User { get; set; } = null!;
    public string Role { get; set; } = "";
    [JsonColumn] public string? Permissions { get; set; }
    public DateTime JoinedAt { get; set; }
    public DateTime? LastReadAt { get; set; }
    public bool IsMuted { get; set; }
    public bool IsBanned { get; set; }
}
