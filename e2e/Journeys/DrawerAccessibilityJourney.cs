using GameOps.E2E.Infrastructure;
using GameOps.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Journeys;

/// <summary>
/// axe-core on every page a role's drawer links to, in the light and the dark theme: no moderate, serious or critical violation,
/// colour contrast included. Each role gets its own account, so switching the theme changes no other test's screens.
/// </summary>
public sealed class DrawerAccessibilityJourney(AppServer app, BrowserFixture browser) : JourneyTest(app, browser)
{
    public static TheoryData<string> Roles => new("Moderator", "Admin", "Designer", "LiveOps", "Manager");

    /// <summary>
    /// Each page is checked once, by the first role that reaches it (xunit picks the order of the roles): checking the
    /// same page for five roles cost 18 minutes of a 20-minute CI, and what axe checks does not depend on the role.
    /// </summary>
    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> CheckedBy = new();

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_page_in_the_drawer_passes_axe_in_both_themes(string role)
    {
        var email = await App.CreateStaffAsync(role, theme: "light");
        var shell = await new LoginPage(Page).SignInWithAsync(email);

        // Only the current page's workspace group starts expanded, and a collapsed group renders no links: open each.
        var groups = Page.Locator("nav[data-testid^='nav-']");
        for (var i = 0; i < await groups.CountAsync(); i++)
        {
            var group = groups.Nth(i);
            var links = group.Locator("a[href]");
            if (await links.CountAsync() > 0) continue;
            await group.Locator("button.mud-nav-link").First.ClickAsync();
            await Expect(links.First).ToBeVisibleAsync();
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
            await Page.AssertAccessibleInBothThemesAsync($"{path} page as {role}");
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"{role} checked: {string.Join(", ", CheckedBy.Where(c => c.Value == role).Select(c => c.Key).Order())}");
        await StepAsync("last-page");
    }
}
