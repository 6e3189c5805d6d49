using Bunit;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Components.Shared;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using GameOps.Web.Services.LiveOps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace GameOps.Tests.Web.LiveOps;

/// <summary>
/// Issue 16: retiring event types and categories in bulk from the list goes through the rule a single retirement runs (the
/// warning that their events keep them, a refusal for a row its rules refuse) and through the one destructive confirmation,
/// which says what happens to what.
/// </summary>
public sealed class EventKindBulkRetireTests
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    static EventKind Kind(string kind, string key, string label, bool active = true) => new()
    {
        Id = Guid.NewGuid(), Kind = kind, Key = key, Label = label, IsActive = active, Version = 1, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
    };

    /// <summary>Type community and category pvp, each used by the 3 events; type unused_kind used by none.</summary>
    static async Task<Dictionary<string, EventKind>> ArrangeAsync(TestDatabase database)
    {
        var kinds = new[] { Kind(EventKind.TypeKind, "community", "Community event"), Kind(EventKind.CategoryKind, "pvp", "PvP"), Kind(EventKind.TypeKind, "unused_kind", "Unused") }
            .ToDictionary(k => k.Key);
        await using var db = database.CreateContext();
        db.EventKinds.AddRange(kinds.Values);
        db.Events.AddRange(Enumerable.Range(1, 3).Select(i => LiveOpsArrange.NewEvent($"evt_bulk_{i}", EventLifecycle.Scheduled, DateTime.UtcNow.AddDays(i))));
        await db.SaveChangesAsync(Ct);
        return kinds;
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Bulk_retiring_used_kinds_warns_as_a_single_retirement_does(DatabaseProvider provider)
    {
        await using var session = await LiveOpsSession.StartAsync(provider);
        var kinds = await ArrangeAsync(session.Database);
        var store = session.Scope.ServiceProvider.GetRequiredService<ResourceStore>();
        var resource = session.Scope.ServiceProvider.GetRequiredService<ResourceCatalog>().For<EventKind>();
        object[] ids = [kinds["community"].Id, kinds["pvp"].Id, kinds["unused_kind"].Id];

        var preview = await store.CheckSetActiveAsync(resource, ids, active: false, Ct);
        Assert.Equal(SaveOutcome.Saved, preview.Outcome);
        await using (var unchanged = session.Database.CreateContext())
            Assert.Equal(3, await unchanged.EventKinds.CountAsync(k => k.IsActive, Ct)); // a check changes nothing

        var result = await store.SetActiveAsync(resource, ids, active: false, Ct);

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        Assert.Equal(2, result.Issues.Count);
        Assert.All(result.Issues, i => Assert.True(i.IsWarning));
        Assert.Contains(result.Issues, i => i.Message.StartsWith("Community event: Retired: the 3 event(s) that use it keep it", StringComparison.Ordinal));
        Assert.Contains(result.Issues, i => i.Message.StartsWith("PvP: Retired: the 3 event(s) that use it keep it", StringComparison.Ordinal));
        Assert.Equal(preview.Issues.Select(i => i.Message), result.Issues.Select(i => i.Message));
        await using var check = session.Database.CreateContext();
        Assert.Equal(0, await check.EventKinds.CountAsync(k => k.IsActive, Ct));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_row_its_rules_refuse_refuses_the_whole_bulk_change_and_a_role_without_write_is_refused(DatabaseProvider provider)
    {
        await using var session = await LiveOpsSession.StartAsync(provider);
        var kinds = await ArrangeAsync(session.Database);
        var spaced = Kind(EventKind.TypeKind, "old key", "Old key"); // written before the no-spaces rule: a save of it is refused
        await using (var db = session.Database.CreateContext())
        {
            db.EventKinds.Add(spaced);
            await db.SaveChangesAsync(Ct);
        }
        var store = session.Scope.ServiceProvider.GetRequiredService<ResourceStore>();
        var resource = session.Scope.ServiceProvider.GetRequiredService<ResourceCatalog>().For<EventKind>();

        var result = await store.SetActiveAsync(resource, [kinds["unused_kind"].Id, spaced.Id], active: false, Ct);

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Equal("Old key: The key has no spaces (e.g. guild_war). Nothing was changed.", Assert.Single(result.Issues).Message);
        await using (var check = session.Database.CreateContext())
            Assert.Equal(4, await check.EventKinds.CountAsync(k => k.IsActive, Ct));

        await using var manager = await LiveOpsSession.StartAsync(provider, StaffRoles.Manager);
        var managerStore = manager.Scope.ServiceProvider.GetRequiredService<ResourceStore>();
        await Assert.ThrowsAsync<PermissionDeniedException>(() => managerStore.CheckSetActiveAsync(resource, [Guid.NewGuid()], false, Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => managerStore.SetActiveAsync(resource, [Guid.NewGuid()], false, Ct));
    }

    [Fact]
    public async Task Bulk_deactivate_in_the_list_asks_the_destructive_confirmation_saying_what_uses_the_rows()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var kinds = await ArrangeAsync(db);
        await using var ctx = ComponentContexts.SignedIn(db, StaffRoles.LiveOps);
        var dialogs = ctx.Render<MudDialogProvider>();
        ctx.Render<MudPopoverProvider>();
        var resource = ctx.Services.GetRequiredService<ResourceCatalog>().For<EventKind>();
        var list = ctx.Render<ResourceList>(p => p.Add(x => x.Resource, resource));
        await list.WaitForAssertionAsync(() => Assert.Contains("Community event", list.Markup), Wait);

        var grid = list.FindComponent<MudDataGrid<ResourceRow>>();
        // Rows are the same row when their ids are equal: the two used entries, as the grid's checkboxes select them.
        var rows = new HashSet<ResourceRow> { new(kinds["community"].Id, []), new(kinds["pvp"].Id, []) };
        await grid.InvokeAsync(() => grid.Instance.SelectedItemsChanged.InvokeAsync(rows));
        await list.WaitForAssertionAsync(() => Assert.Contains("Deactivate 2", list.Find("[data-testid=bulk-deactivate]").TextContent), Wait);

        // The click's handler waits for the dialog's answer: hold its task, answer, then await it.
        var asking = list.Find("[data-testid=bulk-deactivate]").ClickAsync(new());

        await dialogs.WaitForAssertionAsync(() => Assert.NotEmpty(dialogs.FindAll("[data-testid=confirm-consequence]")), Wait);
        Assert.Equal("Deactivate 2 event types & categories?", dialogs.Find("[data-testid=confirm-title]").TextContent.Trim());
        Assert.Contains("Deactivate 2 event types & categories; 3 events (event type), 3 events (category) use them", dialogs.Find("[data-testid=confirm-consequence]").TextContent);
        Assert.Contains(dialogs.FindAll("[data-testid=confirm-detail]"), d => d.TextContent.StartsWith("PvP: Retired: the 3 event(s)", StringComparison.Ordinal));
        Assert.Empty(dialogs.FindAll("[data-testid=confirm-reason]"));

        await dialogs.Find("[data-testid=confirm-cancel]").ClickAsync(new());
        await asking.WaitAsync(Wait, Ct);
        await using (var check = db.CreateContext())
            Assert.Equal(3, await check.EventKinds.CountAsync(k => k.IsActive, Ct)); // backing out changes nothing

        var confirming = list.Find("[data-testid=bulk-deactivate]").ClickAsync(new());
        await dialogs.WaitForAssertionAsync(() => Assert.NotEmpty(dialogs.FindAll("[data-testid=confirm-ok]")), Wait);
        await dialogs.Find("[data-testid=confirm-ok]").ClickAsync(new());
        await confirming.WaitAsync(Wait, Ct);
        await list.WaitForAssertionAsync(() => Assert.Empty(dialogs.FindAll("[data-testid=confirm-ok]")), Wait);
        await list.WaitForAssertionAsync(() => Assert.Empty(list.FindAll("[data-testid=bulk-deactivate]")), Wait); // saved, selection cleared
        await using var after = db.CreateContext();
        Assert.Equal(["unused_kind"], await after.EventKinds.Where(k => k.IsActive).Select(k => k.Key).ToListAsync(Ct));
    }
}
