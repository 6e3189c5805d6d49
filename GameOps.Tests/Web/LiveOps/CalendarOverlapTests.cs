using GameOps.Web.Services.LiveOps;

namespace GameOps.Tests.Web.LiveOps;

/// <summary>Overlap detection on the calendar: same category only, touching ends do not count, runs of one event never clash with each other.</summary>
public sealed class CalendarOverlapTests
{
    static readonly DateTime T0 = new(2026, 12, 5, 17, 0, 0, DateTimeKind.Utc);

    static CalendarItem Item(string title, string category, double startHours, double hours, Guid? source = null) =>
        new($"{title}:{startHours}", source ?? Guid.NewGuid(), title, category, "scheduled", T0.AddHours(startHours), T0.AddHours(startHours + hours), false, false);

    [Fact]
    public void Same_category_items_that_overlap_are_flagged_both_ways()
    {
        var siege = Item("Siege", "pvp", 0, 3);
        var arena = Item("Arena Cup", "pvp", 2, 2);
        var raid = Item("Raid", "pve", 1, 3);
        var late = Item("Late duel", "pvp", 3, 1); // starts when the siege ends: not an overlap with it, but with the cup
        LiveOpsCalendar.FlagOverlaps([siege, arena, raid, late]);
        Assert.Equal(["Arena Cup"], siege.OverlapsWith);
        Assert.Equal(["Siege", "Late duel"], arena.OverlapsWith);
        Assert.Equal(["Arena Cup"], late.OverlapsWith);
        Assert.Empty(raid.OverlapsWith);
    }

    [Fact]
    public void Runs_of_the_same_event_and_different_categories_never_count()
    {
        var id = Guid.NewGuid();
        var festival = Item("Festival", "festival", 0, 24 * 7, id);
        var fireworks = Item("Festival", "festival", 4, 1, id);
        var worldBoss = Item("Boss", LiveOpsCalendar.WorldCategory, 0, 24 * 7);
        LiveOpsCalendar.FlagOverlaps([festival, fireworks, worldBoss]);
        Assert.All(new[] { festival, fireworks, worldBoss }, i => Assert.Empty(i.OverlapsWith));
    }

    [Fact]
    public void Recurring_runs_of_two_events_are_checked_run_by_run()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var items = new List<CalendarItem>();
        for (var week = 0; week < 4; week++)
        {
            items.Add(Item("Weekly siege", "pvp", week * 24 * 7, 3, a));
            if (week == 2) items.Add(Item("One-off cup", "pvp", week * 24 * 7 + 1, 2, b));
        }
        LiveOpsCalendar.FlagOverlaps(items);
        Assert.Equal(2, items.Count(i => i.OverlapsWith.Count > 0));
        Assert.Equal(T0.AddDays(14), items.Single(i => i.Title == "Weekly siege" && i.OverlapsWith.Count > 0).StartUtc);
    }
}
