using System.Text.RegularExpressions;
using GameOps.E2E.Infrastructure;
using GameOps.E2E.Pages;
using GameOps.Web.Components.Layout;
using GameOps.Web.Resources;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Journeys;

/// <summary>Each demo role signs in, sees its own workspaces, is refused a page outside them, and signs out.</summary>
public sealed class SignInJourneys(AppServer app, BrowserFixture browser) : JourneyTest(app, browser)
{
    /// <summary>
    /// The workspaces each role may open, written out from the role → permission matrix (GameOps.Web/Security/StaffRoles.cs):
    /// a workspace shows when the role has its read permission (Administration: StaffAdmin).
    /// </summary>
    static readonly Dictionary<string, string[]> WorkspacesByRole = new()
    {
        ["Admin"] = ["Design", "Moderation", "Players", "Live Ops", "World", "Analytics", "Administration"],
        ["Designer"] = ["Design", "Live Ops", "World"],
        ["Moderator"] = ["Design", "Moderation", "Players", "Live Ops", "World"],
        ["LiveOps"] = ["Design", "Players", "Live Ops", "World", "Analytics"],
        ["Manager"] = ["Design", "Players", "Live Ops", "World", "Analytics"],
    };

    /// <summary>A page outside each role's workspaces (Admins have none).</summary>
    public static TheoryData<string, string?> Roles => new()
    {
        { "Admin", null },
        { "Designer", "/players" },
        { "Moderator", "/data" },
        { "LiveOps", "/moderation/reports" },
        { "Manager", "/data/items" },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Role_sees_its_workspaces_and_is_refused_the_others(string role, string? forbiddenPath)
    {
        var login = new LoginPage(Page);
        await login.GotoAsync();
        await StepAsync("sign-in-page");

        var shell = await login.SignInAsAsync(role);
        await Expect(shell.HomeRoles).ToContainTextAsync(role);
        await Expect(shell.EnvironmentBadge).ToHaveTextAsync("Development");
        await StepAsync("home");

        // Only workspaces with at least one page in this build are drawn at all.
        var drawn = Navigation.Build(App.Services.GetRequiredService<ResourceCatalog>()).Select(g => g.Workspace).ToHashSet();
        var expected = ShellPage.AllWorkspaces.Where(w => WorkspacesByRole[role].Contains(w) && drawn.Contains(w)).ToList();
        var visible = await shell.VisibleNavGroupsAsync();
        Assert.Equal(expected, visible);
        foreach (var hidden in ShellPage.AllWorkspaces.Except(WorkspacesByRole[role]))
            await Expect(shell.NavGroup(hidden)).ToHaveCountAsync(0);

        if (forbiddenPath is not null)
        {
            await shell.GotoAsync(forbiddenPath);
            await Expect(shell.AccessDenied).ToBeVisibleAsync();
            await StepAsync("access-denied");
        }
        else
        {
            await shell.GotoAsync("/data");
            await Expect(Page.Locator("h1", new() { HasText = "All tables" })).ToBeVisibleAsync();
            await StepAsync("all-tables");
        }

        var back = await shell.SignOutAsync();
        await StepAsync("signed-out");
        await Expect(back.Submit).ToBeVisibleAsync();
        // The session is gone: a workspace page sends us back to sign in.
        await Page.GotoAsync("/");
        await Page.WaitForLocationAsync(new Regex("/account/login"));
    }

    [Fact]
    public async Task Wrong_password_shows_an_error_and_stays_signed_out()
    {
        var login = new LoginPage(Page);
        await login.GotoAsync();
        await login.SubmitAsync(LoginPage.EmailOf("Manager"), "Not-The-Passw0rd!");
        await Expect(login.Error).ToHaveTextAsync("Invalid email or password.");
        await Expect(login.Email).ToHaveValueAsync(LoginPage.EmailOf("Manager"));
        await Expect(login.Password).ToHaveValueAsync("");
        await StepAsync("wrong-password");

        await login.SubmitAsync("nobody@gameops.local", AppServer.Password);
        await Expect(login.Error).ToHaveTextAsync("Invalid email or password.");
        await StepAsync("unknown-account");

        await Page.GotoAsync("/");
        await Page.WaitForLocationAsync(new Regex("/account/login"));
        await Expect(login.Submit).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_protected_page_asks_to_sign_in_and_then_opens()
    {
        await Page.GotoAsync("/design/items");
        await Page.WaitForLocationAsync(new Regex(@"/account/login\?returnUrl=%2Fdesign%2Fitems$", RegexOptions.IgnoreCase));
        await StepAsync("redirected-to-sign-in");

        var login = new LoginPage(Page);
        await login.SignInAsAsync("Designer", expectedPath: "/design/items");
        var list = new ResourceListPage(Page);
        await list.WaitForLoadedAsync();
        await Expect(list.Heading).ToHaveTextAsync("Items");
        await StepAsync("items-after-sign-in");
    }
}
