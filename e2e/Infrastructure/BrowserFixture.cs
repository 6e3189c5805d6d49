[assembly: AssemblyFixture(typeof(GameOps.E2E.Infrastructure.BrowserFixture))]

namespace GameOps.E2E.Infrastructure;

/// <summary>
/// One headless Chromium for the whole run (Debian's, through Playwright's bundled driver: nothing is downloaded).
/// Each test opens its own <see cref="IBrowserContext"/> (cookies and storage of its own) from it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>E2E_CHROMIUM overrides the browser binary; otherwise Debian's Chromium.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("E2E_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException($"No Chromium at {ExecutablePath}: install Debian's chromium package or set E2E_CHROMIUM.");
        // Server round trips on a busy 2-core CI machine can take a few seconds; 5 s (the default) is too tight.
        Assertions.SetDefaultExpectTimeout(10_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = Environment.GetEnvironmentVariable("E2E_HEADED") != "1",
            Args = Args,
            Timeout = 60_000,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
    }
}
