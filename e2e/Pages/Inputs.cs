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
    /// Replaces the value and leaves the field, so change-bound inputs commit. Typing is lost when the circuit is not live
    /// yet or a render batch replaces the input while it is filled: wait for a live, quiet, editable field first.
    /// </summary>
    public static async Task FillAsync(IPage page, ILocator field, string value)
    {
        await page.WaitUntilActionableAsync(field);
        await Expect(field).ToBeEditableAsync(new() { Timeout = Blazor.RoundTripMs });
        await field.FillAsync(value);
        await field.PressAsync("Tab");
        await Expect(field).ToHaveValueAsync(value, new() { Timeout = Blazor.RoundTripMs });
    }

    /// <summary>
    /// MudAutocomplete: types <paramref name="search"/>, clicks the option whose text contains it and waits until the field shows
    /// that option: the key itself, or the option's label (e.g. "Antidote (con_antidote)" for "con_antidote"), by picker.
    /// </summary>
    public static async Task PickAsync(IPage page, ILocator input, string search)
    {
        var option = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = search }).First;
        await page.WaitUntilActionableAsync(input);
        await Expect(input).ToBeEditableAsync(new() { Timeout = Blazor.RoundTripMs });
        // Clicked first, as a person does: a list that does not open on focus opens on the click, and typing the text the field
        // already holds changes nothing, so the click is what opens it then.
        await input.ClickAsync();
        await input.FillAsync(search);
        await Expect(option).ToBeVisibleAsync(new() { Timeout = Blazor.RoundTripMs });
        // The list may render more than once while the search answers: pick the option once it stands still.
        await page.WaitForRenderQuietAsync();
        // The option's first line is its label; a second line may say which field matched ("item id: con_antidote").
        var label = (await option.InnerTextAsync()).Trim().Split('\n')[0].Trim();
        await option.ClickAsync();
        await Expect(input).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(
            $"^(?:{System.Text.RegularExpressions.Regex.Escape(search)}|{System.Text.RegularExpressions.Regex.Escape(label)})$"));
        await page.WaitForRenderQuietAsync(maxMs: 3000);
    }
}
