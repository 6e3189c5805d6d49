namespace GameOps.Data.Entities;

/// <summary>Table <c>event_rewards</c>.</summary>
public class EventReward : IUpdatedAt, ICreatedAt
{
    public Guid Id { get; set; }
    public Guid EventId { get; set; }
    public GameEvent Event { get; set; } = null!;
    public Guid ItemId { get; set; }
    public Item Item { get; set; } = null!;
    public int Quantity { get; set; }
    public string ConditionType { get; set; } = "";
    public int? RankMin { get; set; }
    public int? RankMax { get; set; }
    public int? ScoreThreshold { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
