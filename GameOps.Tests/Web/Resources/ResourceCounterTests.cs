using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using static GameOps.Tests.Web.Resources.ResourceArrange;

namespace GameOps.Tests.Web.Resources;

/// <summary><see cref="ResourceCounter"/>: exact, capped and estimated counts, and a cache that a write to the table ends.</summary>
public sealed class ResourceCounterTests
{
    static IEnumerable<Player> Players(int count) => Enumerable.Range(0, count).Select(i => NewPlayer($"player{i:00}"));

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_filtered_list_is_counted_up_to_the_cap_and_an_unanalysed_table_exactly(DatabaseProvider provider)
    {
        var (database, _, catalog) = await ArrangeAsync(provider, [.. Players(6), .. Enumerable.Range(0, 6).Select(i => NewItem($"i{i}", $"I{i}"))]);
        await using var _ = database;
        await using var db = database.CreateContext();
        var players = catalog.For<Player>();
        var items = catalog.For<Item>();
        var counter = new ResourceCounter(new MemoryCache(new MemoryCacheOptions()), new TableVersions(), countCap: 5);

        var active = new ResourceQuery();
        active.Scope[nameof(Player.Status)] = new FilterValue { Value = "active" };
        var filtered = ResourceQueryBuilder.Where(db, players, db.Players.AsNoTracking(), active, false);
        Assert.Equal(new ResourceCount(5, false, true), await counter.CountAsync(db, players, filtered, active, Ct)); // "5+"

        var all = new ResourceQuery();
        Assert.Equal(new ResourceCount(6, false, false), await counter.CountAsync(db, items, db.Items.AsNoTracking(), all, Ct));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_cached_count_lasts_until_the_table_changes(DatabaseProvider provider)
    {
        var (database, _, catalog) = await ArrangeAsync(provider, Players(3));
        await using var _ = database;
        await using var db = database.CreateContext();
        var players = catalog.For<Player>();
        var versions = new TableVersions();
        var counter = new ResourceCounter(new MemoryCache(new MemoryCacheOptions()), versions);
        var query = new ResourceQuery();
        Assert.Equal(3, (await counter.CountAsync(db, players, db.Players.AsNoTracking(), query, Ct)).Total);

        await using (var writer = database.CreateContext()) // a context without the version interceptor: the counter cannot know yet
        {
            writer.Players.Add(NewPlayer("late"));
            await writer.SaveChangesAsync(Ct);
        }
        Assert.Equal(3, (await counter.CountAsync(db, players, db.Players.AsNoTracking(), query, Ct)).Total);

        versions.Bump([players.Table]);
        Assert.Equal(4, (await counter.CountAsync(db, players, db.Players.AsNoTracking(), query, Ct)).Total);
    }

    [Fact]
    public async Task An_unfiltered_big_table_on_postgresql_shows_the_planners_estimate()
    {
        var (database, _, catalog) = await ArrangeAsync(DatabaseProvider.Postgres, Players(8));
        await using var _ = database;
        await using var db = database.CreateContext();
        var players = catalog.For<Player>();
        Assert.Null(await ResourceCounter.EstimateRowsAsync(db, players.Table, Ct)); // never analysed yet
        await db.Database.ExecuteSqlRawAsync("ANALYZE users", Ct);
        var counter = new ResourceCounter(new MemoryCache(new MemoryCacheOptions()), new TableVersions(), estimateThreshold: 5);

        Assert.Equal(new ResourceCount(8, true, false), await counter.CountAsync(db, players, db.Players.AsNoTracking(), new ResourceQuery(), Ct));
        var belowThreshold = new ResourceCounter(new MemoryCache(new MemoryCacheOptions()), new TableVersions(), estimateThreshold: 9);
        Assert.Equal(new ResourceCount(8, false, false), await belowThreshold.CountAsync(db, players, db.Players.AsNoTracking(), new ResourceQuery(), Ct));
    }
}
