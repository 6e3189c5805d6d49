using GameOps.E2E.Infrastructure;
using GameOps.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Journeys;

/// <summary>
/// On a 1366×768 laptop every list shows each row's identity (its link) and its actions without scrolling sideways;
/// on a 390 px phone the drawer is closed and the identity is still in view. (Fraud triage is cards, not a table.)
/// </summary>
public sealed class ListLayoutJourney(AppServer app, BrowserFixture browser) : JourneyTest(app, browser)
{
    public static TheoryData<string, string[]> ListsByRole => new()
    {
        { "Moderator", ["/moderation/reports", "/moderation/sanctions", "/moderation/security", "/players"] },
        { "LiveOps", ["/liveops/events", "/liveops/broadcasts"] },
        { "Designer", ["/design/items", "/design/quests", "/design/recipes"] },
        { "Admin", ["/admin/staff", "/admin/audit"] },
    };

    [Theory]
    [MemberData(nameof(ListsByRole))]
    public async Task Every_list_keeps_its_identity_and_actions_in_view_on_a_laptop_and_its_identity_on_a_phone(string role, string[] paths)
    {
        await Page.SetViewportSizeAsync(1366, 768);
        var shell = await new LoginPage(Page).SignInAsAsync(role);
        foreach (var path in paths)
        {
            await shell.GotoAsync(path);
            var firstRow = FirstRow();
            await Expect(firstRow).ToBeVisibleAsync();
            await Expect(Identity(firstRow)).ToBeInViewportAsync();
            var actions = firstRow.Locator("td.actions-col, td.sticky-right");
            if (await actions.CountAsync() > 0) await Expect(actions.First).ToBeInViewportAsync();
            await StepAsync("laptop" + path.Replace('/', '-'));
        }

        await Page.SetViewportSizeAsync(390, 844);
        foreach (var path in paths)
        {
            await shell.GotoAsync(path);
            await Expect(Page.Locator(".mud-drawer--open")).ToHaveCountAsync(0);
            await Expect(Identity(FirstRow())).ToBeInViewportAsync();
            await StepAsync("phone" + path.Replace('/', '-'));
        }
    }

    ILocator FirstRow() => Page.Locator("table tbody tr").Filter(new() { Has = Page.Locator("td") }).First;

    /// <summary>What names the row: the cell marked as its identity, else its first link (the grids' first column), else its first cell.</summary>
    static ILocator Identity(ILocator row) => row.Locator("td.identity-col, a").Or(row.Locator("td")).First;
}
