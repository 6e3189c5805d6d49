namespace GameOps.Data.Entities;

/// <summary>Table <c>player_reports</c>.</summary>
public class PlayerReport : IUpdatedAt, ICreatedAt
{
    public Guid Id { get; set; }
    public Guid ReporterUserId { get; set; }
    public Player ReporterUser { get; set; } = null!;
    public Guid TargetUserId { get; set; }
    public Player TargetUser { get; set; } = null!;
    public Guid? ChatMessageId { get; set; }
    public ChatMessage? ChatMessage { get; set; }
    public string Category { get; set; } = "";
    public int Priority { get; set; }
    public string? Description { get; set; }
    public string Status { get; set; } = "";
    public Guid? AssigneeStaffId { get; set; }
    public StaffUser? AssigneeStaff { get; set; }
    public DateTime? ClaimedAt { get; set; }
    public string? Resolution { get; set; }
    public string? ResolutionNote { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
}
