namespace GameOps.Data.Entities;

/// <summary>Table <c>guild_storage</c>.</summary>
public class GuildStorageItem
{
    public Guid Id { get; set; }
    public Guid GuildId { get; set; }
    public Guild Guild { get; set; } = null!;
    public Guid ItemId { get; set; }
    public Item Item { get; set; } = null!;
    public int Quantity { get; set; }
    public int? SlotPosition { get; set; }
    public Guid? DepositedBy { get; set; }
    public Actor? DepositedByActor { get; set; }
    public DateTime DepositedAt { get; set; }
}
