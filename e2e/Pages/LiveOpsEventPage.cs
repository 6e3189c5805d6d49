using System.Text.RegularExpressions;
using GameOps.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Pages;

/// <summary>/liveops/events/{id}: the event's definition, lifecycle buttons, reward tiers, schedules (with their editor) and participation.</summary>
public sealed class LiveOpsEventPage(IPage page) : ShellPage(page)
{
    public ILocator Title => Page.Locator("[data-testid=edit-title]");
    public ILocator Status => Page.Locator("[data-testid=event-status]");
    public ILocator Rewards => Page.Locator("[data-testid=event-rewards]");
    public ILocator Schedules => Page.Locator("[data-testid=event-schedules]");
    public ILocator ScheduleRows => Page.Locator("[data-testid=schedule-row]");
    public ILocator Preview => Page.Locator("[data-testid=schedule-preview]");
    public ILocator Occurrences => Page.Locator("[data-testid=schedule-occurrence]");
    public ILocator OccurrencesUtc => Page.Locator("[data-testid=schedule-occurrence-utc]");
    public ILocator Participation => Page.Locator("[data-testid=participation]");
    public ILocator EventType => Page.Locator("[data-testid=field-EventType]");
    public ILocator Category => Page.Locator("[data-testid=field-Category]");
    public ILocator Save => Page.Locator("[data-testid=save]");

    /// <summary>The typed start or end (field StartTime / EndTime), in the staff member's zone.</summary>
    public ILocator DateInput(string field) => Inputs.Of(Page.Locator("[data-testid=event-basics]"), $"field-{field}");

    /// <summary>The helper or error line under the typed start or end.</summary>
    public ILocator DateMessage(string field) =>
        Page.Locator("[data-testid=event-basics] .mud-input-control").Filter(new() { Has = Page.Locator($"input[data-testid='field-{field}']") }).Locator(".mud-input-helper-text");

    /// <summary>Opens the category list and picks the entry by its label; the select then shows that label (the key is what is stored).</summary>
    public async Task ChooseCategoryAsync(string label)
    {
        await Page.WaitForRenderQuietAsync(maxMs: 3000);
        await Category.ClickAsync();
        await Page.Locator(".mud-popover-open [role=option]").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(label)}\\s*$") }).ClickAsync();
        await Expect(Category).ToHaveValueAsync(label);
    }

    public Task TypeDateAsync(string field, string text) => Inputs.FillAsync(Page, DateInput(field), text);

    public ILocator Transition(string to) => Page.Locator($"[data-testid=transition-{to}]");

    public static async Task<LiveOpsEventPage> OpenAsync(IPage page, string path)
    {
        var detail = new LiveOpsEventPage(page);
        await detail.GotoAsync(path);
        await Expect(detail.Title).ToBeVisibleAsync();
        return detail;
    }

    public async Task AddScheduleAsync()
    {
        var add = Page.Locator("[data-testid=schedule-add]");
        await Page.WaitUntilActionableAsync(add);
        await add.ClickAsync();
        await Expect(Page.Locator("[data-testid=schedule-editor]")).ToBeVisibleAsync(new() { Timeout = Blazor.RoundTripMs });
    }

    /// <summary>Fills a schedule field (cron, zone, duration) and leaves it so it commits.</summary>
    public Task FillScheduleAsync(string field, string value) =>
        Inputs.FillAsync(Page, Page.Locator($"input[data-testid=schedule-{field}], [data-testid=schedule-{field}] input").First, value);

    /// <summary>Chooses the schedule's time zone from the list its field offers, as a person does: the list closes on the choice
    /// (typing and leaving the field let a late search answer open it again while the test went on).</summary>
    public Task ChooseScheduleZoneAsync(string zone) =>
        Inputs.PickAsync(Page, Page.Locator("input[data-testid=schedule-zone], [data-testid=schedule-zone] input").First, zone);

    /// <summary>Saves the schedule. The time-zone list may still be open (its search answers after the field was left), and a
    /// click while it is open only closes it: close it from its field first, then click once.</summary>
    public async Task SaveScheduleAsync()
    {
        var editor = Page.Locator("[data-testid=schedule-editor]");
        var save = Page.Locator("[data-testid=schedule-save]");
        var openLists = Page.Locator(".mud-popover-open").Filter(new() { Has = Page.Locator(".mud-list-item") });
        await Page.WaitUntilActionableAsync(save);
        // A late answer of the zone's search may still open its list: look only once the renders have stopped.
        await Page.WaitForRenderQuietAsync(quietMs: 1000);
        if (await openLists.CountAsync() > 0)
            await Page.Locator("input[data-testid=schedule-zone], [data-testid=schedule-zone] input").First.PressAsync("Escape");
        await Expect(openLists).ToHaveCountAsync(0, new() { Timeout = Blazor.RoundTripMs });
        await save.ClickAsync();
        // Either outcome ends the wait (an Expect cannot wait for one of two): the assertions below say which it was.
        await Page.WaitUntilAsync(async () => await editor.CountAsync() == 0 || await Page.Locator("[data-testid=schedule-error]").CountAsync() > 0,
            (int)Blazor.RoundTripMs);
        await Expect(Page.Locator("[data-testid=schedule-error]")).ToHaveCountAsync(0);
        await Expect(editor).ToHaveCountAsync(0);
    }

    public ILocator ConflictDialog => Page.Locator("[role=dialog]").Filter(new() { Has = Page.Locator("[data-testid=conflict-dialog], [data-testid=conflict-reload]") });

    /// <summary>Sets the first reward tier's quantity and saves the tiers.</summary>
    public async Task SaveFirstRewardQuantityAsync(string quantity)
    {
        await Inputs.FillAsync(Page, Inputs.Of(Rewards, "reward-quantity"), quantity);
        await Rewards.Locator("[data-testid=rewards-save]").ClickAsync();
    }

    public async Task WaitForLocationAsync(Regex pattern) => await Page.WaitForLocationAsync(pattern);
}
