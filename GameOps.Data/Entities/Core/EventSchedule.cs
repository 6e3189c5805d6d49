namespace GameOps.Data.Entities;

/// <summary>Table <c>event_schedules</c>.</summary>
public class EventSchedule : IUpdatedAt, ICreatedAt, IActivatable
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public GameEvent Event { get; set; } = null!;
    public string ScheduleType { get; set; } = "";
    public string? CronExpression { get; set; }
    public string? TimeZone { get; set; }
    public DateTime? WindowStart { get; set; }
    public DateTime? WindowEnd { get; set; }
    public int? DurationMinutes { get; set; }
    public DateTime? NextRun { get; set; }
    public DateTime? LastRun { get; set; }
    public bool IsActive { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
