using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using GameOps.Web.Services.Shell;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Resources;

/// <summary>Name searches match any part of a name (prefix matches first) and say which field a hit was found through.</summary>
public sealed class AnyPartSearchTests
{
    static Item NewItem(string key, string name) => new()
    {
        Id = Guid.NewGuid(), ItemId = key, Name = name, ItemType = "weapon", Rarity = "common", LevelRequirement = 1, Value = 10, StackSize = 1, IsActive = true,
    };

    static async Task<(TestDatabase Db, ServiceProvider Services)> ArrangeItemsAsync(DatabaseProvider provider, params Item[] items)
    {
        var db = await TestDatabases.CreateMigratedAsync(provider);
        await using (var context = db.CreateContext())
        {
            context.Items.AddRange(items);
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        return (db, WebServices.Build(db, WebServices.Staff(StaffRoles.Designer)));
    }

    static List<string?> Names(ResourceDescription items, ResourcePageResult page) =>
        page.Rows.Select(r => r.Values[items.ListColumns.ToList().IndexOf(nameof(Item.Name))] as string).ToList();

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_part_of_an_item_name_finds_it_with_prefix_matches_first(DatabaseProvider provider)
    {
        var (db, services) = await ArrangeItemsAsync(provider,
            NewItem("wpn_mithril_sword", "Mithril Sword"), NewItem("wpn_basic", "Sword Basic"), NewItem("shd_oak", "Oak Shield"));
        await using var _ = db;
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ResourceStore>();
        var items = scope.ServiceProvider.GetRequiredService<ResourceCatalog>().For<Item>();
        var ct = TestContext.Current.CancellationToken;

        foreach (var text in new[] { "swor", "Sword", "SWOR" })
        {
            var page = await store.ListAsync(items, new ResourceQuery { Search = text }, ct);
            Assert.Equal(2, page.Total);
            // The list sorts by name ("Mithril…" before "Sword…"), but the prefix match ranks first while searching.
            Assert.Equal(["Sword Basic", "Mithril Sword"], Names(items, page));

            var options = await store.PickFromTableAsync(items, nameof(Item.Id), text, ct);
            Assert.Equal(["Sword Basic", "Mithril Sword"], options.Select(o => o.Label.Split(" (")[0]));
        }

        // A sort the user picked wins over the ranking.
        var sorted = await store.ListAsync(items, new ResourceQuery { Search = "swor", SortField = nameof(Item.Name) }, ct);
        Assert.Equal(["Mithril Sword", "Sword Basic"], Names(items, sorted));

        // Found by the key only: the picker says so.
        var byKey = await store.PickFromTableAsync(items, nameof(Item.Id), "mithril_s", ct);
        Assert.Equal("item id: wpn_mithril_sword", Assert.Single(byKey).MatchedIn);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Like_wildcards_in_the_search_are_literal(DatabaseProvider provider)
    {
        var (db, services) = await ArrangeItemsAsync(provider,
            NewItem("pct_full", "Potion 100% Pure"), NewItem("pct_none", "Potion 1000 Pure"), NewItem("us_a", "Rune a_b"), NewItem("us_b", "Rune axb"));
        await using var _ = db;
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ResourceStore>();
        var items = scope.ServiceProvider.GetRequiredService<ResourceCatalog>().For<Item>();
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(["Potion 100% Pure"], Names(items, await store.ListAsync(items, new ResourceQuery { Search = "0% p" }, ct)));
        Assert.Equal(["Rune a_b"], Names(items, await store.ListAsync(items, new ResourceQuery { Search = "a_b" }, ct)));
        Assert.Equal(["Potion 100% Pure"], Names(items, await store.ListAsync(items, new ResourceQuery { Search = "%" }, ct)));
        Assert.Equal(["Rune a_b"], (await store.PickFromTableAsync(items, nameof(Item.Id), "a_b", ct)).Select(o => o.Label.Split(" (")[0]));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_part_of_a_character_name_finds_its_player_and_says_so_without_searching_emails(DatabaseProvider provider)
    {
        var db = await TestDatabases.CreateMigratedAsync(provider);
        await using var _ = db;
        var ct = TestContext.Current.CancellationToken;
        var now = DateTime.UtcNow;
        var owner = new Player { Id = Guid.NewGuid(), Username = "wolf1999", Email = "wolf@players.local", PasswordHash = "x", Status = "active", CreatedAt = now.AddDays(-3) };
        // Emails are matched by prefix only (and only for roles that may see them): a part of one finds nothing.
        var emailOnly = new Player { Id = Guid.NewGuid(), Username = "quiet_fox", Email = "fan.liion@players.local", PasswordHash = "x", Status = "active", CreatedAt = now.AddDays(-2) };
        await using (var context = db.CreateContext())
        {
            context.Players.AddRange(owner, emailOnly);
            context.Actors.Add(new Actor { Id = Guid.NewGuid(), UserId = owner.Id, Name = "Eliion", Level = 42, Position = new() { ZoneId = "zone_unknown" }, CreatedAt = now.AddDays(-1) });
            await context.SaveChangesAsync(ct);
        }
        var services = WebServices.Build(db, WebServices.Staff(StaffRoles.Moderator));
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ResourceStore>();
        var catalog = scope.ServiceProvider.GetRequiredService<ResourceCatalog>();
        var search = ActivatorUtilities.CreateInstance<GlobalSearchService>(scope.ServiceProvider);

        var hits = await search.SearchAsync("liion", ct);
        var player = Assert.Single(hits, h => h.Kind == "Player" && !h.IsSeeAll);
        Assert.Equal("wolf1999", player.Label);
        Assert.Equal("character name: Eliion", player.MatchedIn);
        var character = Assert.Single(hits, h => h.Kind == "Character" && !h.IsSeeAll);
        Assert.Equal("Eliion", character.Label);
        Assert.Null(character.MatchedIn);
        Assert.DoesNotContain(hits, h => h.Label.Contains("quiet_fox") || (h.MatchedIn ?? "").Contains("fan.liion"));

        var players = await store.ListAsync(catalog.For<Player>(), new ResourceQuery { Search = "liion" }, ct);
        Assert.Equal(1, players.Total);
        Assert.Equal(owner.Id, players.Rows[0].Id);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Global_search_shows_only_the_kinds_the_one_permission_helper_grants_and_never_throws_for_the_others(DatabaseProvider provider)
    {
        var db = await TestDatabases.CreateMigratedAsync(provider);
        await using var _ = db;
        var ct = TestContext.Current.CancellationToken;
        await using (var context = db.CreateContext())
        {
            context.Players.Add(new Player { Id = Guid.NewGuid(), Username = "zyxqa_wolf", Email = "wolf@players.local", PasswordHash = "x", Status = "active", CreatedAt = DateTime.UtcNow });
            context.Items.Add(NewItem("wpn_zyxqa", "Zyxqa blade"));
            await context.SaveChangesAsync(ct);
        }

        async Task<IReadOnlyList<SearchHit>> SearchAsAsync(System.Security.Claims.ClaimsPrincipal staff)
        {
            var services = WebServices.Build(db, staff);
            await using var scope = services.CreateAsyncScope();
            return await ActivatorUtilities.CreateInstance<GlobalSearchService>(scope.ServiceProvider).SearchAsync("zyxqa", ct);
        }

        await using var probe = WebServices.Build(db);
        var catalog = probe.GetRequiredService<ResourceCatalog>();
        var itemRead = catalog.For<Item>().ReadPermission;
        var playerRead = catalog.For<Player>().ReadPermission;
        Assert.NotEqual(itemRead, playerRead);

        // Each role finds exactly the kinds the permission helper grants it.
        foreach (var role in new[] { StaffRoles.Moderator, StaffRoles.Designer, StaffRoles.Admin })
        {
            var staff = WebServices.Staff(role);
            var kinds = (await SearchAsAsync(staff)).Select(h => h.Kind).Distinct().ToList();
            Assert.Equal(staff.Has(playerRead), kinds.Contains("Player"));
            Assert.Equal(staff.Has(itemRead), kinds.Contains("Item"));
        }

        // An admin's token scoped to items: its role would read players, its scopes do not. The search leaves players out
        // (it asks the same helper the store enforces) instead of failing on the store's refusal.
        var tokenKinds = (await SearchAsAsync(WebServices.ApiToken(StaffRoles.Admin, itemRead))).Select(h => h.Kind).Distinct().ToList();
        Assert.Equal(["Item"], tokenKinds);
    }
}
