using System.Collections.Concurrent;

namespace GameOps.E2E.Infrastructure;

/// <summary>
/// Base of every journey: a fresh browser context (its own cookies) per test on the shared app and browser,
/// a screenshot per <see cref="StepAsync"/>, and the browser's errors in the failure output.
/// </summary>
public abstract class JourneyTest(AppServer app, BrowserFixture browser) : IAsyncLifetime
{
    readonly ConcurrentQueue<string> browserErrors = new();
    int step;

    protected AppServer App { get; } = app;
    protected IBrowserContext Context { get; private set; } = default!;
    protected IPage Page { get; private set; } = default!;

    /// <summary>Folder of this test's screenshots: artifacts/screenshots/{Class}/{Method}/.</summary>
    protected string ScreenshotFolder { get; private set; } = "";

    public virtual async ValueTask InitializeAsync()
    {
        // {Method} or, for a theory row, {Method}-{argument}-{argument}.
        var method = TestContext.Current.TestMethod?.MethodName ?? "test";
        var arguments = (TestContext.Current.Test as Xunit.v3.IXunitTest)?.TestMethodArguments ?? [];
        var name = string.Join("-", arguments.Select(a => a?.ToString() ?? "none").Prepend(method));
        ScreenshotFolder = Path.Combine(Artifacts.Screenshots, Artifacts.Safe(GetType().Name), Artifacts.Safe(name));
        Directory.CreateDirectory(ScreenshotFolder);

        Context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseUrl,
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        Context.SetDefaultTimeout(15_000);
        Context.SetDefaultNavigationTimeout(30_000);
        await Context.AddInitScriptAsync(Blazor.InitScript);
        Page = await Context.NewPageAsync();
        Page.PageError += (_, error) => browserErrors.Enqueue("page error: " + error);
        Page.Console += (_, message) =>
        {
            if (message.Type == "error") browserErrors.Enqueue("console error: " + message.Text);
        };
    }

    public virtual async ValueTask DisposeAsync()
    {
        try
        {
            if (TestContext.Current.TestState?.Result is TestResult.Failed && Page is not null && !Page.IsClosed)
            {
                await ScreenshotAsync("FAILED");
                await File.WriteAllTextAsync(Path.Combine(ScreenshotFolder, "FAILED.html"), await Page.ContentAsync());
                TestContext.Current.TestOutputHelper?.WriteLine("Failed at " + Page.Url);
            }
            foreach (var error in browserErrors) TestContext.Current.TestOutputHelper?.WriteLine(error);
        }
        catch (PlaywrightException) { }
        if (Context is not null) await Context.DisposeAsync();
    }

    /// <summary>Records a step of the journey as a numbered full-page screenshot.</summary>
    protected async Task StepAsync(string name)
    {
        step++;
        await ScreenshotAsync($"{step:00}-{name}");
    }

    async Task ScreenshotAsync(string name)
    {
        var path = Path.Combine(ScreenshotFolder, Artifacts.Safe(name) + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }

    /// <summary>Errors the browser reported so far (uncaught exceptions and console errors).</summary>
    protected IReadOnlyCollection<string> BrowserErrors => browserErrors.ToArray();
}
