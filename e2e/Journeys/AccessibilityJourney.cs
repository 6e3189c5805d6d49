using GameOps.E2E.Infrastructure;
using GameOps.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Journeys;

/// <summary>axe-core on the main page kinds: no serious or critical violations.</summary>
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

    [Fact]
    public async Task Home_page_has_no_serious_violations()
    {
        var shell = await new LoginPage(Page).SignInAsAsync("Admin");
        await Expect(shell.HomeRoles).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-testid=home-kpis]")).ToBeVisibleAsync(); // the summaries have loaded
        await Expect(shell.Main.Locator(".mud-progress-linear")).ToHaveCountAsync(0);
        await StepAsync("home");
        await AssertAccessibleAsync("home page");
    }

    [Fact]
    public async Task Item_list_and_edit_pages_have_no_serious_violations()
    {
        var suffix = TestData.UniqueSuffix();
        var item = await App.CreateItemAsync($"e2e_{suffix}_a11y", $"E2E A11y Item {suffix}");
        await new LoginPage(Page).SignInAsAsync("Designer");

        var list = await ResourceListPage.OpenAsync(Page, "/design/items");
        await StepAsync("items");
        await AssertAccessibleAsync("item list");

        var edit = await ResourceEditPage.OpenAsync(Page, $"/design/items/{item.Id}");
        await Expect(edit.Title).ToHaveTextAsync($"Item: {item.Name}");
        await Expect(edit.UsedBy).ToContainTextAsync("Nothing else points at this row.");
        await StepAsync("item-edit");
        await AssertAccessibleAsync("item edit page");
    }

    public static TheoryData<string> DesignLists => new("items", "quests", "recipes", "skills", "resources", "achievements");

    /// <summary>Every design list, and the detail page of its first row.</summary>
    [Theory]
    [MemberData(nameof(DesignLists))]
    public async Task Design_list_and_detail_pages_have_no_serious_violations(string slug)
    {
        await new LoginPage(Page).SignInAsAsync("Designer");
        var list = await ResourceListPage.OpenAsync(Page, $"/design/{slug}");
        await Expect(list.Rows.First).ToBeVisibleAsync();
        await StepAsync($"{slug}-list");
        await AssertAccessibleAsync($"{slug} list");

        var edit = await list.OpenRowAsync(await list.Rows.First.Locator("a").First.InnerTextAsync());
        await Expect(edit.Title).ToBeVisibleAsync();
        await Expect(edit.Main.Locator(".mud-progress-linear")).ToHaveCountAsync(0);
        await Page.WaitForRenderQuietAsync();
        await StepAsync($"{slug}-detail");
        await AssertAccessibleAsync($"{slug} detail page");
    }

    public static TheoryData<string> DesignToolPages => new("/design/quest-chains", "/design/balance", "/design/import");

    [Theory]
    [MemberData(nameof(DesignToolPages))]
    public async Task Design_tool_pages_have_no_serious_violations(string path)
    {
        var shell = await new LoginPage(Page).SignInAsAsync("Designer");
        await shell.GotoAsync(path);
        await Expect(shell.Heading).ToBeVisibleAsync();
        await Expect(shell.Main.Locator(".mud-progress-linear")).ToHaveCountAsync(0);
        await Page.WaitForRenderQuietAsync();
        await StepAsync(path.Replace('/', '-').Trim('-'));
        await AssertAccessibleAsync(path);
    }

    public static TheoryData<string> AnalyticsPages => new("/analytics", "/analytics/players", "/analytics/revenue", "/analytics/retention", "/analytics/engagement", "/analytics/operations");

    [Theory]
    [MemberData(nameof(AnalyticsPages))]
    public async Task Analytics_pages_have_no_serious_violations(string path)
    {
        await new LoginPage(Page).SignInAsAsync("Manager");
        var dashboard = await AnalyticsPage.OpenAsync(Page, path);
        await StepAsync(path.Replace('/', '-').Trim('-'));
        await AssertAccessibleAsync(path);
    }

    Task AssertAccessibleAsync(string what) => Page.AssertAccessibleAsync(what);
}
