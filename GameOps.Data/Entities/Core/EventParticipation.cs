namespace GameOps.Data.Entities;

/// <summary>Table <c>event_participations</c>.</summary>
public class EventParticipation
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public GameEvent Event { get; set; } = null!;
    public Guid UserId { get; set; }
    public Player User { get; set; } = null!;
    public Guid? ActorId { get; set; }
    public Actor? Actor { get; set; }
    public string Status { get; set; } = "";
    public int? Score { get; set; }
    public int? Rank { get; set; }
    public DateTime JoinedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}
