using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Pages;

/// <summary>The quest editor's quest giver field (quests.npc_id): an autocomplete over the NPC spawn points.</summary>
public sealed class NpcSpawnPickerPage(IPage page)
{
    public ILocator Input => Inputs.Of(page.Locator("body"), "field-NpcId");
    public ILocator Options => page.Locator(".mud-popover-open .mud-list-item");

    /// <summary>Types <paramref name="search"/> and waits for the options (auto-waiting: the search is debounced).</summary>
    public async Task SearchAsync(string search)
    {
        await Input.FillAsync(search);
        await Expect(Options.First).ToBeVisibleAsync(new() { Timeout = 15_000 });
    }

    /// <summary>Clicks the option of <paramref name="spawnKey"/> and waits until the field shows it.</summary>
    public async Task ChooseAsync(string spawnKey)
    {
        await Options.Filter(new() { HasText = spawnKey }).First.ClickAsync();
        await Expect(Input).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(spawnKey) + " · "));
    }
}
