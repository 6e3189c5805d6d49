using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Data.Json;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Resources;

/// <summary>The one data path of the list and edit shells, on both providers.</summary>
public sealed class ResourceStoreTests
{
    static Item NewItem(string key, string name, string rarity = "common", int level = 1, int value = 10) => new()
    {
        Id = Guid.NewGuid(), ItemId = key, Name = name, ItemType = "weapon", Rarity = rarity, LevelRequirement = level, Value = value,
        StackSize = 1, IsActive = true, Effects = [new Effect { Type = "stat_bonus", Target = "strength", Amount = 3 }],
    };

    static async Task<(TestDatabase Db, ServiceProvider Services)> ArrangeAsync(DatabaseProvider provider, params Item[] items)
    {
        var db = await TestDatabases.CreateMigratedAsync(provider);
        await using (var context = db.CreateContext())
        {
            context.Items.AddRange(items);
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        return (db, WebServices.Build(db, WebServices.Staff(StaffRoles.Designer)));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task List_searches_by_prefix_case_insensitively_filters_sorts_and_pages(DatabaseProvider provider)
    {
        var (db, services) = await ArrangeAsync(provider,
            NewItem("sword_iron", "Iron Sword", "common", 1, 10), NewItem("sword_gold", "Golden Sword", "rare", 10, 300),
            NewItem("shield_oak", "Oak Shield", "common", 2, 20), NewItem("potion_hp", "Health Potion", "uncommon", 1, 5));
        await using var _ = db;
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ResourceStore>();
        var items = scope.ServiceProvider.GetRequiredService<ResourceCatalog>().For<Item>();
        var ct = TestContext.Current.CancellationToken;

        var search = await store.ListAsync(items, new ResourceQuery { Search = "SWORD" }, ct);
        Assert.Equal(2, search.Total); // matches item_id prefix "sword_" regardless of case

        var filtered = new ResourceQuery { SortField = nameof(Item.Value), SortDescending = true };
        filtered.Filters[nameof(Item.Rarity)] = new FilterValue { Value = "common" };
        var page = await store.ListAsync(items, filtered, ct);
        Assert.Equal(2, page.Total);
        var valueColumn = items.ListColumns.ToList().IndexOf(nameof(Item.Value));
        Assert.Equal([20, 10], page.Rows.Select(r => (int)r.Values[valueColumn]!));

        var range = new ResourceQuery { PageSize = 1, Page = 1, SortField = nameof(Item.Name) };
        range.Filters[nameof(Item.Value)] = new FilterValue { Min = 6, Max = 300 };
        var second = await store.ListAsync(items, range, ct);
        Assert.Equal(3, second.Total);
        Assert.Single(second.Rows); // page 2 of "Golden Sword", "Iron Sword", "Oak Shield"
        Assert.Equal("Iron Sword", second.Rows[0].Values[items.ListColumns.ToList().IndexOf(nameof(Item.Name))]);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Search_treats_like_wildcards_as_text(DatabaseProvider provider)
    {
        var (db, services) = await ArrangeAsync(provider, NewItem("a_b", "A"), NewItem("axb", "B"));
        await using var _ = db;
        var store = services.GetRequiredService<ResourceStore>();
        var items = services.GetRequiredService<ResourceCatalog>().For<Item>();
        var result = await store.ListAsync(items, new ResourceQuery { Search = "a_" }, TestContext.Current.CancellationToken);
        Assert.Equal(1, result.Total); // "_" must not match any character
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Players_are_found_by_username_email_id_or_a_characters_name_whether_the_term_is_rare_or_common(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Player NewPlayer(string name, int i) => new()
        {
            Id = Guid.NewGuid(), Username = name, Email = $"{name}@players.test", PasswordHash = "h", Status = "active", CreatedAt = start.AddMinutes(i),
        };
        var alice = NewPlayer("alice", 0);
        var bob = NewPlayer("bob", 1);
        // 10,050 characters named "Common…": more matches than a search pages among by id (10,000), so the common term walks the
        // list's sort order instead; a rare term finds one player among them.
        var crowd = Enumerable.Range(0, 10_050).Select(i => NewPlayer($"crowd{i:00000}", 10 + i)).ToList();
        await using (var context = db.CreateContext())
        {
            context.Players.AddRange([alice, bob, .. crowd]);
            context.Actors.Add(new Actor { Id = Guid.NewGuid(), UserId = bob.Id, Name = "Zephyrine", Level = 30, CreatedAt = start });
            context.Actors.AddRange(crowd.Select(p => new Actor { Id = Guid.NewGuid(), UserId = p.Id, Name = $"Common{p.Username}", Level = 1, CreatedAt = start }));
            await context.SaveChangesAsync(ct);
        }
        var services = WebServices.Build(db, WebServices.Staff(StaffRoles.Moderator));
        var store = services.GetRequiredService<ResourceStore>();
        var players = services.GetRequiredService<ResourceCatalog>().For<Player>();
        async Task<List<string>> Usernames(string search, int pageSize = 25, int page = 0) =>
            (await store.ListAsync(players, new ResourceQuery { Search = search, PageSize = pageSize, Page = page }, ct)).Rows
                .Select(r => (string)r.Values[players.ListColumns.ToList().IndexOf(nameof(Player.Username))]!).ToList();

        Assert.Equal(["bob"], await Usernames("zeph")); // bob's character, case-insensitive prefix
        Assert.Equal(["alice"], await Usernames("ALI"));
        Assert.Equal(["alice"], await Usernames("alice@players"));
        Assert.Equal(["bob"], await Usernames(bob.Id.ToString()));
        Assert.Equal(["bob"], await Usernames("ephyr")); // any part of a character's name (was prefix-only)

        // The common term: newest first, every match once, pages continue where the last one ended.
        var common = await store.ListAsync(players, new ResourceQuery { Search = "common", PageSize = 25 }, ct);
        Assert.True(common.TotalIsCapped); // "10,000+ rows"
        Assert.Equal(["crowd10049", "crowd10048"], (await Usernames("common")).Take(2));
        Assert.Equal(["crowd09999", "crowd09998"], (await Usernames("common", page: 2)).Take(2));
        Assert.Equal(["crowd10049"], await Usernames("crowd10049"));
        Assert.Equal(["crowd09999"], await Usernames("commoncrowd09999"));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Stale_save_is_a_conflict_with_the_database_values_and_overwrite_wins(DatabaseProvider provider)
    {
        var item = NewItem("sword_iron", "Iron Sword");
        var (db, services) = await ArrangeAsync(provider, item);
        await using var _ = db;
        var store = services.GetRequiredService<ResourceStore>();
        var items = services.GetRequiredService<ResourceCatalog>().For<Item>();
        var ct = TestContext.Current.CancellationToken;

        var mine = (Item)(await store.LoadAsync(items, item.Id, ct))!;
        var theirs = (Item)(await store.LoadAsync(items, item.Id, ct))!;
        theirs.Name = "Their Sword";
        Assert.Equal(SaveOutcome.Saved, (await store.SaveAsync(items, theirs, false, 1, ct: ct)).Outcome);

        mine.Name = "My Sword";
        var conflict = await store.SaveAsync(items, mine, false, 1, ct: ct);
        Assert.Equal(SaveOutcome.Conflict, conflict.Outcome);
        Assert.Equal("Their Sword", conflict.DatabaseValues![nameof(Item.Name)]);

        var overwrite = await store.SaveAsync(items, mine, false, 1, overwrite: true, ct: ct);
        Assert.Equal(SaveOutcome.Saved, overwrite.Outcome);
        await using var check = db.CreateContext();
        var saved = await check.Items.SingleAsync(ct);
        Assert.Equal(("My Sword", 3), (saved.Name, saved.Version));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Invalid_rows_are_refused_with_field_messages_and_nothing_changes(DatabaseProvider provider)
    {
        var item = NewItem("sword_iron", "Iron Sword");
        var (db, services) = await ArrangeAsync(provider, item);
        await using var _ = db;
        var store = services.GetRequiredService<ResourceStore>();
        var items = services.GetRequiredService<ResourceCatalog>().For<Item>();
        var ct = TestContext.Current.CancellationToken;

        var edited = (Item)(await store.LoadAsync(items, item.Id, ct))!;
        edited.Name = new string('x', 10_000);
        edited.Rarity = "mythic";
        var result = await store.SaveAsync(items, edited, false, edited.Version, ct: ct);

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Issues, i => i.Field == nameof(Item.Name) && i.Message.Contains("128"));
        Assert.Contains(result.Issues, i => i.Field == nameof(Item.Rarity));
        await using var check = db.CreateContext();
        Assert.Equal("Iron Sword", (await check.Items.SingleAsync(ct)).Name);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Duplicate_business_key_is_a_readable_error(DatabaseProvider provider)
    {
        var (db, services) = await ArrangeAsync(provider, NewItem("sword_iron", "Iron Sword"));
        await using var _ = db;
        var store = services.GetRequiredService<ResourceStore>();
        var items = services.GetRequiredService<ResourceCatalog>().For<Item>();
        var result = await store.SaveAsync(items, NewItem("sword_iron", "Copy"), true, null, ct: TestContext.Current.CancellationToken);
        Assert.Equal(SaveOutcome.Failed, result.Outcome);
        Assert.Contains("unique", result.Issues[0].Message);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Delete_of_a_referenced_definition_is_refused_and_says_where_it_is_used(DatabaseProvider provider)
    {
        var item = NewItem("sword_iron", "Iron Sword");
        var (db, services) = await ArrangeAsync(provider, item);
        await using var _ = db;
        var ct = TestContext.Current.CancellationToken;
        await using (var context = db.CreateContext())
        {
            var player = new Player { Id = Guid.NewGuid(), Username = "p1", Email = "p1@x.test", PasswordHash = "h", Status = "active", CreatedAt = DateTime.UtcNow };
            var actor = new Actor { Id = Guid.NewGuid(), UserId = player.Id, Name = "Hero", Level = 1, CreatedAt = DateTime.UtcNow };
            context.AddRange(player, actor, new InventoryItem { Id = Guid.NewGuid(), ActorId = actor.Id, ItemId = item.Id, Quantity = 1, AcquiredAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            await context.SaveChangesAsync(ct);
        }
        var store = services.GetRequiredService<ResourceStore>();
        var items = services.GetRequiredService<ResourceCatalog>().For<Item>();

        var result = await store.DeleteAsync(items, item.Id, ct);

        Assert.Equal(SaveOutcome.Failed, result.Outcome);
        Assert.Contains("1 inventory_items", result.Issues[0].Message);
        Assert.Contains("Deactivate", result.Issues[0].Message);
        await using var check = db.CreateContext();
        Assert.Equal(1, await check.Items.CountAsync(ct));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Bulk_deactivate_changes_every_selected_row_and_bumps_versions(DatabaseProvider provider)
    {
        var a = NewItem("a", "A");
        var b = NewItem("b", "B");
        var (db, services) = await ArrangeAsync(provider, a, b, NewItem("c", "C"));
        await using var _ = db;
        var store = services.GetRequiredService<ResourceStore>();
        var items = services.GetRequiredService<ResourceCatalog>().For<Item>();
        var ct = TestContext.Current.CancellationToken;

        var result = await store.SetActiveAsync(items, [a.Id, b.Id], false, ct);

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        await using var check = db.CreateContext();
        var rows = await check.Items.OrderBy(i => i.ItemId).Select(i => new { i.ItemId, i.IsActive, i.Version }).ToListAsync(ct);
        Assert.Equal([("a", false, 2), ("b", false, 2), ("c", true, 1)], rows.Select(r => (r.ItemId, r.IsActive, r.Version)));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_cached_count_never_outlives_a_save_to_its_table(DatabaseProvider provider)
    {
        var (db, services) = await ArrangeAsync(provider, NewItem("a", "A"));
        await using var _ = db;
        var store = services.GetRequiredService<ResourceStore>();
        var items = services.GetRequiredService<ResourceCatalog>().For<Item>();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(1, (await store.ListAsync(items, new ResourceQuery(), ct)).Total);

        await store.SaveAsync(items, NewItem("b", "B"), true, null, ct: ct);

        Assert.Equal(2, (await store.ListAsync(items, new ResourceQuery(), ct)).Total);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Every_table_lists_its_first_page(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var services = WebServices.Build(db, WebServices.Staff(StaffRoles.Admin)); // the store demands each table's read permission
        var store = services.GetRequiredService<ResourceStore>();
        foreach (var resource in services.GetRequiredService<ResourceCatalog>().All)
        {
            if (resource.SearchFields.Count > 0 || resource.RelatedSearches.Count > 0)
            {
                var page = await store.ListAsync(resource, new ResourceQuery { Search = "x" }, TestContext.Current.CancellationToken);
                Assert.Equal(0, page.Total);
            }
            else // a table without search fields refuses a search instead of matching nothing silently
                await Assert.ThrowsAsync<InvalidResourceQueryException>(() => store.ListAsync(resource, new ResourceQuery { Search = "x" }, TestContext.Current.CancellationToken));
            if (resource.Field(resource.ListColumns[0]).Sortable)
                await store.ListAsync(resource, new ResourceQuery { SortField = resource.ListColumns[0] }, TestContext.Current.CancellationToken);
        }
    }
}
