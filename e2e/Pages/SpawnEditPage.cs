using GameOps.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Pages;

/// <summary>A spawn point's detail page (/world/spawns/{id}): the shared edit shell plus the typed position editor.</summary>
public sealed class SpawnEditPage(IPage page) : ShellPage(page)
{
    public ResourceEditPage Shell { get; } = new(page);
    public ILocator Position => Page.Locator("[data-testid=spawn-position]");
    public ILocator X => Position.Locator("input[data-testid=point-x]");
    public ILocator Y => Position.Locator("input[data-testid=point-y]");
    public ILocator Map => Page.Locator("[data-testid=zone-map-panel]");

    public static async Task<SpawnEditPage> OpenAsync(IPage page, Guid id)
    {
        var edit = new SpawnEditPage(page);
        await edit.GotoAsync($"/world/spawns/{id}");
        await Expect(edit.X).ToBeVisibleAsync();
        return edit;
    }

    /// <summary>Types the new position (re-typing what a re-render swallowed) and saves.</summary>
    public async Task MoveToAsync(double x, double y)
    {
        await FillNumberAsync(X, x);
        await FillNumberAsync(Y, y);
        await Shell.SaveAsync();
    }

    Task FillNumberAsync(ILocator input, double value) =>
        Inputs.FillAsync(Page, input, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
