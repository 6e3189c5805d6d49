namespace GameOps.E2E.Infrastructure;

/// <summary>The screenshots the README shows (docs/screenshots/), taken by the journeys at 1440 px so they always match the app.</summary>
public static class DocsScreenshots
{
    public static async Task SaveAsync(IPage page, string name, bool fullPage = true)
    {
        var folder = Path.Combine(Artifacts.RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
    }
}
