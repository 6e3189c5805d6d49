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
        // Only the current page's group starts expanded; a click before the circuit is live is ignored.
        await Page.WaitForInteractiveAsync();
        var toggle = group.Locator("button.mud-nav-link").First;
        if (!await link.IsVisibleAsync() && await toggle.GetAttributeAsync("aria-expanded") != "true")
        {
            await Page.WaitUntilActionableAsync(toggle);
            await toggle.ClickAsync();
        }
        await Expect(link).ToBeVisibleAsync(new() { Timeout = Blazor.RoundTripMs });
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

    /// <summary>Opens the account menu and signs out; lands on the sign-in page.</summary>
    public async Task<LoginPage> SignOutAsync()
    {
        // The menu toggles on each click: click it once, when it is live and closed, so a second click cannot close it again.
        await Page.WaitUntilActionableAsync(AccountMenu);
        await Expect(AccountMenu).Not.ToHaveAttributeAsync("aria-expanded", "true");
        await AccountMenu.ClickAsync();
        await Expect(SignOutButton).ToBeVisibleAsync(new() { Timeout = Blazor.RoundTripMs });
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
        // Typing before the circuit is live, or while a render replaces the field, is lost: wait for a live, quiet field.
        await Page.WaitUntilActionableAsync(GlobalSearch);
        await Expect(GlobalSearch).ToBeEditableAsync();
        await GlobalSearch.ClickAsync();
        await GlobalSearch.FillAsync("");
        await GlobalSearch.PressSequentiallyAsync(text, new() { Delay = 20 });
        await Expect(hit).ToBeVisibleAsync(new() { Timeout = Blazor.RoundTripMs });
        await Page.WaitForRenderQuietAsync();
        var before = Page.Url;
        await hit.ClickAsync();
        await Expect(Page).Not.ToHaveURLAsync(before, new() { Timeout = 30_000 });
    }
}
