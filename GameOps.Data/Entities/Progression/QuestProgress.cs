namespace GameOps.Data.Entities;

/// <summary>Table <c>quest_progress</c>.</summary>
public class QuestProgress
{
    public Guid Id { get; set; }
    public Guid ActorId { get; set; }
    public Actor Actor { get; set; } = null!;
    public Guid QuestId { get; set; }
    public Quest Quest { get; set; } = null!;
    public string Status { get; set; } = "";
    [JsonColumn] public string? Progress { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}
