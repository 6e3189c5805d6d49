using GameOps.Data.Entities;
using GameOps.Web.Security;
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
            .ValidateWithDatabase(async (db, e, ct) =>
                await db.Events.Where(x => x.Id == e.Id).Select(x => x.Status).FirstOrDefaultAsync(ct) is { } stored && stored is "ended" or "cancelled"
                    ? [new ValidationIssue(null, $"This event is {stored}: it can no longer be edited (clone it to run it again).")]
                    : [])
            .Initialize(e => { e.Status = "draft"; e.Settings = "{}"; });
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
}
