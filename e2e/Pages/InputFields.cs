using GameOps.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Pages;

public static class InputFields
{
    /// <summary>
    /// Text and number fields: replaces the value and leaves the field, so change-bound inputs commit. Typing
    /// that a re-render swallowed (the input was replaced while being filled) is typed again, twice at most.
    /// </summary>
    public static async Task FillAndLeaveAsync(IPage page, ILocator field, string value)
    {
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            await page.WaitForRenderQuietAsync(maxMs: 3000);
            await field.FillAsync(value);
            await field.PressAsync("Tab");
            if (await page.WaitUntilAsync(async () => await field.InputValueAsync() == value, 3000)) break;
        }
        await Expect(field).ToHaveValueAsync(value);
    }
}
