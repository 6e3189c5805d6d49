using GameOps.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Pages;

/// <summary>
/// A design definition's page (/design/items/{id}, /design/quests/{id}…): the shared edit form plus the typed JSON
/// editors (effects, rewards, ingredients) and the "Where used" panel.
/// </summary>
public sealed class DesignDetailPage(IPage page) : ShellPage(page)
{
    public ResourceEditPage Form { get; } = new(page);

    public ILocator EffectRows => Page.Locator("[data-testid=effect-row]");
    public ILocator WhereUsed => Page.Locator("[data-testid=where-used]");
    public ILocator WhereUsedEntries => WhereUsed.Locator("[data-testid=where-used-entry]");

    public static async Task<DesignDetailPage> OpenAsync(IPage page, string path)
    {
        var detail = new DesignDetailPage(page);
        await detail.GotoAsync(path);
        await Expect(detail.Form.Title).ToBeVisibleAsync();
        // The where-used panel and the history load after the form: typing before they arrive races their renders.
        await Expect(detail.Main.Locator(".mud-progress-linear")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
        await page.WaitForRenderQuietAsync();
        return detail;
    }

    /// <summary>Adds an effect with the typed effects editor: type, target and amount.</summary>
    public async Task AddEffectAsync(string type, string target, decimal amount)
    {
        var before = await EffectRows.CountAsync();
        await Page.Locator("[data-testid=effect-add]").ClickAsync();
        await Expect(EffectRows).ToHaveCountAsync(before + 1);
        var row = EffectRows.Nth(before);
        await MudSelect.ChooseAsync(Page, row.Locator("[data-testid=effect-type]"), type);
        await Inputs.FillAsync(Page, Inputs.Of(row, "effect-target"), target);
        await Inputs.FillAsync(Page, Inputs.Of(row, "effect-amount"), amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Adds a row to an item-quantities editor (recipe ingredients "ingredients", quest and achievement reward items
    /// "reward-items"): the item picked from the catalogue by its key, and a quantity.
    /// </summary>
    public async Task AddItemQuantityAsync(string editor, string itemKey, int quantity)
    {
        var rows = Page.Locator($"[data-testid={editor}-row]");
        var before = await rows.CountAsync();
        await Page.Locator($"[data-testid={editor}-add]").ClickAsync();
        await Expect(rows).ToHaveCountAsync(before + 1);
        var row = rows.Nth(before);
        await Inputs.PickAsync(Page, Inputs.Of(row, $"{editor}-item"), itemKey);
        await Inputs.FillAsync(Page, Inputs.Of(row, $"{editor}-quantity"), quantity.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A typed item property input (weapon damage, armour…) of the properties editor.</summary>
    public ILocator Property(string name) => Inputs.Of(Page.Locator("[data-testid=properties-editor]"), $"prop-{name}");

    /// <summary>The message under a typed property input.</summary>
    public ILocator PropertyError(string name) =>
        Page.Locator($"[data-testid=properties-editor] .mud-input-control:has([data-testid='prop-{name}']) .mud-input-error, [data-testid=properties-editor] .mud-input-control:has(input[data-testid='prop-{name}']) .mud-input-error").First;

    public ILocator History => Page.Locator("[data-testid=history]");
    public ILocator HistoryDiff => Page.Locator("[data-testid=history-diff]");
    public ILocator HistoryDiffRows => HistoryDiff.Locator("[data-testid=history-diff-row]");

    /// <summary>Expands the history panel and waits for its diff table.</summary>
    public async Task OpenHistoryAsync()
    {
        await Page.Locator(".mud-expand-panel-header", new() { HasText = "History (" }).ClickAsync();
        await Expect(HistoryDiff).ToBeVisibleAsync();
    }

    /// <summary>The "Where used" entry naming <paramref name="key"/> under the group <paramref name="relation"/>.</summary>
    public ILocator WhereUsedEntry(string key) => WhereUsedEntries.Filter(new() { HasText = key });
}
