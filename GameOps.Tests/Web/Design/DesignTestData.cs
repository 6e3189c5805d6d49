using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Data.Json;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Security;
using GameOps.Web.Services.Design;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Design;

/// <summary>Definitions the design tests create themselves, and the app's data services plus the Design workspace's.</summary>
public static class DesignTestData
{
    /// <param name="staff">A real staff account to act as (its id and email in the claims); else an account-less one of <paramref name="role"/>.</param>
    public static ServiceProvider Services(TestDatabase db, string role = StaffRoles.Designer, StaffUser? staff = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGameOpsWebData(db);
        services.AddDesignWorkspace();
        var provider = services.BuildServiceProvider(validateScopes: false);
        provider.GetRequiredService<CurrentStaff>().Use(WebServices.Staff(role, staff?.Id, staff?.Email), "127.0.0.1", "tests");
        return provider;
    }

    public static Item NewItem(string key, bool active = true, int value = 10, string type = "weapon", string rarity = "common", int level = 1) => new()
    {
        Id = Guid.CreateVersion7(), ItemId = key, Name = key.Replace('_', ' '), ItemType = type, Rarity = rarity, LevelRequirement = level, Value = value,
        StackSize = 1, IsActive = active, Properties = "{}", Effects = [new Effect { Type = "stat_bonus", Target = "strength", Amount = 2 }],
    };

    public static Quest NewQuest(string key, params string[] prerequisites) => new()
    {
        Id = Guid.CreateVersion7(), QuestId = key, Title = key.Replace('_', ' '), QuestType = "side", LevelRequirement = 1, IsActive = true,
        Prerequisites = [.. prerequisites], Objectives = [new QuestObjective { Type = "kill", Target = "wolf", Count = 3 }],
    };

    public static CraftingRecipe NewRecipe(string key, Item result, params (string Item, int Quantity)[] ingredients) => new()
    {
        Id = Guid.CreateVersion7(), RecipeId = key, ResultItemId = result.Id, ResultQuantity = 1, SuccessRate = 1, CraftingTime = 5,
        RequiredItems = [.. ingredients.Select(i => new ItemQuantity { ItemId = i.Item, Quantity = i.Quantity })],
    };

    public static async Task SeedAsync(TestDatabase db, params object[] rows)
    {
        await using var context = db.CreateContext();
        context.AddRange(rows);
        await context.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
