using GameOps.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Pages;

/// <summary>/liveops/calendar: month or week grid of events and world events.</summary>
public sealed class LiveOpsCalendarPage(IPage page) : ShellPage(page)
{
    public ILocator Grid => Page.Locator("[data-testid=calendar-grid]");
    public ILocator CalendarTitle => Page.Locator("[data-testid=calendar-title]");
    public ILocator Items => Page.Locator("[data-testid=calendar-item]");

    /// <summary>The cell of one day (yyyy-MM-dd).</summary>
    public ILocator Day(DateTime date) => Page.Locator($"[data-testid=calendar-day][data-date='{date:yyyy-MM-dd}']");

    public ILocator ItemOn(DateTime date, string title) => Day(date).Locator("[data-testid=calendar-item]", new() { HasText = title });

    /// <summary>Finds an item on a day as a person does: in the month cell, or behind the cell's "+N more" (which opens that
    /// week, where every item shows) when the day holds more than the cell lists. Returns the visible item.</summary>
    public async Task<ILocator> RevealItemOnAsync(DateTime date, string title)
    {
        var item = ItemOn(date, title).First;
        var more = Day(date).Locator("[data-testid=calendar-more]");
        // First of the pair: a full cell shows the item and its "+N more" link both, which alone would be a strict-mode violation.
        await Expect(item.Or(more).First).ToBeVisibleAsync();
        if (await item.IsVisibleAsync()) return item;
        await more.ClickAsync();
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("view=week"));
        await Expect(item).ToBeVisibleAsync();
        return item;
    }

    public static async Task<LiveOpsCalendarPage> OpenAsync(IPage page, DateTime date, string view = "month")
    {
        var calendar = new LiveOpsCalendarPage(page);
        await calendar.GotoAsync($"/liveops/calendar?view={view}&date={date:yyyy-MM-dd}");
        await Expect(calendar.Grid).ToBeVisibleAsync();
        return calendar;
    }
}
