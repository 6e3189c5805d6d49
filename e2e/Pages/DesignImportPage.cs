using GameOps.E2E.Infrastructure;
using System.Text;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Pages;

/// <summary>/design/import: choose a file, read the dry-run preview, apply.</summary>
public sealed class DesignImportPage(IPage page) : ShellPage(page)
{
    public ILocator Message => Page.Locator("[data-testid=import-message]");
    public ILocator FileErrors => Page.Locator("[data-testid=import-file-error]");
    public ILocator Preview => Page.Locator("[data-testid=import-preview]");
    public ILocator PreviewRows => Preview.Locator("tbody tr");
    public ILocator ApplyButton => Page.Locator("[data-testid=import-apply]");

    public static async Task<DesignImportPage> OpenAsync(IPage page, string path = "/design/import")
    {
        var import = new DesignImportPage(page);
        await import.GotoAsync(path);
        await Expect(import.Heading).ToHaveTextAsync("Import / export definitions");
        return import;
    }

    /// <summary>Chooses a file with this content; the dry run then shows (its summary message appears).</summary>
    public async Task ChooseFileAsync(string fileName, string content)
    {
        var input = Page.Locator("[data-testid=import-file] input[type=file], input[type=file][data-testid=import-file]").First;
        await Page.WaitForRenderQuietAsync(maxMs: 3000);
        await input.SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = fileName.EndsWith(".csv") ? "text/csv" : "application/json", Buffer = Encoding.UTF8.GetBytes(content) });
        await Expect(Page.Locator("[data-testid=import-file-name]")).ToHaveTextAsync(fileName);
        await Expect(Message).ToBeVisibleAsync();
    }

    /// <summary>The preview row of one key.</summary>
    public ILocator Row(string key) => PreviewRows.Filter(new() { Has = Page.Locator("code", new() { HasTextString = key }) });

    public ILocator RowAction(string key) => Row(key).Locator("[data-testid=import-row-action]");

    /// <summary>A count chip of the review (all, errors, added, changed, unchanged): click to show only those rows.</summary>
    public ILocator FilterChip(string label) => Page.Locator($"[data-testid=import-filter-{label}]");

    public ILocator RowChanges(string key) => Row(key).Locator("[data-testid=import-row-changes]");
}
