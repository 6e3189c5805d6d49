namespace GameOps.Data.Entities;

/// <summary>Table <c>channels</c>.</summary>
public class ChatChannel : IUpdatedAt, ICreatedAt, IActivatable
{
    public Guid Id { get; set; }
    public string ChannelId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public string ChannelType { get; set; } = "";
    public Guid? OwnerId { get; set; }
    public Player? Owner { get; set; }
    public Guid? GuildId { get; set; }
    public Guild? Guild { get; set; }
    public bool IsActive { get; set; }
    public int? MaxMembers { get; set; }
    [JsonColumn] public string? Permissions { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
