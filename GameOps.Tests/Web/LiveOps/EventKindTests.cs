using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using GameOps.Web.Services.LiveOps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.LiveOps;

/// <summary>
/// Issue 16: an event's type and category come from the managed lists (event_kinds). The save path every writer uses (the
/// editor and POST /api/v1/events both go through the resource store) refuses an unknown or retired value at its field, keeps
/// a value the event already had, and a used entry cannot be deleted or re-keyed (retiring it is allowed, with a warning).
/// </summary>
public sealed class EventKindTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static EventKind Kind(string kind, string key, string label, bool active = true) => new()
    {
        Id = Guid.NewGuid(), Kind = kind, Key = key, Label = label, IsActive = active, Version = 1, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
    };

    /// <summary>Types community (active) and masquerade (retired); categories pvp (active) and legacy (retired).</summary>
    static async Task<Dictionary<string, EventKind>> ArrangeKindsAsync(TestDatabase database)
    {
        var kinds = new[]
        {
            Kind(EventKind.TypeKind, "community", "Community event"), Kind(EventKind.TypeKind, "masquerade", "Masquerade", active: false),
            Kind(EventKind.CategoryKind, "pvp", "PvP"), Kind(EventKind.CategoryKind, "legacy", "Legacy", active: false),
        }.ToDictionary(k => k.Key);
        await using var db = database.CreateContext();
        db.EventKinds.AddRange(kinds.Values);
        await db.SaveChangesAsync(Ct);
        return kinds;
    }

    static async Task<SaveResult> SaveNewAsync(LiveOpsSession session, GameEvent ev)
    {
        var store = session.Scope.ServiceProvider.GetRequiredService<ResourceStore>();
        var resource = session.Scope.ServiceProvider.GetRequiredService<ResourceCatalog>().For<GameEvent>();
        return await store.SaveAsync(resource, ev, isNew: true, originalToken: null, ct: Ct);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_new_event_with_an_unknown_or_retired_type_or_category_is_refused_at_the_field_and_not_saved(DatabaseProvider provider)
    {
        await using var session = await LiveOpsSession.StartAsync(provider);
        await ArrangeKindsAsync(session.Database);
        var cases = new (string Type, string? Category, string Field, string Message)[]
        {
            ("raffle", "pvp", nameof(GameEvent.EventType), "\"raffle\" is not an event type: choose one from the list (managed under Live Ops › Event types & categories)."),
            ("masquerade", "pvp", nameof(GameEvent.EventType), "The event type \"Masquerade\" is retired: choose an active one."),
            ("community", "nonsense", nameof(GameEvent.Category), "\"nonsense\" is not an event category: choose one from the list (managed under Live Ops › Event types & categories)."),
            ("community", "legacy", nameof(GameEvent.Category), "The event category \"Legacy\" is retired: choose an active one."),
        };
        foreach (var (type, category, field, message) in cases)
        {
            var ev = LiveOpsArrange.NewEvent("evt_kind_" + Guid.NewGuid().ToString("N")[..8], EventLifecycle.Draft, DateTime.UtcNow.AddDays(2), category!);
            ev.EventType = type;
            var result = await SaveNewAsync(session, ev);
            Assert.Equal(SaveOutcome.Invalid, result.Outcome);
            var issue = Assert.Single(result.Issues, i => !i.IsWarning);
            Assert.Equal(field, issue.Field);
            Assert.Equal(message, issue.Message);
        }
        await using var check = session.Database.CreateContext();
        Assert.Equal(0, await check.Events.CountAsync(Ct));

        var good = LiveOpsArrange.NewEvent("evt_kind_ok", EventLifecycle.Draft, DateTime.UtcNow.AddDays(2));
        Assert.Equal(SaveOutcome.Saved, (await SaveNewAsync(session, good)).Outcome);
        var noCategory = LiveOpsArrange.NewEvent("evt_kind_nocat", EventLifecycle.Draft, DateTime.UtcNow.AddDays(2));
        noCategory.Category = null;
        Assert.Equal(SaveOutcome.Saved, (await SaveNewAsync(session, noCategory)).Outcome);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task An_event_keeps_a_value_that_was_retired_after_it_was_chosen_but_cannot_move_to_another_retired_one(DatabaseProvider provider)
    {
        await using var session = await LiveOpsSession.StartAsync(provider);
        await ArrangeKindsAsync(session.Database);
        var ev = LiveOpsArrange.NewEvent("evt_kind_old", EventLifecycle.Draft, DateTime.UtcNow.AddDays(2), "legacy");
        ev.EventType = "masquerade";
        await using (var db = session.Database.CreateContext())
        {
            db.Events.Add(ev);
            await db.SaveChangesAsync(Ct);
        }
        var store = session.Scope.ServiceProvider.GetRequiredService<ResourceStore>();
        var resource = session.Scope.ServiceProvider.GetRequiredService<ResourceCatalog>().For<GameEvent>();

        var loaded = (GameEvent)(await store.LoadAsync(resource, ev.Id, Ct))!;
        loaded.Name = "Renamed, kinds untouched";
        var kept = await store.SaveAsync(resource, loaded, isNew: false, originalToken: loaded.UpdatedAt, ct: Ct);
        Assert.Equal(SaveOutcome.Saved, kept.Outcome);

        var moved = (GameEvent)(await store.LoadAsync(resource, ev.Id, Ct))!;
        moved.Category = "pvp";
        Assert.Equal(SaveOutcome.Saved, (await store.SaveAsync(resource, moved, isNew: false, originalToken: moved.UpdatedAt, ct: Ct)).Outcome);
        var back = (GameEvent)(await store.LoadAsync(resource, ev.Id, Ct))!;
        back.Category = "legacy";
        var refused = await store.SaveAsync(resource, back, isNew: false, originalToken: back.UpdatedAt, ct: Ct);
        Assert.Equal(SaveOutcome.Invalid, refused.Outcome);
        Assert.Equal(nameof(GameEvent.Category), Assert.Single(refused.Issues).Field);

        await using var check = session.Database.CreateContext();
        var stored = await check.Events.AsNoTracking().SingleAsync(e => e.Id == ev.Id, Ct);
        Assert.Equal(("masquerade", "pvp", "Renamed, kinds untouched"), (stored.EventType, stored.Category, stored.Name));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_used_entry_cannot_be_deleted_or_rekeyed_and_retiring_it_warns_that_its_events_keep_it(DatabaseProvider provider)
    {
        await using var session = await LiveOpsSession.StartAsync(provider);
        var kinds = await ArrangeKindsAsync(session.Database);
        await using (var db = session.Database.CreateContext())
        {
            db.Events.AddRange(LiveOpsArrange.NewEvent("evt_a", EventLifecycle.Draft, DateTime.UtcNow.AddDays(2)),
                LiveOpsArrange.NewEvent("evt_b", EventLifecycle.Draft, DateTime.UtcNow.AddDays(3)));
            await db.SaveChangesAsync(Ct);
        }
        var store = session.Scope.ServiceProvider.GetRequiredService<ResourceStore>();
        var resource = session.Scope.ServiceProvider.GetRequiredService<ResourceCatalog>().For<EventKind>();
        var community = kinds["community"];

        var delete = await store.DeleteAsync(resource, community.Id, Ct);
        Assert.NotEqual(SaveOutcome.Saved, delete.Outcome);
        Assert.Equal("Still used by 2 events. Deactivate it instead.", Assert.Single(delete.Issues).Message);
        Assert.Contains(await store.ReferencesAsync(resource, community.Id, Ct), r => r is { Table: "events", Column: "event_type", Count: 2 });

        var rekey = (EventKind)(await store.LoadAsync(resource, community.Id, Ct))!;
        rekey.Key = "community_night";
        var refused = await store.SaveAsync(resource, rekey, isNew: false, originalToken: rekey.Version, ct: Ct);
        Assert.Equal(SaveOutcome.Invalid, refused.Outcome);
        Assert.Equal((nameof(EventKind.Key), "2 event(s) use \"community\": it cannot change. Retire this entry and add a new one instead."),
            (refused.Issues[0].Field, refused.Issues[0].Message));

        var retire = (EventKind)(await store.LoadAsync(resource, community.Id, Ct))!;
        retire.IsActive = false;
        var retired = await store.SaveAsync(resource, retire, isNew: false, originalToken: retire.Version, ct: Ct);
        Assert.Equal(SaveOutcome.Saved, retired.Outcome);
        Assert.Contains(retired.Issues, i => i.IsWarning && i.Message.StartsWith("Retired: the 2 event(s) that use it keep it", StringComparison.Ordinal));

        // An unused entry goes; a duplicate key is refused at the key.
        Assert.Equal(SaveOutcome.Saved, (await store.DeleteAsync(resource, kinds["masquerade"].Id, Ct)).Outcome);
        var duplicate = Kind(EventKind.CategoryKind, "pvp", "PvP again");
        var dup = await store.SaveAsync(resource, duplicate, isNew: true, originalToken: null, ct: Ct);
        Assert.Equal(SaveOutcome.Invalid, dup.Outcome);
        Assert.Equal(nameof(EventKind.Key), dup.Issues[0].Field);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Roles_without_live_ops_write_cannot_change_the_lists(DatabaseProvider provider)
    {
        await using var session = await LiveOpsSession.StartAsync(provider, StaffRoles.Manager);
        var store = session.Scope.ServiceProvider.GetRequiredService<ResourceStore>();
        var resource = session.Scope.ServiceProvider.GetRequiredService<ResourceCatalog>().For<EventKind>();
        await Assert.ThrowsAsync<PermissionDeniedException>(() => store.SaveAsync(resource, Kind(EventKind.TypeKind, "sneaky", "Sneaky"), isNew: true, originalToken: null, ct: Ct));
        Assert.Empty(await session.Events.EventKindsAsync(Ct)); // reading is allowed (the editor's lists)
    }
}
