namespace GameOps.Data.Entities;

/// <summary>Table <c>actor_equipment</c>.</summary>
public class ActorEquipment
{
    public Guid Id { get; set; }
    public Guid ActorId { get; set; }
    public Actor Actor { get; set; } = null!;
    public string SlotType { get; set; } = "";
    public Guid ItemId { get; set; }
    public Item Item { get; set; } = null!;
    public int? Durability { get; set; }
    public int EnhancementLevel { get; set; }
    [JsonColumn] public string? Properties { get; set; }
    public DateTime EquippedAt { get; set; }
}
