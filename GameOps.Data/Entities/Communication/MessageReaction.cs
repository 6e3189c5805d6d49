namespace GameOps.Data.Entities;

/// <summary>Table <c>message_reactions</c>.</summary>
public class MessageReaction : ICreatedAt
{
    public Guid Id { get; set; }
    public Guid MessageId { get; set; }
    public ChatMessage Message { get; set; } = null!;
    public Guid UserId { get; set; }
    public Player User { get; set; } = null!;
    public string Emoji { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
