using GameOps.E2E.Infrastructure;
using GameOps.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Journeys;

/// <summary>axe-core on the pages no drawer links to (sign-in, detail pages): no moderate, serious or critical violations.</summary>
public sealed class AccessibilityJourney(AppServer app, BrowserFixture browser) : JourneyTest(app, browser)
{
    [Fact]
    public async Task Sign_in_page_has_no_serious_violations()
    {
        var login = new LoginPage(Page);
        await login.GotoAsync();
        await StepAsync("login");
        await AssertAccessibleAsync("sign-in page");

        await login.SubmitAsync(LoginPage.EmailOf("Designer"), "Not-The-Passw0rd!");
        await Expect(login.Error).ToBeVisibleAsync();
        await StepAsync("login-error");
        await AssertAccessibleAsync("sign-in page with an error");
    }

    /// <remarks>Every page of the drawer is checked in both themes by <see cref="DrawerAccessibilityJourney"/>; these are the pages no drawer links to.</remarks>
    [Fact]
    public async Task Item_edit_page_has_no_serious_violations_in_either_theme()
    {
        var suffix = TestData.UniqueSuffix();
        var item = await App.CreateItemAsync($"e2e_{suffix}_a11y", $"E2E A11y Item {suffix}");
        await new LoginPage(Page).SignInWithAsync(await App.CreateStaffAsync("Designer", theme: "light"));

        var edit = await ResourceEditPage.OpenAsync(Page, $"/design/items/{item.Id}");
        await Expect(edit.Title).ToHaveTextAsync($"Item: {item.Name}");
        await Expect(edit.UsedBy).ToContainTextAsync("Nothing else points at this row.");
        await StepAsync("item-edit");
        await Page.AssertAccessibleInBothThemesAsync("item edit page");
    }

    public static readonly string[] DesignLists = ["items", "quests", "recipes", "skills", "resources", "achievements"];

    /// <summary>The detail page of the first row of every design list, in one session (a sign-in per page cost more than the checks).</summary>
    [Fact]
    public async Task Design_detail_pages_have_no_serious_violations_in_either_theme()
    {
        await new LoginPage(Page).SignInWithAsync(await App.CreateStaffAsync("Designer", theme: "light"));
        foreach (var slug in DesignLists)
        {
            var list = await ResourceListPage.OpenAsync(Page, $"/design/{slug}");
            await Expect(list.Rows.First).ToBeVisibleAsync();
            var edit = await list.OpenRowAsync(await list.Rows.First.Locator("a").First.InnerTextAsync());
            await Expect(edit.Title).ToBeVisibleAsync();
            await Expect(edit.Main.Locator(".mud-progress-linear")).ToHaveCountAsync(0, new() { Timeout = 20_000 });
            await Page.WaitForRenderQuietAsync();
            await StepAsync($"{slug}-detail");
            await Page.AssertAccessibleInBothThemesAsync($"{slug} detail page");
        }
    }

    Task AssertAccessibleAsync(string what) => Page.AssertAccessibleAsync(what);
}
