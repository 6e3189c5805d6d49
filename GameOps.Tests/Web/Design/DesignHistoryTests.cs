using Bunit;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Data.Json;
using GameOps.Tests.Infrastructure;
using GameOps.Tests.Web.Moderation;
using GameOps.Web.Components.Pages.Design;
using GameOps.Web.Components.Shared;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using GameOps.Web.Services.Design;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GameOps.Tests.Web.Design.DesignTestData;
using TestContext = Xunit.TestContext;

namespace GameOps.Tests.Web.Design;

/// <summary>Versions from the audit trail, diffs, restore as a new version, clone and concurrency, on both providers.</summary>
public sealed class DesignHistoryTests
{
    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task History_lists_versions_diffs_and_restores_an_earlier_one_as_a_new_version(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        using var services = Services(db);
        var store = services.GetRequiredService<ResourceStore>();
        var history = services.GetRequiredService<DesignHistoryService>();
        var items = services.GetRequiredService<ResourceCatalog>().For<Item>();
        var ct = TestContext.Current.CancellationToken;

        var created = await store.SaveAsync(items, NewItem("staff_oak", value: 10), isNew: true, null, ct: ct);
        var item = (Item)created.Entity!;
        item.Name = "Oak Staff";
        item.Effects = [new Effect { Type = "stat_bonus", Target = "intellect", Amount = 4 }, new Effect { Type = "heal", Target = "health", Amount = 10, Chance = 0.25m }];
        item = (Item)(await store.SaveAsync(items, item, isNew: false, item.Version, ct: ct)).Entity!;
        item.Value = 99;
        item = (Item)(await store.SaveAsync(items, item, isNew: false, item.Version, ct: ct)).Entity!;
        Assert.Equal(3, item.Version);

        var versions = await history.VersionsAsync(items, item.Id, ct);
        Assert.Equal([1, 2, 3], versions.Select(v => v.Version));
        Assert.Equal(["create", "update", "update"], versions.Select(v => v.Action));
        Assert.Single(versions.Select(v => v.Staff).Distinct()); // one staff member, named (see the next test), never by email
        Assert.DoesNotContain("designer@tests.local", versions[0].Staff);
        var diff = DesignHistoryService.Diff(versions[0].Snapshot, versions[2].Snapshot).Select(d => d.Column).ToList();
        Assert.Contains("name", diff);
        Assert.Contains("effects", diff);
        Assert.Contains("value", diff);
        Assert.Equal("10", DesignHistoryService.Diff(versions[0].Snapshot, versions[2].Snapshot).Single(d => d.Column == "value").Left);

        var restored = await history.RestoreAsync(items, item.Id, versions[0], item.Version, ct);
        Assert.Equal(SaveOutcome.Saved, restored.Outcome);
        await using var context = db.CreateContext();
        var stored = await context.Items.AsNoTracking().SingleAsync(i => i.Id == item.Id, ct);
        Assert.Equal(4, stored.Version);
        Assert.Equal("staff oak", stored.Name);
        Assert.Equal(10, stored.Value);
        Assert.Single(stored.Effects);
        Assert.Equal(4, (await history.VersionsAsync(items, item.Id, ct)).Count);

        var stale = await history.RestoreAsync(items, item.Id, versions[1], 3, ct);
        Assert.Equal(SaveOutcome.Conflict, stale.Outcome);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_designer_sees_who_changed_a_definition_by_name_never_their_email_which_only_a_caller_who_may_reveal_it_sees(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var alice = ModerationArrange.NewStaff("alice");
        alice.DisplayName = "Alice Maker";
        await SeedAsync(db, alice);
        var ct = TestContext.Current.CancellationToken;
        Guid id;
        using (var asAlice = Services(db, StaffRoles.Designer, alice))
        {
            var items = asAlice.GetRequiredService<ResourceCatalog>().For<Item>();
            var store = asAlice.GetRequiredService<ResourceStore>();
            var item = (Item)(await store.SaveAsync(items, NewItem("bow_yew"), isNew: true, null, ct: ct)).Entity!;
            item.Value = 25;
            await store.SaveAsync(items, item, isNew: false, item.Version, ct: ct);
            id = item.Id;
        }
        var designer = WebServices.Staff(StaffRoles.Designer);
        Assert.False(designer.Has(Permission.RevealPersonalData));

        // The service: a Designer gets the name only.
        using (var services = Services(db))
        {
            var versions = await services.GetRequiredService<DesignHistoryService>().VersionsAsync(services.GetRequiredService<ResourceCatalog>().For<Item>(), id, ct);
            Assert.Equal(2, versions.Count);
            Assert.All(versions, v => Assert.Equal("Alice Maker", v.Staff));
        }

        // The panel on the Design page: the name in the history, the email nowhere.
        await using (var ctx = ComponentContexts.SignedIn(db, StaffRoles.Designer))
        {
            ctx.Services.AddDesignWorkspace();
            var items = ctx.Services.GetRequiredService<ResourceCatalog>().For<Item>();
            await using var context = db.CreateContext();
            var item = await context.Items.AsNoTracking().SingleAsync(i => i.Id == id, ct);
            ctx.Render<MudBlazor.MudPopoverProvider>();
            var panel = ctx.Render<HistoryPanel>(p => p.Add(x => x.Resource, items).Add(x => x.Id, id).Add(x => x.State, new EditState(items, item, isNew: false)));
            await panel.WaitForAssertionAsync(() => Assert.Equal(2, panel.FindAll("[data-testid=history-row]").Count), TimeSpan.FromSeconds(20));
            Assert.All(panel.FindAll("[data-testid=history-row]"), row => Assert.Contains("Alice Maker", row.TextContent));
            Assert.DoesNotContain(alice.Email!, panel.Markup);
            Assert.All(panel.FindAll("[data-testid=history-row]"), row => Assert.DoesNotContain("@", row.TextContent));
        }

        // An Admin, who may reveal personal data, sees whose email it is beside the name (as on the audit pages).
        using (var services = Services(db, StaffRoles.Admin))
        {
            var versions = await services.GetRequiredService<DesignHistoryService>().VersionsAsync(services.GetRequiredService<ResourceCatalog>().For<Item>(), id, ct);
            Assert.All(versions, v => Assert.Equal("Alice Maker (alice@tests.local)", v.Staff));
        }
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Seeded_row_has_its_original_version_first_and_can_go_back_to_it(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var seeded = NewItem("ring_copper", value: 100);
        await SeedAsync(db, seeded); // no staff: not audited
        using var services = Services(db);
        var store = services.GetRequiredService<ResourceStore>();
        var history = services.GetRequiredService<DesignHistoryService>();
        var items = services.GetRequiredService<ResourceCatalog>().For<Item>();
        var ct = TestContext.Current.CancellationToken;

        seeded.Value = 5000;
        var saved = (Item)(await store.SaveAsync(items, seeded, false, seeded.Version, ct: ct)).Entity!;
        var versions = await history.VersionsAsync(items, seeded.Id, ct);
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal("value", Assert.Single(DesignHistoryService.Diff(versions[0].Snapshot, versions[1].Snapshot)).Column);
        Assert.Equal(SaveOutcome.Saved, (await history.RestoreAsync(items, seeded.Id, versions[0], saved.Version, ct)).Outcome);
        await using var context = db.CreateContext();
        var stored = await context.Items.AsNoTracking().SingleAsync(ct);
        Assert.Equal((100, 3), (stored.Value, stored.Version));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Second_designer_saving_the_same_version_gets_a_conflict_with_both_values(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var item = NewItem("bow_yew");
        await SeedAsync(db, item);
        using var services = Services(db);
        var store = services.GetRequiredService<ResourceStore>();
        var items = services.GetRequiredService<ResourceCatalog>().For<Item>();
        var ct = TestContext.Current.CancellationToken;

        var mine = (Item)(await store.LoadAsync(items, item.Id, ct))!;
        var theirs = (Item)(await store.LoadAsync(items, item.Id, ct))!;
        theirs.Value = 50;
        Assert.Equal(SaveOutcome.Saved, (await store.SaveAsync(items, theirs, false, theirs.Version, ct: ct)).Outcome);
        mine.Value = 70;
        var conflict = await store.SaveAsync(items, mine, false, mine.Version, ct: ct);
        Assert.Equal(SaveOutcome.Conflict, conflict.Outcome);
        Assert.Equal(50, conflict.DatabaseValues![nameof(Item.Value)]);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Clone_copies_under_a_free_key_inactive(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var item = NewItem("axe");
        await SeedAsync(db, item, NewItem("axe_copy"));
        using var services = Services(db);
        var items = services.GetRequiredService<ResourceCatalog>().For<Item>();
        var result = await services.GetRequiredService<DesignDefinitionService>().CloneAsync(items, item.Id, TestContext.Current.CancellationToken);
        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        var clone = (Item)result.Entity!;
        Assert.Equal("axe_copy2", clone.ItemId);
        Assert.Equal("axe (copy)", clone.Name);
        Assert.False(clone.IsActive);
        Assert.Equal(1, clone.Version);
        Assert.Equal(item.Effects.Count, clone.Effects.Count);
    }
}
