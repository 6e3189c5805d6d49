namespace GameOps.Data.Entities;

/// <summary>Table <c>message_replies</c>.</summary>
public class MessageReply : ICreatedAt
{
    public Guid Id { get; set; }
    public Guid ParentMessageId { get; set; }
    public ChatMessage ParentMessage { get; set; } = null!;
    public Guid ReplyMessageId { get; set; }
    public ChatMessage ReplyMessage { get; set; } = null!;
    public DateTime CreatedAt { get; set; }
}
