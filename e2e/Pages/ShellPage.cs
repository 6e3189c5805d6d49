using System.Text.RegularExpressions;
using GameOps.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Pages;

/// <summary>The layout around every interactive page: app bar (environment, global search, account menu) and the drawer.</summary>
public class ShellPage(IPage page)
{
    /// <summary>Every workspace group the drawer can show, in drawer order.</summary>
    public static readonly string[] AllWorkspaces = ["Design", "Moderation", "Players", "Live Ops", "World", "Analytics", "Administration"];

    protected IPage Page { get; } = page;

    public ILocator EnvironmentBadge => Page.Locator("[data-testid=environment-badge]");
    public ILocator HomeRoles => Page.Locator("[data-testid=home-roles]");
    public ILocator Heading => Page.Locator(".mud-main-content h1").First;
    public ILocator AccessDenied => Page.Locator("h1", new() { HasText = "Access denied" });
    public ILocator AccountMenu => Page.Locator("[aria-label='Account menu']").First;
    public ILocator SignOutButton => Page.Locator("[data-testid=sign-out]");
    public ILocator GlobalSearch => Page.Locator("input[data-testid=global-search]");

    /// <summary>The page body (MudMainContent), without the app bar and the drawer.</summary>
    public ILocator Main => Page.Locator(".mud-main-content");

    public ILocator NavGroup(string workspace) => Page.Locator($"nav[data-testid='nav-{workspace}']");

    /// <summary>Follows a drawer link, expanding its workspace group first (only the current page's group starts expanded).</summary>
    public async Task OpenNavLinkAsync(string workspace, string href)
    {
        var group = NavGroup(workspace);
        var link = group.Locator($"a[href='{href}']");
        await Page.RetryUntilAsync(async () =>
            {
                if (await link.IsVisibleAsync()) return;
                await group.Locator("button.mud-nav-link").First.ClickAsync();
            },
            () => link.IsVisibleAsync(), $"show the drawer link {href}");
        await link.ClickAsync();
    }

    /// <summary>Loads a page afresh (a new circuit) and waits until it is interactive.</summary>
    public async Task GotoAsync(string path)
    {
        await Page.GotoAsync(path);
        await Page.WaitForInteractiveAsync();
    }

    /// <summary>The workspace groups the drawer shows, read from their data-testid.</summary>
    public async Task<IReadOnlyList<string>> VisibleNavGroupsAsync()
    {
        await Expect(Page.Locator("nav[aria-label=Workspaces], .mud-navmenu").First).ToBeVisibleAsync();
        var ids = await Page.Locator("nav[data-testid^='nav-']").EvaluateAllAsync<string[]>(
            "els => els.filter(e => e.offsetParent !== null).map(e => e.getAttribute('data-testid'))");
        return ids.Select(id => id["nav-".Length..]).ToList();
    }

    /// <summary>Opens the account menu (retrying until its popover shows) and signs out; lands on the sign-in page.</summary>
    public async Task<LoginPage> SignOutAsync()
    {
        await Page.RetryUntilAsync(
            () => AccountMenu.ClickAsync(),
            () => SignOutButton.IsVisibleAsync(),
            "open the account menu",
            pending: async () => await AccountMenu.GetAttributeAsync("aria-expanded") == "true");
        await Page.ClickAndWaitForNewDocumentAsync(SignOutButton);
        await Page.WaitForLocationAsync(new Regex("/account/login"));
        var login = new LoginPage(Page);
        await Expect(login.Submit).ToBeVisibleAsync();
        return login;
    }

    /// <summary>Types into the global search and opens the hit whose label contains <paramref name="hitText"/>.</summary>
    public async Task OpenGlobalSearchHitAsync(string text, string hitText)
    {
        var hit = Page.Locator(".mud-popover-open .mud-list-item", new() { HasText = hitText }).First;
        await Page.RetryUntilAsync(async () =>
            {
                await GlobalSearch.ClickAsync();
                await GlobalSearch.FillAsync("");
                await GlobalSearch.PressSequentiallyAsync(text, new() { Delay = 20 });
            },
            () => hit.IsVisibleAsync(),
            $"global search for '{text}' shows '{hitText}'");
        var before = Page.Url;
        await hit.ClickAsync();
        await Expect(Page).Not.ToHaveURLAsync(before, new() { Timeout = 30_000 });
    }
}
