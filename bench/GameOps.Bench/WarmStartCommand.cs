using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using GameOps.Data;
using Microsoft.Playwright;
using Spectre.Console;

namespace GameOps.Bench;

/// <summary>
/// <c>warmstart</c>: starts the app as its own process (the built or published <c>GameOps.Web.dll</c>), as an orchestrator would:
/// waits for <c>/readyz</c> (with warm-up) or only for <c>/healthz</c> (with <c>Warmup:Enabled=false</c>, the old behaviour),
/// then times in Chromium the first sign-in and the first <c>/design/items</c> until its rows show, and the same again
/// until the tenth (each in a fresh browser context, so no cookie or cache carries over). One start per mode and round.
/// </summary>
public static class WarmStartCommand
{
    const string Password = "Bench-Passw0rd!2026";

    public static async Task<int> RunAsync(DatabaseOptions database, string app, int rounds, string outDir)
    {
        app = Path.GetFullPath(app);
        var report = new StringBuilder();
        report.AppendLine($"# Warm start: {database.Provider}");
        report.AppendLine();
        report.AppendLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {Machine.Describe()} at start; app `{app}` started as its own process (Development settings, demo data already seeded by a first start that is not timed).");
        report.AppendLine("Sign-in = the login form submitted until the home page URL; items = `/design/items` until its grid shows rows (interactive). Times in ms.");
        report.AppendLine();
        report.AppendLine("| mode | round | process start → ready | 1st sign-in | 10th sign-in | 1st/10th | 1st /design/items | 10th /design/items | 1st/10th |");
        report.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        Directory.CreateDirectory(outDir);
        var file = Path.Combine(outDir, $"warmstart-{database.Provider.ToString().ToLowerInvariant()}-{DateTime.UtcNow:yyyy-MM-dd}.md");

        // The first start migrates and seeds: not timed.
        await using (var seeding = await AppProcess.StartAsync(app, database, warmup: true))
            await seeding.WaitAsync("/readyz", TimeSpan.FromMinutes(20));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        for (var round = 1; round <= rounds; round++)
            foreach (var warmup in new[] { false, true })
            {
                var clock = Stopwatch.StartNew();
                await using var process = await AppProcess.StartAsync(app, database, warmup);
                await process.WaitAsync(warmup ? "/readyz" : "/healthz", TimeSpan.FromMinutes(5));
                var ready = clock.Elapsed.TotalMilliseconds;
                var signIns = new List<double>();
                var items = new List<double>();
                for (var i = 0; i < 10; i++)
                {
                    await using var context = await browser.NewContextAsync(new() { BaseURL = process.BaseUrl });
                    context.SetDefaultTimeout(120_000); // a cold first sign-in on a loaded machine takes longer than Playwright's 30 s
                    var page = await context.NewPageAsync();
                    await page.GotoAsync("/account/login", new() { Timeout = 120_000 });
                    var sw = Stopwatch.StartNew();
                    await page.Locator("#login-email").FillAsync("designer@gameops.local");
                    await page.Locator("#login-password").FillAsync(Password);
                    await page.Locator("[data-testid=login-submit]").ClickAsync();
                    await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 120_000 });
                    signIns.Add(sw.Elapsed.TotalMilliseconds);
                    sw.Restart();
                    await page.GotoAsync("/design/items", new() { Timeout = 120_000 });
                    await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=resource-grid] tbody tr').length > 1", null, new() { Timeout = 120_000, PollingInterval = 20 });
                    items.Add(sw.Elapsed.TotalMilliseconds);
                }
                var line = $"| {(warmup ? "warm-up, wait for /readyz" : "no warm-up, /healthz only")} | {round} | {ready:0} | {signIns[0]:0} | {signIns[9]:0} | {signIns[0] / signIns[9]:0.0}× | {items[0]:0} | {items[9]:0} | {items[0] / items[9]:0.0}× |";
                AnsiConsole.WriteLine(line);
                report.AppendLine(line);
                await File.WriteAllTextAsync(file, report.ToString());
            }
        report.AppendLine();
        report.AppendLine($"Load average at the end: {Machine.LoadAverage()}.");
        await File.WriteAllTextAsync(file, report.ToString());
        AnsiConsole.MarkupLine($"wrote [bold]{Markup.Escape(file)}[/]");
        return 0;
    }

    sealed class AppProcess : IAsyncDisposable
    {
        readonly Process process;
        public string BaseUrl { get; }

        AppProcess(Process process, string baseUrl) => (this.process, BaseUrl) = (process, baseUrl);

        public static Task<AppProcess> StartAsync(string app, DatabaseOptions database, bool warmup)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet", [app, "--urls", $"http://127.0.0.1:{port}"])
            {
                WorkingDirectory = Path.GetDirectoryName(app)!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["Database__Provider"] = database.Provider.ToString();
            start.Environment["ConnectionStrings__GameOps"] = database.ConnectionString;
            start.Environment["Seed__DemoData"] = "true";
            start.Environment["Seed__DemoStaffPassword"] = Password;
            start.Environment["Security__SignInAttemptsPerMinute"] = "1000";
            start.Environment["Warmup__Enabled"] = warmup ? "true" : "false";
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return Task.FromResult(new AppProcess(process, $"http://127.0.0.1:{port}"));
        }

        public async Task WaitAsync(string path, TimeSpan timeout)
        {
            using var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < timeout)
            {
                if (process.HasExited) throw new InvalidOperationException($"The app exited with code {process.ExitCode} before {path} answered.");
                try
                {
                    using var response = await client.GetAsync(path);
                    if (response.StatusCode == HttpStatusCode.OK) return;
                }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) { }
                await Task.Delay(50);
            }
            throw new TimeoutException($"{path} did not answer 200 within {timeout}.");
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }

        static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
