namespace GameOps.Data.Entities;

/// <summary>Table <c>chat_messages</c>.</summary>
public class ChatMessage : ICreatedAt
{
    public Guid Id { get; set; }
    public string MessageId { get; set; } = "";
    public Guid ChannelId { get; set; }
    public ChatChannel Channel { get; set; } = null!;
    public Guid UserId { get; set; }
    public Player User { get; set; } = null!;
    public string Content { get; set; } = "";
    public string MessageType { get; set; } = "";
    public string? ReplyTo { get; set; }
    [JsonColumn] public string? Metadata { get; set; }
    public bool IsEdited { get; set; }
    public DateTime? EditedAt { get; set; }
    public bool IsDeleted { get; set; }
    public DateTime? DeletedAt { get; set; }
    public DateTime CreatedAt { get; set; }
}
