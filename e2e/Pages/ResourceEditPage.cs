using GameOps.E2E.Infrastructure;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Pages;

/// <summary>A generic edit page (/design/items/{id}, /design/items/new, /data/{table}/{id}): one field per property.</summary>
public sealed class ResourceEditPage(IPage page) : ShellPage(page)
{
    public ILocator Title => Page.Locator("[data-testid=edit-title]");
    public ILocator Version => Page.Locator("[data-testid=edit-version]");
    public ILocator SaveButton => Page.Locator("[data-testid=save]");
    public ILocator FormIssues => Page.Locator("[data-testid=form-issue]");
    public ILocator UsedBy => Page.Locator("[data-testid=used-by]");
    public ILocator Unsaved => Page.Locator("[data-testid=unsaved]");
    public ILocator NotFound => Page.Locator("[data-testid=edit-not-found]");
    public ILocator ReadOnlyNotice => Page.Locator(".mud-alert", new() { HasText = "Read-only" });

    public ILocator Field(string property) => Page.Locator($"[data-testid='field-{property}']");

    public static async Task<ResourceEditPage> OpenAsync(IPage page, string path)
    {
        var edit = new ResourceEditPage(page);
        await edit.GotoAsync(path);
        return edit;
    }

    /// <summary>Text and number fields: see <see cref="Inputs.FillAsync"/>.</summary>
    public Task FillAsync(string property, string value) => Inputs.FillAsync(Page, Field(property), value);

    public Task ChooseAsync(string property, string option) => MudSelect.ChooseAsync(Page, Field(property), option);

    /// <summary>Clicks Save and waits for the "Unsaved changes" caption to go; a form issue fails the save.</summary>
    public async Task SaveAsync()
    {
        await Expect(SaveButton).ToBeEnabledAsync();
        await SaveButton.ClickAsync();
        // Saved: the "Unsaved changes" caption goes. Refused: a form issue shows. Either ends this wait.
        await Expect(Page.Locator("body:not(:has([data-testid=form-issue])) [data-testid=unsaved]")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        if (await FormIssues.CountAsync() > 0)
            throw new InvalidOperationException("Save failed: " + string.Join(" | ", await FormIssues.AllInnerTextsAsync()));
        await Expect(Unsaved).ToHaveCountAsync(0);
        await Expect(SaveButton).ToBeEnabledAsync();
    }

    /// <summary>Saves a new row and waits for the redirect to its own page (…/{guid}), version 1.</summary>
    public async Task<string> SaveNewAsync()
    {
        await SaveAsync();
        await Page.WaitForLocationAsync(new Regex(@"/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
        await Expect(Version).ToHaveTextAsync("Version 1");
        return Page.Url[(Page.Url.LastIndexOf('/') + 1)..];
    }
}
