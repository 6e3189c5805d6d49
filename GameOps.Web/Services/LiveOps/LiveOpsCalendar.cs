using GameOps.Data;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Services.LiveOps;

/// <summary>One box on the calendar: an event's window or one run of a recurring schedule, or a world event.</summary>
/// <param name="Category">The key items are grouped and coloured by (the event's category, else its type).</param>
/// <param name="CategoryLabel">What the calendar shows for it: the managed entry's label (null: the key).</param>
public sealed record CalendarItem(string Key, Guid SourceId, string Title, string Category, string Status, DateTime StartUtc, DateTime EndUtc, bool IsWorldEvent, bool IsRecurring,
    string? CategoryLabel = null)
{
    public string CategoryName => CategoryLabel ?? Category;

    /// <summary>Other items of the same category that overlap this one (filled by <see cref="LiveOpsCalendar.FlagOverlaps"/>).</summary>
    public List<string> OverlapsWith { get; } = [];
    public string Link => IsWorldEvent ? $"/data/world_events/{SourceId}" : $"/liveops/events/{SourceId}";
}

/// <summary>The calendar's data: events expanded from their schedules, world events, and same-category overlaps.</summary>
public sealed class LiveOpsCalendar(IDbContextFactory<GameOpsDbContext> contexts, CurrentStaff currentStaff)
{
    public const string WorldCategory = "world";

    public async Task<List<CalendarItem>> LoadAsync(DateTime fromUtc, DateTime toUtc, bool includeDrafts = true, bool includeCancelled = false, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.LiveOpsRead);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var events = await db.Events.AsNoTracking()
            .Where(e => (includeDrafts || e.Status != "draft") && (includeCancelled || e.Status != "cancelled"))
            .Where(e => db.EventSchedules.Any(s => s.EventId == e.Id && (s.ScheduleType == ScheduleDraft.Recurring
                    ? (s.WindowStart == null || s.WindowStart < toUtc) && (s.WindowEnd == null || s.WindowEnd > fromUtc)
                    : s.WindowStart < toUtc && s.WindowEnd > fromUtc))
                || (e.StartTime < toUtc && (e.EndTime ?? e.StartTime) >= fromUtc))
            .Select(e => new { e.Id, e.Name, e.Category, e.EventType, e.Status, e.StartTime, e.EndTime })
            .ToListAsync(ct);
        var kinds = await GameOps.Web.Resources.Workspaces.LiveOpsResources.EventKindOptionsAsync(db, ct);
        var ids = events.Select(e => e.Id).ToList();
        var schedules = (await db.EventSchedules.AsNoTracking().Where(s => ids.Contains(s.EventId)).ToListAsync(ct)).ToLookup(s => s.EventId);
        var items = new List<CalendarItem>();
        foreach (var e in events)
        {
            var category = string.IsNullOrWhiteSpace(e.Category) ? e.EventType : e.Category;
            var label = EventKindLabels.Of(kinds, string.IsNullOrWhiteSpace(e.Category) ? GameOps.Data.Entities.EventKind.TypeKind : GameOps.Data.Entities.EventKind.CategoryKind, category);
            var own = schedules[e.Id].ToList();
            // Cancelled events keep their (now inactive) schedules: show what was planned.
            var usable = own.Where(s => s.IsActive || e.Status is "cancelled" or "ended" or "draft").ToList();
            if (usable.Count == 0)
            {
                if (e.StartTime is { } start && start < toUtc && (e.EndTime ?? start) >= fromUtc)
                    items.Add(new CalendarItem($"{e.Id}:{start.Ticks}", e.Id, e.Name, category, e.Status, start, e.EndTime ?? start.AddHours(1), false, false, label));
                continue;
            }
            foreach (var s in usable)
            {
                var recurring = s.ScheduleType == ScheduleDraft.Recurring;
                // An open-ended rule starts with its event: a clone scheduled "weekly" does not reach back into the past.
                var draft = EventScheduling.DraftOf(s, e.StartTime, e.EndTime);
                draft.IsActive = true;
                // A recurring run that started before the range may still be running in it.
                var from = recurring ? fromUtc.AddMinutes(-(s.DurationMinutes ?? 0)) : fromUtc;
                foreach (var o in EventScheduling.Occurrences(draft, from, toUtc))
                    if (o.EndUtc > fromUtc)
                        items.Add(new CalendarItem($"{e.Id}:{s.Id}:{o.StartUtc.Ticks}", e.Id, e.Name, category, e.Status, o.StartUtc, o.EndUtc, false, recurring, label));
            }
        }
        var world = await db.WorldEvents.AsNoTracking()
            .Where(w => w.StartTime < toUtc && (w.EndTime ?? w.StartTime) >= fromUtc && (includeCancelled || w.Status != "cancelled"))
            .Select(w => new { w.Id, w.Title, w.Status, w.StartTime, w.EndTime, w.Duration }).ToListAsync(ct);
        foreach (var w in world)
            items.Add(new CalendarItem($"w:{w.Id}", w.Id, w.Title, WorldCategory, w.Status, w.StartTime!.Value,
                w.EndTime ?? w.StartTime.Value.AddMinutes(w.Duration ?? 60), true, false, "World event"));
        FlagOverlaps(items);
        return items.OrderBy(i => i.StartUtc).ThenBy(i => i.Title, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Marks items of the same category whose times overlap (touching ends do not count), except runs of the same
    /// event. Sorted sweep per category: O(n log n + overlaps).
    /// </summary>
    public static void FlagOverlaps(IReadOnlyList<CalendarItem> items)
    {
        foreach (var group in items.GroupBy(i => i.Category))
        {
            var open = new List<CalendarItem>();
            foreach (var item in group.OrderBy(i => i.StartUtc))
            {
                open.RemoveAll(o => o.EndUtc <= item.StartUtc);
                foreach (var other in open.Where(o => o.SourceId != item.SourceId))
                {
                    if (!item.OverlapsWith.Contains(other.Title)) item.OverlapsWith.Add(other.Title);
                    if (!other.OverlapsWith.Contains(item.Title)) other.OverlapsWith.Add(item.Title);
                }
                open.Add(item);
            }
        }
    }
}
