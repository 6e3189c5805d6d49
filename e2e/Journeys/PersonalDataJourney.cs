using GameOps.E2E.Infrastructure;
using GameOps.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Journeys;

/// <summary>A moderator reveals one player's email in the players list: that one value shows, the others stay masked, and the
/// click reveals only (it is not also the row's click, which opens the profile).</summary>
public sealed class PersonalDataJourney(AppServer app, BrowserFixture browser) : JourneyTest(app, browser)
{
    [Fact]
    public async Task A_moderator_reveals_one_email_in_the_players_list_and_stays_on_the_list()
    {
        await new LoginPage(Page).SignInAsAsync("Moderator");
        var list = await ResourceListPage.OpenAsync(Page, "/players");
        var firstRow = list.Rows.First;
        var reveal = firstRow.Locator("[data-testid=reveal]");
        await Expect(reveal).ToHaveAttributeAsync("title", "Reveal the email (recorded in the audit trail)");
        await Expect(list.Grid.Locator("[data-testid=personal-value-revealed]")).ToHaveCountAsync(0);

        await Page.WaitUntilActionableAsync(reveal);
        await reveal.ClickAsync();

        await Expect(firstRow.Locator("[data-testid=personal-value-revealed]")).ToContainTextAsync("@");
        await Expect(list.Grid.Locator("[data-testid=personal-value-revealed]")).ToHaveCountAsync(1);
        await StepAsync("email-revealed");
        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/players$"));
    }
}
