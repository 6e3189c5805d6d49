namespace GameOps.Data.Entities;

/// <summary>Table <c>notifications</c>.</summary>
public class Notification : IUpdatedAt, ICreatedAt
{
    public Guid Id { get; set; }
    public string NotificationId { get; set; } = "";
    public Guid UserId { get; set; }
    public Player User { get; set; } = null!;
    public string NotificationType { get; set; } = "";
    public string? Channel { get; set; }
    public string Title { get; set; } = "";
    public string Message { get; set; } = "";
    [JsonColumn] public string? Data { get; set; }
    public string Status { get; set; } = "";
    public string? Priority { get; set; }
    public DateTime? ScheduledAt { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public string? FailureReason { get; set; }
    public int RetryCount { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
