using GameOps.Data.Entities;
using GameOps.Web.Security;
using GameOps.Web.Services.LiveOps;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace GameOps.Web.Resources.Workspaces;

/// <summary>Live ops: live-ops staff write events, schedules, rewards and notifications; others read.</summary>
public sealed class LiveOpsResources : IResourceConfiguration
{
    public static readonly string[] EventStatuses = ["draft", "scheduled", "active", "ended", "cancelled"];

    public void Configure(ResourceCatalog catalog)
    {
        catalog.For<GameEvent>().InWorkspace("Live Ops", "/liveops/events", Icons.Material.Filled.Celebration, "Events", "Event")
            .ListPage<Components.Pages.LiveOps.EventsList>()
            .Permissions(Permission.LiveOpsRead, Permission.LiveOpsWrite)
            .Columns(e => e.EventId, e => e.Name, e => e.EventType, e => e.Category, e => e.Status, e => e.StartTime, e => e.EndTime, e => e.CurrentParticipants)
            .Options(e => e.Status, EventStatuses)
            .FilterBy(e => e.Status, e => e.EventType, e => e.Category, e => e.StartTime)
            .Search(e => e.EventId, e => e.Name).SearchAnyPart(e => e.EventId, e => e.Name).SortBy(e => e.StartTime, descending: true)
            .Range(e => e.MaxParticipants, 0, null).Range(e => e.Duration, 0, null)
            .Validate(e => e.StartTime is { } s && e.EndTime is { } f && f <= s ? [new ValidationIssue(nameof(e.EndTime), "The end must be after the start.")] : [])
            // One read of the stored row serves both rules: a closed event is frozen, and its type and category keep their stored values.
            .ValidateWithDatabase(async (db, e, ct) =>
            {
                var stored = await db.Events.AsNoTracking().Where(x => x.Id == e.Id).Select(x => new { x.Status, x.EventType, x.Category }).FirstOrDefaultAsync(ct);
                var issues = new List<ValidationIssue>();
                if (stored?.Status is "ended" or "cancelled")
                    issues.Add(new ValidationIssue(null, $"This event is {stored.Status}: it can no longer be edited (clone it to run it again)."));
                var input = new EventKindInput(e.EventType, e.Category, stored?.EventType, stored?.Category, await EventKindOptionsAsync(db, ct));
                issues.AddRange(LiveOpsRules.EventKinds.All.Select(rule => (rule.Field, Message: rule.Check(input, DateTime.UtcNow)))
                    .Where(broken => broken.Message is not null).Select(broken => new ValidationIssue(broken.Field, broken.Message!)));
                return issues;
            })
            .Initialize(e => { e.Status = "draft"; e.Settings = "{}"; });
        // The managed lists behind events.event_type and events.category: live-ops staff (and Admins) keep them.
        catalog.For<EventKind>().InWorkspace("Live Ops", "/liveops/event-kinds", Icons.Material.Filled.Category, "Event types & categories", "Event type or category")
            .Permissions(Permission.LiveOpsRead, Permission.LiveOpsWrite)
            .Display(k => k.Label)
            .Columns(k => k.Kind, k => k.Key, k => k.Label, k => k.IsActive, k => k.SortOrder, k => k.Version, k => k.UpdatedAt)
            .Options(k => k.Kind, EventKind.TypeKind, EventKind.CategoryKind)
            .FilterBy(k => k.Kind, k => k.IsActive)
            .Search(k => k.Key, k => k.Label).SortBy(k => k.SortOrder)
            .Help(k => k.Kind, "type: offered for the event's type; category: for its category.")
            .Help(k => k.Key, "What events store (e.g. guild_war). It cannot change while events use it.")
            .Help(k => k.IsActive, "Retired entries stay on the events that use them but cannot be chosen for new or changed events.")
            .Range(k => k.SortOrder, 0, null)
            .Validate(k => k.Key.Trim() != k.Key || k.Key.Contains(' ') ? [new ValidationIssue(nameof(EventKind.Key), "The key has no spaces (e.g. guild_war).")] : [])
            .ValidateWithDatabase(async (db, k, ct) =>
            {
                var issues = new List<ValidationIssue>();
                if (await db.EventKinds.AsNoTracking().AnyAsync(x => x.Id != k.Id && x.Kind == k.Kind && x.Key == k.Key, ct))
                    issues.Add(new ValidationIssue(nameof(EventKind.Key), $"There is already an event {k.Kind} with the key \"{k.Key}\"."));
                var stored = await db.EventKinds.AsNoTracking().Where(x => x.Id == k.Id).Select(x => new { x.Kind, x.Key }).FirstOrDefaultAsync(ct);
                if (stored is not null && (stored.Kind != k.Kind || stored.Key != k.Key) && await EventsUsingAsync(db, stored.Kind, stored.Key, ct) is > 0 and var used)
                    issues.Add(new ValidationIssue(stored.Key != k.Key ? nameof(EventKind.Key) : nameof(EventKind.Kind),
                        $"{used:N0} event(s) use \"{stored.Key}\": it cannot change. Retire this entry and add a new one instead."));
                else if (!k.IsActive && await EventsUsingAsync(db, k.Kind, k.Key, ct) is > 0 and var keeping)
                    issues.Add(new ValidationIssue(nameof(EventKind.IsActive),
                        $"Retired: the {keeping:N0} event(s) that use it keep it (shown as retired); new and changed events cannot choose it.", IsWarning: true));
                return issues;
            })
            .ReferencedBy(async (db, k, ct) => [new ReferenceCount("events", k.Kind == EventKind.CategoryKind ? "category" : "event_type",
                await EventsUsingAsync(db, k.Kind, k.Key, ct), "/liveops/events")])
            .Initialize(k => { k.Kind = EventKind.TypeKind; k.IsActive = true; });
        catalog.For<Notification>().InWorkspace("Live Ops", "/liveops/notifications", Icons.Material.Filled.Campaign, "Notifications", "Notification")
            .Permissions(Permission.LiveOpsRead, Permission.LiveOpsWrite)
            .Columns(n => n.CreatedAt, n => n.Title, n => n.NotificationType, n => n.UserId, n => n.Status, n => n.Priority, n => n.SentAt, n => n.RetryCount)
            .Options(n => n.Status, "pending", "scheduled", "sent", "delivered", "failed", "cancelled")
            .FilterBy(n => n.Status, n => n.NotificationType, n => n.Priority, n => n.CreatedAt)
            .Search(n => n.Title, n => n.NotificationId).SortBy(n => n.CreatedAt, descending: true);
        // An event's schedules, reward tiers and participation: edited inside the event, undeclared otherwise.
        catalog.For<EventSchedule>().Permissions(Permission.LiveOpsRead, Permission.LiveOpsWrite);
        catalog.For<EventReward>().Permissions(Permission.LiveOpsRead, Permission.LiveOpsWrite);
        catalog.For<EventParticipation>().Permissions(Permission.LiveOpsRead, Permission.LiveOpsWrite);
    }

    /// <summary>The managed event types and categories, in their list order (active and retired).</summary>
    public static async Task<IReadOnlyList<EventKindOption>> EventKindOptionsAsync(GameOps.Data.GameOpsDbContext db, CancellationToken ct) =>
        await db.EventKinds.AsNoTracking().OrderBy(k => k.Kind).ThenBy(k => k.SortOrder).ThenBy(k => k.Label)
            .Select(k => new EventKindOption(k.Kind, k.Key, k.Label, k.IsActive)).ToListAsync(ct);

    static Task<int> EventsUsingAsync(GameOps.Data.GameOpsDbContext db, string kind, string key, CancellationToken ct) =>
        kind == EventKind.CategoryKind ? db.Events.CountAsync(e => e.Category == key, ct) : db.Events.CountAsync(e => e.EventType == key, ct);
}
