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
        for (var attempt = 1; ; attempt++)
        {
            await page.WaitForRenderQuietAsync(maxMs: 3000);
            await page.RetryUntilAsync(() => combobox.ClickAsync(), () => item.IsVisibleAsync(), $"open the select to choose '{option}'",
                pending: async () => await combobox.GetAttributeAsync("aria-expanded") == "true");
            // On opening, the list scrolls its selected option into view; the click waits until the option stands still.
            await page.WaitForRenderQuietAsync(maxMs: 3000);
            await item.ClickAsync();
            try
            {
                await Expect(openOptions).ToHaveCountAsync(0, new() { Timeout = 5000 });
                await Expect(combobox).ToHaveTextAsync(exact, new() { Timeout = 5000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                RetryLog.Record($"choose '{option}' again");
            }
        }
    }
}
