using GameOps.Data.Json;

namespace GameOps.Data.Entities;

/// <summary>Table <c>crafting_recipes</c>.</summary>
public class CraftingRecipe : IUpdatedAt, ICreatedAt
{
    public Guid Id { get; set; }
    public string RecipeId { get; set; } = "";
    public Guid ResultItemId { get; set; }
    public Item ResultItem { get; set; } = null!;
    public int ResultQuantity { get; set; }
    [JsonColumn] public List<ItemQuantity> RequiredItems { get; set; } = [];
    public int RequiredLevel { get; set; }
    public string? RequiredSkill { get; set; }
    public int CraftingTime { get; set; }
    public decimal SuccessRate { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
