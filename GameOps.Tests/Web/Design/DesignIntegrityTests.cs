using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Data.Json;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GameOps.Tests.Web.Design.DesignTestData;

namespace GameOps.Tests.Web.Design;

/// <summary>The rules the database cannot express, enforced by the save path, on both providers.</summary>
public sealed class DesignIntegrityTests
{
    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Recipe_with_unknown_ingredient_or_its_own_result_is_refused_and_nothing_saved(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var ore = NewItem("ore_iron", type: "material");
        var bar = NewItem("bar_iron", type: "material");
        await SeedAsync(db, ore, bar);
        using var services = Services(db);
        var store = services.GetRequiredService<ResourceStore>();
        var recipes = services.GetRequiredService<ResourceCatalog>().For<CraftingRecipe>();
        var ct = TestContext.Current.CancellationToken;

        var unknown = await store.SaveAsync(recipes, NewRecipe("smelt_bar", bar, ("ore_gold", 2)), isNew: true, null, ct: ct);
        Assert.Equal(SaveOutcome.Invalid, unknown.Outcome);
        Assert.Contains(unknown.Issues, i => i.Field == nameof(CraftingRecipe.RequiredItems) && i.Message.Contains("ore_gold"));

        var self = await store.SaveAsync(recipes, NewRecipe("smelt_bar", bar, ("ore_iron", 2), ("bar_iron", 1)), isNew: true, null, ct: ct);
        Assert.Equal(SaveOutcome.Invalid, self.Outcome);
        Assert.Contains(self.Issues, i => i.Message.Contains("its own result"));

        var rate = NewRecipe("smelt_bar", bar, ("ore_iron", 2));
        rate.SuccessRate = 1.5m;
        Assert.Equal(SaveOutcome.Invalid, (await store.SaveAsync(recipes, rate, isNew: true, null, ct: ct)).Outcome);

        await using var context = db.CreateContext();
        Assert.Equal(0, await context.CraftingRecipes.CountAsync(ct));
        Assert.Equal(SaveOutcome.Saved, (await store.SaveAsync(recipes, NewRecipe("smelt_bar", bar, ("ore_iron", 2)), isNew: true, null, ct: ct)).Outcome);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Recipe_chain_cycle_is_refused(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var a = NewItem("item_a");
        var b = NewItem("item_b");
        var c = NewItem("item_c");
        await SeedAsync(db, a, b, c, NewRecipe("make_b", b, ("item_a", 1)), NewRecipe("make_c", c, ("item_b", 1)));
        using var services = Services(db);
        var store = services.GetRequiredService<ResourceStore>();
        var recipes = services.GetRequiredService<ResourceCatalog>().For<CraftingRecipe>();

        var result = await store.SaveAsync(recipes, NewRecipe("make_a", a, ("item_c", 1)), isNew: true, null, ct: TestContext.Current.CancellationToken);
        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Issues, i => i.Message.Contains("cycle") && i.Message.Contains("item_a → item_b → item_c → item_a"));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Quest_prerequisite_cycles_and_unknown_quests_are_refused_inactive_ones_warn(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var first = NewQuest("q_first");
        var second = NewQuest("q_second", "q_first");
        var third = NewQuest("q_third", "q_second");
        var retired = NewQuest("q_retired");
        retired.IsActive = false;
        await SeedAsync(db, first, second, third, retired);
        using var services = Services(db);
        var store = services.GetRequiredService<ResourceStore>();
        var quests = services.GetRequiredService<ResourceCatalog>().For<Quest>();
        var ct = TestContext.Current.CancellationToken;

        first.Prerequisites = ["q_third"];
        var cycle = await store.SaveAsync(quests, first, isNew: false, first.Version, ct: ct);
        Assert.Equal(SaveOutcome.Invalid, cycle.Outcome);
        Assert.Contains(cycle.Issues, i => i.Message.Contains("q_first → q_third → q_second → q_first"));

        first.Prerequisites = ["q_first"];
        Assert.Contains((await store.SaveAsync(quests, first, isNew: false, first.Version, ct: ct)).Issues, i => i.Message.Contains("its own prerequisite"));

        first.Prerequisites = ["q_missing"];
        Assert.Contains((await store.SaveAsync(quests, first, isNew: false, first.Version, ct: ct)).Issues, i => !i.IsWarning && i.Message.Contains("q_missing"));

        first.Prerequisites = ["q_retired"];
        first.Rewards = new RewardBundle { Experience = 10, Items = [new ItemQuantity { ItemId = "nothing_here", Quantity = 1 }] };
        Assert.Contains((await store.SaveAsync(quests, first, isNew: false, first.Version, ct: ct)).Issues, i => i.Field == nameof(Quest.Rewards) && i.Message.Contains("nothing_here"));

        first.Rewards = new RewardBundle { Experience = 10 };
        var saved = await store.SaveAsync(quests, first, isNew: false, first.Version, ct: ct);
        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        Assert.Contains(saved.Issues, i => i.IsWarning && i.Message.Contains("q_retired"));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Schema_and_level_range_violations_are_refused(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var sword = NewItem("sword");
        await SeedAsync(db, sword);
        using var services = Services(db);
        var store = services.GetRequiredService<ResourceStore>();
        var items = services.GetRequiredService<ResourceCatalog>().For<Item>();
        var ct = TestContext.Current.CancellationToken;

        sword.Effects = [new Effect { Type = "heal", Target = "health", Amount = 5, Chance = 2 }];
        var badEffect = await store.SaveAsync(items, sword, isNew: false, sword.Version, ct: ct);
        Assert.Equal(SaveOutcome.Invalid, badEffect.Outcome);
        Assert.Contains(badEffect.Issues, i => i.Field == nameof(Item.Effects) && i.Message.Contains("#1 chance"));

        sword.Effects = [];
        sword.Requirements = new Requirements { MinLevel = 30, MaxLevel = 10 };
        Assert.Contains((await store.SaveAsync(items, sword, isNew: false, sword.Version, ct: ct)).Issues, i => i.Message.Contains("above maximum level"));

        await using var context = db.CreateContext();
        var stored = await context.Items.AsNoTracking().SingleAsync(ct);
        Assert.Equal(1, stored.Version);
        Assert.Single(stored.Effects);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Item_used_in_json_is_listed_where_used_and_cannot_be_deleted(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var herb = NewItem("herb", type: "material");
        var potion = NewItem("potion", type: "consumable");
        var quest = NewQuest("gather_herbs");
        quest.Rewards = new RewardBundle { Experience = 50, Items = [new ItemQuantity { ItemId = "herb", Quantity = 2 }] };
        var achievement = new Achievement
        {
            Id = Guid.CreateVersion7(), AchievementId = "herbalist", Name = "Herbalist", Points = 10, IsActive = true,
            Requirements = [new AchievementRequirement { Type = "collect", Target = "herb", Count = 100 }],
            Rewards = new RewardBundle { Items = [new ItemQuantity { ItemId = "herb", Quantity = 5 }] },
        };
        await SeedAsync(db, herb, potion, quest, achievement, NewRecipe("brew", potion, ("herb", 3)));
        using var services = Services(db);
        var store = services.GetRequiredService<ResourceStore>();
        var items = services.GetRequiredService<ResourceCatalog>().For<Item>();
        var ct = TestContext.Current.CancellationToken;

        var uses = await services.GetRequiredService<GameOps.Web.Services.Design.DesignDefinitionService>().UsageAsync(herb, ct);
        Assert.Equal(["Goal of achievement", "Ingredient of recipe", "Reward of achievement", "Reward of quest"], uses.Select(u => u.Relation).Order());

        var references = await store.ReferencesAsync(items, herb.Id, ct);
        Assert.Equal(4, references.Count);
        var delete = await store.DeleteAsync(items, herb.Id, ct);
        Assert.Equal(SaveOutcome.Failed, delete.Outcome);
        Assert.Contains("Deactivate it instead", delete.Issues[0].Message);
        await using var context = db.CreateContext();
        Assert.Equal(2, await context.Items.CountAsync(ct));
    }
}
