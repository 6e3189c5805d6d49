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
    /// <summary>Moderator first: it reads most workspaces without writing, so their read-only variants are the ones checked.</summary>
    public static TheoryData<string> Roles => new("Moderator", "Admin", "Designer", "LiveOps", "Manager");

    /// <summary>
    /// Each page is checked once, by the first role that reaches it: checking the same page for five roles cost 18 minutes
    /// of a 20-minute CI, and the theme's colours do not depend on the role.
    /// </summary>
    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> CheckedBy = new();

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

        foreach (var path in paths.Prepend("/").Where(path => CheckedBy.TryAdd(path, role)))
        {
            await shell.GotoAsync(path);
            await Expect(shell.Main.Locator(".mud-progress-linear")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
            await Page.WaitForRenderQuietAsync();
            await Page.AssertAccessibleAsync($"{path} page in the dark theme as {role}");
        }
        await StepAsync("last-page-dark");
    }
}
