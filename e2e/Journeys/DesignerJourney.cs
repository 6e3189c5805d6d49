using System.Text.RegularExpressions;
using GameOps.E2E.Infrastructure;
using GameOps.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Journeys;

/// <summary>A designer creates items, finds them with search, sort and filter, and edits one.</summary>
public sealed class DesignerJourney(AppServer app, BrowserFixture browser) : JourneyTest(app, browser)
{
    [Fact]
    public async Task Designer_creates_finds_sorts_filters_and_edits_an_item()
    {
        var suffix = TestData.UniqueSuffix();
        var alpha = $"E2E Alpha {suffix}";
        var beta = $"E2E Beta {suffix}";

        await new LoginPage(Page).SignInAsAsync("Designer");
        await StepAsync("home");

        // Create two items through the UI.
        var list = await ResourceListPage.OpenAsync(Page, "/design/items");
        await StepAsync("items");
        var edit = await list.NewAsync();
        await StepAsync("new-item");
        await edit.FillAsync("ItemId", $"e2e_{suffix}_alpha");
        await edit.FillAsync("Name", alpha);
        await edit.ChooseAsync("ItemType", "weapon");
        await edit.ChooseAsync("Rarity", "epic");
        await edit.FillAsync("LevelRequirement", "30");
        await StepAsync("new-item-filled");
        var alphaId = await edit.SaveNewAsync();
        await Expect(edit.Title).ToHaveTextAsync($"Item: {alpha}");
        await Expect(edit.UsedBy).ToContainTextAsync("Used by");
        await StepAsync("alpha-created");

        edit = await ResourceEditPage.OpenAsync(Page, "/design/items/new");
        await Expect(edit.Title).ToHaveTextAsync("New item");
        await edit.FillAsync("ItemId", $"e2e_{suffix}_beta");
        await edit.FillAsync("Name", beta);
        await edit.ChooseAsync("ItemType", "armor");
        await edit.ChooseAsync("Rarity", "rare");
        await edit.FillAsync("LevelRequirement", "5");
        await edit.SaveNewAsync();
        await StepAsync("beta-created");

        // Find both with the search box.
        list = await ResourceListPage.OpenAsync(Page, "/design/items");
        await list.SearchAsync($"e2e_{suffix}", expectedRows: 2);
        await list.ExpectColumnAsync("Name", alpha, beta); // default sort: name, ascending
        await StepAsync("searched");

        // Sort by a column: ascending, then descending (the header shows the direction).
        // The row order itself is checked by Sorting_by_a_column_header_reorders_the_rows (skipped: app bug).
        await list.ClickColumnHeaderAsync("Level Requirement");
        await Expect(list.SortedHeader("ascending")).ToContainTextAsync("Level Requirement");
        await StepAsync("sorted-by-level-ascending");
        await list.ClickColumnHeaderAsync("Level Requirement");
        await Expect(list.SortedHeader("descending")).ToContainTextAsync("Level Requirement");
        await StepAsync("sorted-by-level-descending");

        // Filter by rarity.
        await list.FilterByOptionAsync("Rarity", "epic", expectedRows: 1);
        await list.ExpectColumnAsync("Name", alpha);
        await list.ExpectColumnAsync("Rarity", "epic");
        await StepAsync("filtered-epic");

        // Open it, rename it, save: version 2.
        edit = await list.OpenRowAsync($"e2e_{suffix}_alpha");
        await Page.WaitForLocationAsync(new Regex($"/design/items/{alphaId}$"));
        await Expect(edit.Version).ToHaveTextAsync("Version 1");
        await Expect(edit.Field("Name")).ToHaveValueAsync(alpha);
        await StepAsync("opened");
        var renamed = alpha + " renamed";
        await edit.FillAsync("Name", renamed);
        await Expect(edit.Unsaved).ToBeVisibleAsync();
        await edit.SaveAsync();
        await Expect(edit.Version).ToHaveTextAsync("Version 2");
        await Expect(edit.Title).ToHaveTextAsync($"Item: {renamed}");
        await StepAsync("renamed-version-2");

        // The change is stored: a fresh load shows it.
        edit = await ResourceEditPage.OpenAsync(Page, $"/design/items/{alphaId}");
        await Expect(edit.Field("Name")).ToHaveValueAsync(renamed);
        await Expect(edit.Version).ToHaveTextAsync("Version 2");
        await StepAsync("reloaded");
    }



    [Fact]
    public async Task Sorting_by_a_column_header_reorders_the_rows()
    {
        var suffix = TestData.UniqueSuffix();
        var low = await App.CreateItemAsync($"e2e_{suffix}_low", $"E2E Sort A {suffix}", levelRequirement: 40);
        var high = await App.CreateItemAsync($"e2e_{suffix}_high", $"E2E Sort B {suffix}", levelRequirement: 7);
        await new LoginPage(Page).SignInAsAsync("Designer");
        var list = await ResourceListPage.OpenAsync(Page, "/design/items");
        await list.SearchAsync($"e2e_{suffix}", expectedRows: 2);
        await list.ExpectColumnAsync("Name", low.Name, high.Name);

        await list.ClickColumnHeaderAsync("Level Requirement");
        await list.ExpectColumnAsync("Level Requirement", "7", "40");
        await StepAsync("level-ascending");
        await list.ClickColumnHeaderAsync("Level Requirement");
        await list.ExpectColumnAsync("Level Requirement", "40", "7");
        await list.ClickColumnHeaderAsync("Name");
        await list.ExpectColumnAsync("Name", low.Name, high.Name);
        await StepAsync("name-ascending");
    }

    [Fact]
    public async Task Row_count_includes_an_item_created_moments_ago()
    {
        var suffix = TestData.UniqueSuffix();
        await new LoginPage(Page).SignInAsAsync("Designer");
        var list = await ResourceListPage.OpenAsync(Page, "/design/items");
        var before = await list.RowCountAsync();

        var edit = await list.NewAsync();
        await edit.FillAsync("ItemId", $"e2e_{suffix}_count");
        await edit.FillAsync("Name", $"E2E Count {suffix}");
        await edit.SaveNewAsync();

        list = await ResourceListPage.OpenAsync(Page, "/design/items");
        await StepAsync("list-after-create");
        Assert.True(await list.RowCountAsync() >= before + 1, $"The list still reports {await list.RowCount.InnerTextAsync()} after a create (was {before}).");
    }
}
