using GameOps.Data;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Services.Design;
using Microsoft.Extensions.DependencyInjection;
using static GameOps.Tests.Web.Design.DesignTestData;

namespace GameOps.Tests.Web.Design;

/// <summary>Quest chain graph and balance report, identical on both providers.</summary>
public sealed class DesignInsightsTests
{
    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Quest_chain_holds_everything_before_and_after_a_quest_in_layers(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        await SeedAsync(db, NewQuest("a"), NewQuest("b", "a"), NewQuest("c", "b"), NewQuest("d", "a", "c"), NewQuest("lonely"));
        using var services = Services(db);
        var insights = services.GetRequiredService<DesignInsightQueries>();
        var ct = TestContext.Current.CancellationToken;

        var chain = await insights.QuestGraphAsync(null, "b", ct);
        Assert.Equal(["a", "b", "c", "d"], chain.Nodes.Select(n => n.QuestId).Order());
        Assert.Equal(new Dictionary<string, int> { ["a"] = 0, ["b"] = 1, ["c"] = 2, ["d"] = 3 }, chain.Nodes.ToDictionary(n => n.QuestId, n => n.Depth));
        Assert.Equal(4, chain.Edges.Count);

        var all = await insights.QuestGraphAsync(null, null, ct);
        Assert.Equal(5, all.Nodes.Count);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Balance_flags_items_far_from_their_rarity(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        await SeedAsync(db,
            NewItem("c1", value: 10, rarity: "common"), NewItem("c2", value: 12, rarity: "common"), NewItem("c3", value: 11, rarity: "common"),
            NewItem("c4", value: 13, rarity: "common"), NewItem("c_gold", value: 900, rarity: "common"),
            NewItem("r1", value: 200, rarity: "rare", level: 20), NewItem("r2", value: 220, rarity: "rare", level: 22), NewItem("r3", value: 210, rarity: "rare", level: 21),
            NewItem("potion", value: 5, type: "consumable"));
        using var services = Services(db);
        var report = await services.GetRequiredService<DesignInsightQueries>().BalanceAsync("weapon", TestContext.Current.CancellationToken);

        Assert.Equal(8, report.Points.Count);
        Assert.Equal(["c_gold"], report.Points.Where(p => p.IsOutlier).Select(p => p.ItemId));
        var common = report.Bands.Single(b => b.Rarity == "common");
        Assert.Equal(12, common.MedianValue);
        Assert.Equal(1, common.Outliers);
        Assert.Equal(21, report.Bands.Single(b => b.Rarity == "rare").AverageLevel);
    }
}
