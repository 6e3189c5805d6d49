namespace GameOps.Data.Entities;

/// <summary>Table <c>sanction_appeals</c>: a player's appeal against a sanction, decided by a moderator other than the one who sanctioned.</summary>
public class SanctionAppeal : ICreatedAt, IUpdatedAt
{
    public Guid Id { get; set; }
    public Guid ModerationActionId { get; set; }
    public ModerationAction ModerationAction { get; set; } = null!;
    public string AppealText { get; set; } = "";
    /// <summary>pending, upheld (sanction stays) or overturned (sanction lifted).</summary>
    public string Status { get; set; } = "pending";
    public Guid? DecidedByStaffId { get; set; }
    public StaffUser? DecidedByStaff { get; set; }
    public string? DecisionNote { get; set; }
    public DateTime? DecidedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
