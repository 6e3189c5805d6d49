namespace GameOps.Data.Entities;

/// <summary>
/// Table <c>broadcasts</c>: a notification composed by live-ops for a segment of players, sent now or at a time.
/// Each recipient gets a <c>notifications</c> row whose <c>data</c> carries the broadcast id.
/// </summary>
public class Broadcast : ICreatedAt, IUpdatedAt
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public string Message { get; set; } = "";
    /// <summary>all, level_range, guild or zone.</summary>
    public string SegmentType { get; set; } = "all";
    /// <summary>The segment's parameters, e.g. {"min_level":10,"max_level":20} or {"guild_id":"…"}.</summary>
    [JsonColumn] public string Segment { get; set; } = "{}";
    public string Priority { get; set; } = "normal";
    /// <summary>draft, scheduled, sending, sent, cancelled.</summary>
    public string Status { get; set; } = "draft";
    public DateTime? ScheduledAt { get; set; }
    public DateTime? SentAt { get; set; }
    public int RecipientCount { get; set; }
    public Guid? CreatedByStaffId { get; set; }
    public StaffUser? CreatedByStaff { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
