namespace GameOps.Data.Entities;

/// <summary>Table <c>inventory_items</c>.</summary>
public class InventoryItem : IUpdatedAt
{
    public Guid Id { get; set; }
    public Guid ActorId { get; set; }
    public Actor Actor { get; set; } = null!;
    public int SlotPosition { get; set; }
    public Guid ItemId { get; set; }
    public Item Item { get; set; } = null!;
    public int Quantity { get; set; }
    public int? Durability { get; set; }
    public int EnhancementLevel { get; set; }
    [JsonColumn] public string? Properties { get; set; }
    public DateTime AcquiredAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
