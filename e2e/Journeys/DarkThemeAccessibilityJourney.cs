using GameOps.E2E.Infrastructure;
using GameOps.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Journeys;

/// <summary>
/// axe-core in the dark theme on every page a role's drawer links to: no serious or critical violation, colour contrast included.
/// Each role gets its own account, so switching the theme changes no other test's screens.
/// </summary>
public sealed class DarkThemeAccessibilityJourney(AppServer app, BrowserFixture browser) : JourneyTest(app, browser)
{
    public static TheoryData<string> Roles => new("Designer", "Moderator", "LiveOps", "Manager", "Admin");

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_page_in_the_drawer_passes_axe_in_the_dark_theme(string role)
    {
        var email = await App.CreateStaffAsync(role, theme: "dark");
        var shell = await new LoginPage(Page).SignInWithAsync(email);
        var background = await Page.EvaluateAsync<int[]>(
            "() => (getComputedStyle(document.body).backgroundColor.match(/\\d+/g) ?? []).slice(0, 3).map(Number)");
        Assert.True(background.Length == 3 && background.Sum() < 3 * 100, $"the page is not in the dark theme (background rgb {string.Join(", ", background)})");

        // Only the current page's workspace group starts expanded, and a collapsed group renders no links: open each.
        var groups = Page.Locator("nav[data-testid^='nav-']");
        for (var i = 0; i < await groups.CountAsync(); i++)
        {
            var group = groups.Nth(i);
            var links = group.Locator("a[href]");
            if (await links.CountAsync() > 0) continue;
            await Page.RetryUntilAsync(() => group.Locator("button.mud-nav-link").First.ClickAsync(), async () => await links.CountAsync() > 0,
                "expand a drawer group");
        }
        var paths = (await Page.Locator(".mud-navmenu a[href]")
                .EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            .Where(href => href is { Length: > 0 } && href.StartsWith('/'))
            .Distinct()
            .ToList();
        Assert.True(paths.Count >= 3, $"the {role}'s drawer links to only {paths.Count} pages: {string.Join(", ", paths)}");

        foreach (var path in paths.Prepend("/"))
        {
            await shell.GotoAsync(path);
            await Expect(shell.Main.Locator(".mud-progress-linear")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
            await Page.WaitForRenderQuietAsync();
            await Page.AssertAccessibleAsync($"{path} page in the dark theme as {role}");
        }
        await StepAsync("last-page-dark");
    }
}
