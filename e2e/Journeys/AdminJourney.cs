using System.Text.RegularExpressions;
using GameOps.E2E.Infrastructure;
using GameOps.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Journeys;

/// <summary>An admin browses the raw tables: the table index, the items table and one row.</summary>
public sealed class AdminJourney(AppServer app, BrowserFixture browser) : JourneyTest(app, browser)
{
    [Fact]
    public async Task Admin_opens_all_tables_the_items_table_and_a_row()
    {
        var suffix = TestData.UniqueSuffix();
        var item = await App.CreateItemAsync($"e2e_{suffix}_admin", $"E2E Admin Item {suffix}", rarity: "legendary", levelRequirement: 42);

        var shell = await new LoginPage(Page).SignInAsAsync("Admin");
        await Expect(shell.NavGroup("Administration")).ToBeVisibleAsync();

        // The drawer's "All tables" link.
        await shell.OpenNavLinkAsync("Administration", "/data");
        await Page.WaitForLocationAsync(new Regex("/data$"));
        await Expect(Page.Locator("h1", new() { HasText = "All tables" })).ToBeVisibleAsync();
        var itemsTable = Page.Locator("[data-testid=table-items]");
        await Expect(itemsTable).ToBeVisibleAsync();
        await StepAsync("all-tables");

        await itemsTable.ClickAsync();
        await Page.WaitForLocationAsync(new Regex("/data/items$"));
        var list = new ResourceListPage(Page);
        await list.WaitForLoadedAsync();
        await Expect(list.Rows.First).ToBeVisibleAsync();
        await Expect(list.ExportCsv).ToHaveAttributeAsync("href", new Regex(@"^/export/items\.csv"));
        await Expect(list.ExportJson).ToHaveAttributeAsync("href", new Regex(@"^/export/items\.json"));
        await StepAsync("items-table");

        await list.SearchAsync(item.ItemId, expectedRows: 1);
        await StepAsync("items-table-searched");
        var edit = await list.OpenRowAsync(item.ItemId);
        await Page.WaitForLocationAsync(new Regex($"/data/items/{item.Id}$"));
        await Expect(edit.Title).ToHaveTextAsync($"Item: {item.Name}");
        await Expect(edit.Version).ToHaveTextAsync("Version 1");
        await Expect(edit.Field("ItemId")).ToHaveValueAsync(item.ItemId);
        await Expect(edit.Field("Rarity")).ToHaveTextAsync(new Regex(@"^\s*legendary\s*$"));
        await Expect(edit.Field("LevelRequirement")).ToHaveValueAsync("42");
        await Expect(edit.SaveButton).ToBeVisibleAsync();
        await Expect(edit.UsedBy).ToContainTextAsync("Nothing else points at this row.");
        await StepAsync("item-row");

        // The global search (app bar) finds the same item and opens its workspace page.
        await shell.OpenGlobalSearchHitAsync(item.ItemId, item.Name);
        await Page.WaitForLocationAsync(new Regex($"/design/items/{item.Id}$"));
        var fromSearch = new ResourceEditPage(Page);
        await Expect(fromSearch.Title).ToHaveTextAsync($"Item: {item.Name}");
        await Expect(fromSearch.Version).ToHaveTextAsync("Version 1");
        await StepAsync("global-search-hit");
    }
}
