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
        // The row order itself is checked by Sorting_by_a_column_header_reorders_the_rows.
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
        // Closed, the filters panel leaves a chip that says what the list is filtered by.
        await list.CloseFiltersAsync();
        await Expect(list.FilterChip("Rarity")).ToContainTextAsync("Rarity: epic");
        await Expect(Page.Locator("[data-testid=toggle-filters]")).ToContainTextAsync("Filters (1)");

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

        // Hide a column: it stays hidden for this designer on the next visit, and comes back from the same menu.
        list = await ResourceListPage.OpenAsync(Page, "/design/items");
        await Expect(list.Header("Version")).ToHaveCountAsync(1);
        await list.ToggleColumnAsync("Version");
        await Expect(list.Header("Version")).ToHaveCountAsync(0);
        list = await ResourceListPage.OpenAsync(Page, "/design/items");
        await Expect(list.Header("Version")).ToHaveCountAsync(0);
        await Expect(list.Header("Name")).ToHaveCountAsync(1);
        await StepAsync("version-column-hidden");
        await list.ToggleColumnAsync("Version");
        await Expect(list.Header("Version")).ToHaveCountAsync(1);
    }



    /// <summary>
    /// Issue #4: an item with two typed effects becomes a quest reward, a recipe ingredient and an achievement reward
    /// through the typed editors; its page lists all three under "Where used". Then an import whose file holds one bad
    /// row is refused in the dry run and applying it changes nothing.
    /// </summary>
    [Fact]
    public async Task Designer_links_an_item_everywhere_sees_where_it_is_used_and_a_bad_import_changes_nothing()
    {
        var suffix = TestData.UniqueSuffix();
        var itemKey = $"e2e_{suffix}_relic";
        var quest = await App.CreateQuestAsync($"e2e_{suffix}_quest", $"E2E Quest {suffix}");
        var result = await App.CreateItemAsync($"e2e_{suffix}_result", $"E2E Result {suffix}", itemType: "material");
        var recipe = await App.CreateRecipeAsync($"e2e_{suffix}_recipe", result.Id);
        var achievement = await App.CreateAchievementAsync($"e2e_{suffix}_achievement", $"E2E Achievement {suffix}");

        await new LoginPage(Page).SignInAsAsync("Designer");

        // A new item with two effects, through the typed effects editor.
        var item = await DesignDetailPage.OpenAsync(Page, "/design/items/new");
        await Expect(item.Form.Title).ToHaveTextAsync("New item");
        await item.Form.FillAsync("ItemId", itemKey);
        await item.Form.FillAsync("Name", $"E2E Relic {suffix}");
        await item.Form.ChooseAsync("ItemType", "accessory");
        await item.Form.ChooseAsync("Rarity", "epic");
        await item.AddEffectAsync("stat_bonus", "strength", 5);
        await item.AddEffectAsync("heal", "health", 25);
        await StepAsync("item-with-two-effects");
        var itemId = await item.Form.SaveNewAsync();
        await Expect(item.EffectRows).ToHaveCountAsync(2);
        var stored = (await App.QueryAsync<GameOps.Data.Entities.Item>(i => i.ItemId == itemKey)).Single();
        Assert.Equal(["stat_bonus:strength:5", "heal:health:25"], stored.Effects.Select(e => $"{e.Type}:{e.Target}:{e.Amount:0.##}"));
        await Expect(item.WhereUsed).ToContainTextAsync("No recipe, quest, event or achievement refers to it.");

        // A quest reward, a recipe ingredient and an achievement reward: items picked from the catalogue with a quantity.
        var questPage = await DesignDetailPage.OpenAsync(Page, $"/design/quests/{quest.Id}");
        await questPage.AddItemQuantityAsync("reward-items", itemKey, 2);
        await StepAsync("quest-reward");
        await questPage.Form.SaveAsync();
        await Expect(questPage.Form.Version).ToHaveTextAsync("Version 2");

        var recipePage = await DesignDetailPage.OpenAsync(Page, $"/design/recipes/{recipe.Id}");
        await recipePage.AddItemQuantityAsync("ingredients", itemKey, 3);
        await StepAsync("recipe-ingredient");
        await recipePage.Form.SaveAsync();

        var achievementPage = await DesignDetailPage.OpenAsync(Page, $"/design/achievements/{achievement.Id}");
        await achievementPage.AddItemQuantityAsync("reward-items", itemKey, 1);
        await StepAsync("achievement-reward");
        await achievementPage.Form.SaveAsync();

        // The item's page lists all three under "Where used", each in its own group and linking to the definition.
        item = await DesignDetailPage.OpenAsync(Page, $"/design/items/{itemId}");
        await Expect(item.WhereUsedEntries).ToHaveCountAsync(3);
        await Expect(item.WhereUsed).ToContainTextAsync("Reward of quest (1)");
        await Expect(item.WhereUsed).ToContainTextAsync("Ingredient of recipe (1)");
        await Expect(item.WhereUsed).ToContainTextAsync("Reward of achievement (1)");
        await Expect(item.WhereUsedEntry(quest.QuestId).Locator("a")).ToHaveAttributeAsync("href", $"/design/quests/{quest.Id}");
        await Expect(item.WhereUsedEntry(recipe.RecipeId).Locator("a")).ToHaveAttributeAsync("href", $"/design/recipes/{recipe.Id}");
        await Expect(item.WhereUsedEntry(achievement.AchievementId).Locator("a")).ToHaveAttributeAsync("href", $"/design/achievements/{achievement.Id}");
        await StepAsync("where-used");

        // An import with one bad row (an unknown rarity) beside a new row and a change: the dry run flags the bad row
        // and applying is refused, so neither the new row nor the change reaches the database.
        var newKey = $"e2e_{suffix}_imported";
        var badKey = $"e2e_{suffix}_bad";
        var csv = "item_id,name,item_type,rarity,level_requirement\n"
            + $"{newKey},E2E Imported {suffix},material,common,3\n"
            + $"{result.ItemId},E2E Result renamed {suffix},material,rare,4\n"
            + $"{badKey},E2E Bad {suffix},material,mythic_e2e,5\n";
        var import = await DesignImportPage.OpenAsync(Page);
        await import.ChooseFileAsync($"items-{suffix}.csv", csv);
        await Expect(import.Message).ToContainTextAsync("1 row(s) have errors");
        await Expect(import.RowAction(newKey)).ToHaveTextAsync("Add");
        await Expect(import.RowAction(result.ItemId)).ToHaveTextAsync("Change");
        await Expect(import.RowAction(badKey)).ToHaveTextAsync("Error");
        await Expect(import.Row(badKey)).ToContainTextAsync("Rarity must be one of");
        await Expect(import.ApplyButton).ToBeDisabledAsync();
        await StepAsync("import-preview");

        Assert.Empty(await App.QueryAsync<GameOps.Data.Entities.Item>(i => i.ItemId == newKey || i.ItemId == badKey));
        var unchanged = (await App.QueryAsync<GameOps.Data.Entities.Item>(i => i.ItemId == result.ItemId)).Single();
        Assert.Equal((result.Name, result.Rarity, result.LevelRequirement, result.UpdatedAt), (unchanged.Name, unchanged.Rarity, unchanged.LevelRequirement, unchanged.UpdatedAt));
        var list = await ResourceListPage.OpenAsync(Page, "/design/items");
        await list.SearchAsync($"e2e_{suffix}_", expectedRows: 2); // the relic and the recipe's result, nothing imported
        await list.ExpectColumnAsync("Name", $"E2E Relic {suffix}", $"E2E Result {suffix}");
        await StepAsync("import-changed-nothing");
    }

    /// <summary>
    /// Issue #17: a designer opens an item by its key, types −50 damage (kept as typed, refused with a message at the field, not
    /// clamped), saves a valid value and reads the change in the history as a field-by-field diff; reviews an import whose rows
    /// collide with each other (errors first, chips to filter, changed fields old → new); walks a quest chain laid out in layers.
    /// </summary>
    [Fact]
    public async Task Designer_is_told_what_is_wrong_reads_history_as_a_diff_reviews_an_import_and_walks_a_quest_chain()
    {
        var suffix = TestData.UniqueSuffix();
        var sword = await App.CreateItemAsync($"e2e_{suffix}_sword", $"E2E Sword {suffix}", itemType: "weapon");
        await new LoginPage(Page).SignInAsAsync("Designer");

        // The business key opens the item, like its id.
        var item = await DesignDetailPage.OpenAsync(Page, $"/design/items/{sword.ItemId}");
        await Expect(item.Form.Title).ToHaveTextAsync($"Item: {sword.Name}");

        // −50 stays −50 and is refused next to the field; saving is refused too and nothing is stored.
        await Inputs.FillAsync(Page, item.Property("damage_min"), "-50");
        await Expect(item.Property("damage_min")).ToHaveValueAsync("-50");
        await Expect(item.PropertyError("damage_min")).ToBeVisibleAsync();
        await StepAsync("field-error");
        await item.Property("damage_min").ScrollIntoViewIfNeededAsync();
        await DocsScreenshots.SaveAsync(Page, "design-item-field-error", fullPage: false);
        await Page.AssertAccessibleAsync("item editor with a refused property");
        await item.Form.SaveButton.ClickAsync();
        await Expect(item.Form.FormIssues.First).ToBeVisibleAsync();
        Assert.Equal("{}", (await App.QueryAsync<GameOps.Data.Entities.Item>(i => i.ItemId == sword.ItemId)).Single().Properties);

        // A valid value saves; the history shows it as the path that changed, old → new, without escapes.
        await Inputs.FillAsync(Page, item.Property("damage_min"), "12");
        await Inputs.FillAsync(Page, item.Property("damage_max"), "20");
        await Expect(item.PropertyError("damage_min")).ToHaveCountAsync(0);
        // Not Form.SaveAsync: it would read the refused save's message, still shown until this save answers.
        await item.Form.SaveButton.ClickAsync();
        await Expect(item.Form.Version).ToHaveTextAsync("Version 2");
        await item.OpenHistoryAsync();
        await Expect(item.HistoryDiffRows.Filter(new() { HasText = "damage min" })).ToContainTextAsync("12");
        await Expect(item.HistoryDiff).Not.ToContainTextAsync("\\u0022");
        await item.HistoryDiff.ScrollIntoViewIfNeededAsync();
        await StepAsync("history-diff");
        await DocsScreenshots.SaveAsync(Page, "design-history-diff", fullPage: false);
        await Page.AssertAccessibleAsync("item history diff");

        // An import: a new row, the same new key twice, a change and a bad value. The rows are checked against each other.
        var newKey = $"e2e_{suffix}_new";
        var csv = "item_id,name,item_type,rarity,level_requirement\n"
            + $"{newKey},E2E New {suffix},material,common,3\n"
            + $"{sword.ItemId},{sword.Name},weapon,rare,14\n"
            + $"{newKey},E2E New again {suffix},material,common,3\n"
            + $"e2e_{suffix}_bad,E2E Bad {suffix},material,mythic_e2e,5\n";
        var import = await DesignImportPage.OpenAsync(Page);
        await import.ChooseFileAsync($"items-{suffix}.csv", csv);
        await Expect(import.FilterChip("errors")).ToContainTextAsync("2");
        await Expect(import.FilterChip("added")).ToContainTextAsync("1");
        await Expect(import.FilterChip("changed")).ToContainTextAsync("1");
        await Expect(import.PreviewRows.First.Locator("[data-testid=import-row-action]")).ToHaveTextAsync("Error"); // errors first
        await Expect(import.Row(newKey).Filter(new() { HasText = "also on line" })).ToHaveCountAsync(1);
        await Expect(import.RowChanges(sword.ItemId)).ToContainTextAsync("level_requirement");
        await Expect(import.RowChanges(sword.ItemId)).ToContainTextAsync("10");
        await Expect(import.RowChanges(sword.ItemId)).ToContainTextAsync("14");
        await StepAsync("import-review");
        await DocsScreenshots.SaveAsync(Page, "design-import-review");
        await Page.AssertAccessibleAsync("import review");
        await import.FilterChip("errors").ClickAsync();
        await Expect(import.PreviewRows).ToHaveCountAsync(2);
        await Expect(import.ApplyButton).ToBeDisabledAsync();

        // The quest chain of a seeded main-story quest: layered, the quest selected, highlighted and in view.
        await Page.GotoAsync("/design/quest-chains?quest=q_wolves_03");
        var selected = Page.Locator("[data-testid=chain-node][data-selected=true]");
        await Expect(selected).ToHaveCountAsync(1);
        await Expect(selected).ToHaveAttributeAsync("data-quest", "q_wolves_03");
        await Expect(selected).ToBeInViewportAsync();
        await Page.WaitForInteractiveAsync(); // the graph is prerendered: a click before the circuit connects is ignored
        await Page.Locator("[data-testid=chain-zoom-out]").ClickAsync();
        await Expect(Page.Locator("[data-testid=chain-zoom]")).ToHaveTextAsync("75 %");
        await StepAsync("quest-graph");
        await DocsScreenshots.SaveAsync(Page, "design-quest-graph", fullPage: false);
        await Page.AssertAccessibleAsync("quest graph with a selection");
        await Page.Locator("[data-testid=chain-open]").ClickAsync();
        await Page.WaitForURLAsync(new Regex("/design/quests/q_wolves_03$"));
        await Expect(Page.Locator("[data-testid=edit-title]")).ToContainTextAsync("Quest:");
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
