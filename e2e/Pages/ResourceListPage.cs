using System.Globalization;
using System.Text.RegularExpressions;
using GameOps.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Pages;

/// <summary>A generic resource list (/design/items, /data/{table}, /players…): MudDataGrid with search, filters and export.</summary>
public sealed partial class ResourceListPage(IPage page) : ShellPage(page)
{
    public ILocator Grid => Page.Locator("[data-testid=resource-grid]");
    public ILocator Search => Page.Locator("input[data-testid=list-search]");
    public ILocator RowCount => Page.Locator("[data-testid=row-count]");
    public ILocator NewButton => Page.Locator("[data-testid=new-row]");
    public ILocator ExportCsv => Page.Locator("[data-testid=export-csv]");
    public ILocator ExportJson => Page.Locator("[data-testid=export-json]");
    public ILocator ClearFilters => Page.Locator("[data-testid=clear-filters]");
    /// <summary>Data rows only (not the "empty" row).</summary>
    public ILocator Rows => Grid.Locator("tbody tr.mud-table-row");

    public static async Task<ResourceListPage> OpenAsync(IPage page, string path)
    {
        var list = new ResourceListPage(page);
        await list.GotoAsync(path);
        await list.WaitForLoadedAsync();
        return list;
    }

    /// <summary>The grid has fetched its first page (the row count is shown).</summary>
    public async Task WaitForLoadedAsync()
    {
        await Expect(Grid).ToBeVisibleAsync();
        await Expect(RowCount).ToHaveTextAsync(RowsText());
    }

    [GeneratedRegex(@"^\s*(≈\s*)?[\d,]+\+?\s+rows")]
    private static partial Regex RowsText();

    /// <summary>The total the list reports ("12 rows" → 12).</summary>
    public async Task<int> RowCountAsync()
    {
        var text = await RowCount.InnerTextAsync();
        var digits = new string(text.Where(c => char.IsDigit(c)).ToArray());
        return int.Parse(digits, CultureInfo.InvariantCulture);
    }

    public Task ExpectRowCountAsync(int count) =>
        Expect(RowCount).ToHaveTextAsync(new Regex($"^\\s*{count.ToString("N0", CultureInfo.InvariantCulture)} rows"));

    /// <summary>Types into the search box (debounced) and waits for the reported total.</summary>
    public async Task SearchAsync(string text, int expectedRows)
    {
        await Search.FillAsync(text);
        await ExpectRowCountAsync(expectedRows);
        await Expect(Rows).ToHaveCountAsync(Math.Min(expectedRows, 25));
    }

    public ILocator FiltersPanel => Page.Locator("[data-testid=filters-panel]");
    public ILocator FilterChip(string property) => Page.Locator($"[data-testid='filter-chip-{property}']");

    /// <summary>Opens the filters panel (the list shows only its search box and the active filters' chips until then).</summary>
    public async Task OpenFiltersAsync()
    {
        if (await FiltersPanel.IsVisibleAsync()) return;
        await Page.Locator("[data-testid=toggle-filters]").ClickAsync();
        await Expect(FiltersPanel).ToBeVisibleAsync();
    }

    /// <summary>Closes the filters panel; each active filter stays on the list as a chip.</summary>
    public async Task CloseFiltersAsync()
    {
        if (!await FiltersPanel.IsVisibleAsync()) return;
        await Page.Locator("[data-testid=toggle-filters]").ClickAsync();
        await Expect(FiltersPanel).ToHaveCountAsync(0);
    }

    /// <summary>Picks an option of a select filter (data-testid filter-{Property}) and waits for the reported total.</summary>
    public async Task FilterByOptionAsync(string property, string option, int expectedRows)
    {
        await OpenFiltersAsync();
        var select = Page.Locator($"[data-testid='filter-{property}']");
        await MudSelect.ChooseAsync(Page, select, option);
        await ExpectRowCountAsync(expectedRows);
    }

    /// <summary>Clicks a column header to sort by it (each click toggles the direction).</summary>
    public async Task ClickColumnHeaderAsync(string title)
    {
        var header = Grid.Locator("thead .sortable-column-header").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(title)}\\s*$") });
        await header.ClickAsync();
    }

    /// <summary>The header cell of a column, by its exact title (none when the column is hidden).</summary>
    public ILocator Header(string title) => Grid.Locator("thead th").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(title)}\\s*$") });

    /// <summary>Shows or hides one column through the list's column chooser, then closes the chooser.</summary>
    public async Task ToggleColumnAsync(string property)
    {
        var chooser = Page.Locator("[data-testid=column-chooser] button").First;
        var toggle = Page.Locator($"[data-testid='column-toggle-{property}']");
        // The menu toggles on each click: click it once, when it is live and closed.
        await Page.WaitUntilActionableAsync(chooser);
        await Expect(chooser).Not.ToHaveAttributeAsync("aria-expanded", "true");
        await chooser.ClickAsync();
        await Expect(toggle).ToBeVisibleAsync(new() { Timeout = Blazor.RoundTripMs });
        await Page.WaitForRenderQuietAsync();
        var wasChecked = await toggle.GetAttributeAsync("aria-checked");
        await toggle.ClickAsync();
        await Expect(toggle).Not.ToHaveAttributeAsync("aria-checked", wasChecked ?? "");
        await Page.Keyboard.PressAsync("Escape");
        await Expect(toggle).ToBeHiddenAsync();
    }

    /// <summary>The header cell currently sorted in this direction ("ascending" or "descending").</summary>
    public ILocator SortedHeader(string direction) => Grid.Locator($"thead th[aria-sort={direction}]");

    /// <summary>The texts of one column on the current page of the grid, top to bottom.</summary>
    public async Task<IReadOnlyList<string>> ColumnAsync(string title)
    {
        var headers = await Grid.Locator("thead tr").First.Locator("th").AllInnerTextsAsync();
        var index = headers.Select(h => h.Trim()).ToList().IndexOf(title);
        if (index < 0) throw new InvalidOperationException($"No column '{title}' in [{string.Join(", ", headers.Select(h => h.Trim()))}]");
        return await Rows.EvaluateAllAsync<string[]>("(rows, i) => rows.map(r => (r.children[i]?.innerText ?? '').trim())", index);
    }

    /// <summary>Waits until a column shows exactly these values, in this order (after a sort or a filter).</summary>
    public async Task ExpectColumnAsync(string title, params string[] expected)
    {
        var headers = await Grid.Locator("thead tr").First.Locator("th").AllInnerTextsAsync();
        var index = headers.Select(h => h.Trim()).ToList().IndexOf(title);
        if (index < 0) throw new InvalidOperationException($"No column '{title}' in [{string.Join(", ", headers.Select(h => h.Trim()))}]");
        var cells = Rows.Locator($":scope > td:nth-child({index + 1})");
        await Expect(cells).ToHaveTextAsync(expected, new() { UseInnerText = true, Timeout = 15_000 });
    }

    /// <summary>Opens a row through the link in its first column.</summary>
    public async Task<ResourceEditPage> OpenRowAsync(string linkText)
    {
        var link = Rows.Locator("a", new() { HasText = linkText }).First;
        await link.ClickAsync();
        var edit = new ResourceEditPage(Page);
        await Expect(edit.Title).ToBeVisibleAsync();
        return edit;
    }

    public async Task<ResourceEditPage> NewAsync()
    {
        await NewButton.ClickAsync();
        await Page.WaitForLocationAsync(new Regex("/new$"));
        var edit = new ResourceEditPage(Page);
        await Expect(edit.Title).ToHaveTextAsync(new Regex("^New "));
        return edit;
    }
}
