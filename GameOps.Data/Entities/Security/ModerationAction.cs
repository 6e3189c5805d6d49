namespace GameOps.Data.Entities;

/// <summary>Table <c>moderation_actions</c>.</summary>
public class ModerationAction : ICreatedAt
{
    public Guid Id { get; set; }
    public string ActionId { get; set; } = "";
    public Guid ModeratorId { get; set; }
    public StaffUser Moderator { get; set; } = null!;
    public Guid TargetUserId { get; set; }
    public Player TargetUser { get; set; } = null!;
    public string ActionType { get; set; } = "";
    public string? Reason { get; set; }
    public int? Duration { get; set; }
    public string? ChannelId { get; set; }
    public string? MessageId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    /// <summary>When a sanction was lifted early (by a moderator or an upheld appeal); null while it runs its course.</summary>
    public DateTime? LiftedAt { get; set; }
    public Guid? LiftedByStaffId { get; set; }
    public string? LiftReason { get; set; }
}
