using GameOps.Data.Entities;
using GameOps.Web.Security;
using GameOps.Web.Services.Design;
using MudBlazor;

namespace GameOps.Web.Resources.Workspaces;

/// <summary>Designers' definitions: Designers and Admins write, every other role reads.</summary>
public sealed class DesignResources : IResourceConfiguration
{
    public static readonly string[] ItemTypes = ["weapon", "armor", "consumable", "material", "accessory", "quest", "currency", "cosmetic"];
    public static readonly string[] Rarities = ["common", "uncommon", "rare", "epic", "legendary"];
    public static readonly string[] QuestTypes = ["main", "side", "daily", "weekly", "event", "guild", "raid"];

    public void Configure(ResourceCatalog catalog)
    {
        catalog.For<Item>().InWorkspace("Design", "/design/items", Icons.Material.Filled.Inventory2, "Items", "Item")
            .DesignTable()
            .Columns(i => i.ItemId, i => i.Name, i => i.ItemType, i => i.Rarity, i => i.LevelRequirement, i => i.Value, i => i.IsActive, i => i.Version, i => i.UpdatedAt)
            .Options(i => i.ItemType, ItemTypes).Options(i => i.Rarity, Rarities)
            .FilterBy(i => i.ItemType, i => i.Rarity, i => i.LevelRequirement, i => i.Value, i => i.IsActive)
            .Search(i => i.ItemId, i => i.Name).SearchAnyPart(i => i.ItemId, i => i.Name).SortBy(i => i.Name)
            .Range(i => i.LevelRequirement, 0, 200).Range(i => i.Value, 0, null).Range(i => i.StackSize, 1, 9999)
            .Help(i => i.ItemId, "Stable key used by the game servers, quests and recipes, e.g. sword_iron.")
            .Initialize(i => { i.IsActive = true; i.StackSize = 1; i.Rarity = "common"; i.ItemType = "material"; i.Properties = "{}"; })
            .ValidateWithDatabase(DesignIntegrity.CheckItemAsync)
            .ReferencedBy(async (db, i, ct) => DesignUsage.Count(await DesignUsage.OfItemAsync(db, i.ItemId, ct)));

        catalog.For<Quest>().InWorkspace("Design", "/design/quests", Icons.Material.Filled.AssignmentTurnedIn, "Quests", "Quest")
            .DesignTable()
            .Columns(q => q.QuestId, q => q.Title, q => q.QuestType, q => q.ZoneId, q => q.LevelRequirement, q => q.IsRepeatable, q => q.IsActive, q => q.Version)
            .Options(q => q.QuestType, QuestTypes)
            .FilterBy(q => q.QuestType, q => q.ZoneId, q => q.LevelRequirement, q => q.IsRepeatable, q => q.IsActive)
            .Search(q => q.QuestId, q => q.Title).SearchAnyPart(q => q.QuestId, q => q.Title).SortBy(q => q.Title)
            .Range(q => q.LevelRequirement, 0, 200).Range(q => q.Cooldown, 0, null)
            .Initialize(q => { q.IsActive = true; q.QuestType = "side"; q.LevelRequirement = 1; })
            .ValidateWithDatabase(DesignIntegrity.CheckQuestAsync)
            .ReferencedBy(async (db, q, ct) => DesignUsage.Count(await DesignUsage.OfQuestAsync(db, q.QuestId, ct)));

        catalog.For<CraftingRecipe>().InWorkspace("Design", "/design/recipes", Icons.Material.Filled.Construction, "Recipes", "Recipe")
            .DesignTable()
            .Columns(r => r.RecipeId, r => r.ResultItemId, r => r.ResultQuantity, r => r.RequiredLevel, r => r.RequiredSkill, r => r.CraftingTime, r => r.SuccessRate)
            .FilterBy(r => r.RequiredLevel, r => r.SuccessRate)
            .Search(r => r.RecipeId).SearchAnyPart(r => r.RecipeId).SortBy(r => r.RecipeId)
            .Range(r => r.SuccessRate, 0, 1).Range(r => r.ResultQuantity, 1, 9999).Range(r => r.RequiredLevel, 0, 200).Range(r => r.CraftingTime, 0, null)
            .Help(r => r.SuccessRate, "Chance of success, from 0 to 1.")
            .Initialize(r => { r.ResultQuantity = 1; r.SuccessRate = 1; })
            .ValidateWithDatabase(DesignIntegrity.CheckRecipeAsync);

        catalog.For<SkillDefinition>().InWorkspace("Design", "/design/skills", Icons.Material.Filled.AutoFixHigh, "Skills", "Skill")
            .DesignTable()
            .Columns(s => s.SkillId, s => s.Name, s => s.SkillType, s => s.Element, s => s.LevelRequirement, s => s.ManaCost, s => s.Cooldown, s => s.IsActive)
            .Options(s => s.SkillType, "active", "passive", "ultimate", "toggle", "buff", "heal", "crafting", "gathering")
            .FilterBy(s => s.SkillType, s => s.Element, s => s.LevelRequirement, s => s.IsActive)
            .Search(s => s.SkillId, s => s.Name).SearchAnyPart(s => s.SkillId, s => s.Name).SortBy(s => s.Name)
            .Range(s => s.LevelRequirement, 0, 200).Range(s => s.ManaCost, 0, null).Range(s => s.Cooldown, 0, null).Range(s => s.Range, 0, null)
            .Initialize(s => s.IsActive = true)
            .ValidateWithDatabase(DesignIntegrity.CheckSkillAsync)
            .ReferencedBy(async (db, s, ct) => DesignUsage.Count(await DesignUsage.OfSkillAsync(db, s.SkillId, ct)));

        catalog.For<ResourceDefinition>().InWorkspace("Design", "/design/resources", Icons.Material.Filled.WaterDrop, "Resources", "Resource")
            .DesignTable()
            .Columns(r => r.ResourceId, r => r.Name, r => r.Category, r => r.ResourceType, r => r.BaseValue, r => r.MaxValue, r => r.RegenRate, r => r.IsActive)
            .FilterBy(r => r.Category, r => r.ResourceType, r => r.IsActive)
            .Search(r => r.ResourceId, r => r.Name).SearchAnyPart(r => r.ResourceId, r => r.Name).SortBy(r => r.Name)
            .Validate(r => r.MinValue > r.MaxValue ? [new ValidationIssue(nameof(r.MaxValue), "Max value must be at least the min value.")] : [])
            .Initialize(r => { r.IsActive = true; r.MaxValue = 100; r.BaseValue = 100; });

        catalog.For<Achievement>().InWorkspace("Design", "/design/achievements", Icons.Material.Filled.EmojiEvents, "Achievements", "Achievement")
            .DesignTable()
            .Columns(a => a.AchievementId, a => a.Name, a => a.Category, a => a.Points, a => a.IsActive, a => a.UpdatedAt)
            .FilterBy(a => a.Category, a => a.Points, a => a.IsActive)
            .Search(a => a.AchievementId, a => a.Name).SearchAnyPart(a => a.AchievementId, a => a.Name).SortBy(a => a.Name)
            .Range(a => a.Points, 0, 10_000)
            .Initialize(a => a.IsActive = true)
            .ValidateWithDatabase(DesignIntegrity.CheckAchievementAsync);
    }
}

static class DesignTableDeclaration
{
    /// <summary>Designers and Admins write, every other role reads. First in each chain, so the JSON columns' schemas are checked before the table's own checks.</summary>
    public static ResourceDescription<T> DesignTable<T>(this ResourceDescription<T> resource) where T : class, new() =>
        resource.Permissions(Permission.DesignRead, Permission.DesignWrite)
            .ValidateWithDatabase((_, entity, _) => Task.FromResult<IReadOnlyList<ValidationIssue>>(DesignIntegrity.SchemaIssues(resource, entity).ToList()));
}
