using GameOps.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Pages;

/// <summary>Typing into MudBlazor inputs whose value commits on change (text, numeric and autocomplete fields).</summary>
public static class Inputs
{
    /// <summary>The input of a MudBlazor field, whether its data-testid landed on the input or on a wrapper.</summary>
    public static ILocator Of(ILocator scope, string testId) =>
        scope.Locator($"input[data-testid='{testId}'], [data-testid='{testId}'] input").First;

    /// <summary>
    /// Replaces the value and leaves the field, so change-bound inputs commit. Typing that a re-render swallowed
    /// (the input was replaced while being filled) is typed again, twice at most.
    /// </summary>
    public static async Task FillAsync(IPage page, ILocator field, string value)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await page.WaitForRenderQuietAsync(maxMs: 3000);
            await field.FillAsync(value);
            await field.PressAsync("Tab");
            if (await page.WaitUntilAsync(async () => await field.InputValueAsync() == value, 3000)) break;
            RetryLog.Record($"type '{value}' again");
        }
        await Expect(field).ToHaveValueAsync(value);
    }

    /// <summary>
    /// MudAutocomplete: types <paramref name="search"/>, clicks the option whose text contains it and waits until the field shows
    /// that option: the key itself, or the option's label (e.g. "Antidote (con_antidote)" for "con_antidote"), by picker.
    /// </summary>
    public static async Task PickAsync(IPage page, ILocator input, string search)
    {
        var option = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = search }).First;
        await page.RetryUntilAsync(async () =>
            {
                await page.WaitForRenderQuietAsync(maxMs: 3000);
                await input.FillAsync(search);
            },
            () => option.IsVisibleAsync(), $"show the option '{search}'");
        // The option's first line is its label; a second line may say which field matched ("item id: con_antidote").
        var label = (await option.InnerTextAsync()).Trim().Split('\n')[0].Trim();
        await option.ClickAsync();
        await Expect(input).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(
            $"^(?:{System.Text.RegularExpressions.Regex.Escape(search)}|{System.Text.RegularExpressions.Regex.Escape(label)})$"));
        await page.WaitForRenderQuietAsync(maxMs: 3000);
    }
}
