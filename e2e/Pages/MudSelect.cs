using System.Text.RegularExpressions;
using GameOps.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Pages;

/// <summary>MudSelect: the combobox opens a popover (rendered by the popover provider) whose options have role=option.</summary>
public static class MudSelect
{
    public static async Task ChooseAsync(IPage page, ILocator combobox, string option)
    {
        var exact = new Regex($"^\\s*{Regex.Escape(option)}\\s*$");
        var openOptions = page.Locator(".mud-popover-open [role=option]");
        var item = openOptions.Filter(new() { HasTextRegex = exact });
        // The select toggles on pointerdown: a click while another list is open only closes that list (its overlay
        // takes the click), and a click before the circuit is live is ignored. Wait for a closed, live select.
        await page.WaitUntilActionableAsync(combobox);
        await Expect(openOptions).ToHaveCountAsync(0, new() { Timeout = Blazor.RoundTripMs });
        await combobox.ClickAsync();
        await Expect(item).ToBeVisibleAsync(new() { Timeout = Blazor.RoundTripMs });
        // On opening, the list scrolls its selected option into view and renders again: click once it stands still.
        await page.WaitForRenderQuietAsync();
        await item.ClickAsync();
        await Expect(openOptions).ToHaveCountAsync(0, new() { Timeout = Blazor.RoundTripMs });
        await Expect(combobox).ToHaveTextAsync(exact, new() { Timeout = Blazor.RoundTripMs });
    }
}
