using System.Text.RegularExpressions;
using GameOps.E2E.Infrastructure;
using GameOps.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Journeys;

/// <summary>A manager reads design data but cannot create or change it, and cannot open administration.</summary>
public sealed class ManagerJourney(AppServer app, BrowserFixture browser) : JourneyTest(app, browser)
{
    [Fact]
    public async Task Manager_reads_items_but_cannot_change_them()
    {
        var suffix = TestData.UniqueSuffix();
        var item = await App.CreateItemAsync($"e2e_{suffix}_manager", $"E2E Manager Item {suffix}");

        await new LoginPage(Page).SignInAsAsync("Manager");

        var list = await ResourceListPage.OpenAsync(Page, "/design/items");
        await Expect(list.NewButton).ToHaveCountAsync(0);
        await list.SearchAsync(item.ItemId, expectedRows: 1);
        await StepAsync("items-without-new-button");

        var edit = await list.OpenRowAsync(item.ItemId);
        await Expect(edit.Title).ToHaveTextAsync($"Item: {item.Name}");
        await Expect(edit.ReadOnlyNotice).ToBeVisibleAsync();
        await Expect(edit.SaveButton).ToHaveCountAsync(0);
        await Expect(edit.Field("Name")).ToBeDisabledAsync();
        await StepAsync("item-read-only");

        // /design/items/new: refused, either as the access-denied view or as a "cannot create" notice; never a form.
        edit = await ResourceEditPage.OpenAsync(Page, "/design/items/new");
        await Expect(edit.Main).ToContainTextAsync(new Regex("Access denied|Read-only|cannot create"));
        await Expect(edit.SaveButton).ToHaveCountAsync(0);
        await Expect(edit.Field("ItemId")).ToHaveCountAsync(0);
        await StepAsync("new-item-refused");

        await edit.GotoAsync("/data");
        await Expect(edit.AccessDenied).ToBeVisibleAsync();
        await StepAsync("admin-access-denied");
    }
}
