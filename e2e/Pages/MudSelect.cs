using System.Text.RegularExpressions;
using GameOps.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Pages;

/// <summary>MudSelect: the combobox opens a popover (rendered by the popover provider) whose options have role=option.</summary>
public static class MudSelect
{
    public static async Task ChooseAsync(IPage page, ILocator combobox, string option)
    {
        var item = page.Locator(".mud-popover-open [role=option]").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(option)}\\s*$") });
        await page.RetryUntilAsync(() => combobox.ClickAsync(), () => item.IsVisibleAsync(), $"open the select to choose '{option}'",
            pending: async () => await combobox.GetAttributeAsync("aria-expanded") == "true");
        await item.ClickAsync();
        await Expect(page.Locator(".mud-popover-open [role=option]")).ToHaveCountAsync(0);
        await Expect(combobox).ToHaveTextAsync(new Regex($"^\\s*{Regex.Escape(option)}\\s*$"));
    }
}
