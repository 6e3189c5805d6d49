using System.Diagnostics;
using System.Net;
using System.Text;
using GameOps.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Spectre.Console;

namespace GameOps.Bench;

/// <summary>
/// <c>circuits</c>: the app in-process on real Kestrel over the benchmark database, N signed-in Chromium pages on the
/// players list, the server's memory per open circuit (managed heap and working set after forced GCs, before and after),
/// and the p95 of a sort interaction (header click → first row changed, timed in the page) while all N stay open.
/// </summary>
public static class CircuitsCommand
{
    const string Password = "Bench-Passw0rd!2026";

    /// <summary>Counts render batches on the circuit's websocket (as e2e/Infrastructure/Blazor.cs does) so a page is known to be interactive.</summary>
    const string InitScript = """
        (() => {
          if (window.__bench) return;
          const state = window.__bench = { open: 0, batches: 0, last: 0 };
          const Native = window.WebSocket;
          class Tracked extends Native {
            constructor(...a) { super(...a); this.addEventListener('open', () => state.open++);
              this.addEventListener('message', e => { state.batches++; state.last = performance.now(); }); }
          }
          window.WebSocket = Tracked;
        })();
        """;

    public static async Task<int> RunAsync(DatabaseOptions database, int pages, string outDir, string? gcdump = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:GameOps"] = database.ConnectionString,
            ["Database:MigrateOnStartup"] = "true",
            ["Seed:DemoData"] = "true",
            ["Seed:DemoStaffPassword"] = Password,
            ["Security:SignInAttemptsPerMinute"] = "1000",
        };
        await using var factory = new BenchFactory(settings);
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        var baseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });

        // Sign in once; every page shares the cookie.
        var context = await browser.NewContextAsync(new() { BaseURL = baseUrl });
        await context.AddInitScriptAsync(InitScript);
        var login = await context.NewPageAsync();
        await login.GotoAsync("/account/login");
        await login.Locator("#login-email").FillAsync("moderator@gameops.local");
        await login.Locator("#login-password").FillAsync(Password);
        await login.Locator("[data-testid=login-submit]").ClickAsync();
        await login.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 60_000 });
        await login.CloseAsync();

        // One page first, sorted once: what every circuit shares (compiled queries, component metadata, JIT) is then
        // already in the baseline and not charged to the N pages measured.
        var warmUp = await context.NewPageAsync();
        await warmUp.GotoAsync("/players", new() { Timeout = 120_000 });
        await WaitInteractiveAsync(warmUp);
        await SortInteractionAsync(warmUp);
        await SortInteractionAsync(warmUp);

        var (heapBefore, setBefore) = await MeasureAsync();
        var open = new List<IPage>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < pages; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/players", new() { Timeout = 120_000 });
            await WaitInteractiveAsync(page);
            open.Add(page);
            if ((i + 1) % 10 == 0) AnsiConsole.WriteLine($"{i + 1} pages open ({clock.Elapsed.TotalSeconds:0} s)");
        }
        var (heapAfter, setAfter) = await MeasureAsync();
        if (gcdump is not null) await CollectGcDumpAsync(gcdump);

        var times = new List<double>();
        for (var round = 0; round < 3; round++)
            foreach (var page in open)
                times.Add(await SortInteractionAsync(page));
        times.Sort();
        var p50 = times[times.Count / 2];
        var p95 = times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)];

        var heapPer = (heapAfter - heapBefore) / (double)pages / 1024 / 1024;
        var setPer = (setAfter - setBefore) / (double)pages / 1024 / 1024;
        var report = new StringBuilder();
        report.AppendLine();
        report.AppendLine($"## Circuits ({database.Provider}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {Machine.LoadAverage()})");
        report.AppendLine();
        report.AppendLine($"{pages} signed-in Chromium pages on /players (after one warm-up page), all open: managed heap +{heapPer:0.00} MB per circuit, working set +{setPer:0.00} MB per circuit " +
                          $"(after forced GCs, lowest of three samples; the app runs in the bench process). Sort interaction (header click until the first row changed, {times.Count} clicks round-robin): " +
                          $"p50 {p50:0} ms, p95 {p95:0} ms.");
        AnsiConsole.Write(report.ToString());
        Directory.CreateDirectory(outDir);
        await File.AppendAllTextAsync(Path.Combine(outDir, $"{database.Provider.ToString().ToLowerInvariant()}-{DateTime.UtcNow:yyyy-MM-dd}.md"), report.ToString());
        foreach (var page in open) await page.CloseAsync();
        return 0;
    }

    /// <summary>A heap snapshot of this process (the app runs in it) with <c>dotnet-gcdump</c>, to see what a circuit holds.</summary>
    static async Task CollectGcDumpAsync(string path)
    {
        var tool = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-gcdump");
        using var process = Process.Start(new ProcessStartInfo(File.Exists(tool) ? tool : "dotnet-gcdump", ["collect", "-p", Environment.ProcessId.ToString(), "-o", path]))!;
        await process.WaitForExitAsync();
        AnsiConsole.WriteLine($"gcdump written to {path} (dotnet-gcdump report {path})");
    }

    /// <summary>
    /// The lowest of three samples two seconds apart, each after forced full GCs. The app's background jobs (broadcasts every
    /// 15 s, event lifecycle every 30 s, …) run in this process too: one caught in flight holds rows that are not a circuit's,
    /// and single samples swung from 1.4 to 3.2 MB per circuit between runs of the same build.
    /// </summary>
    static async Task<(long Heap, long WorkingSet)> MeasureAsync()
    {
        long heap = long.MaxValue, workingSet = long.MaxValue;
        for (var sample = 0; sample < 3; sample++)
        {
            if (sample > 0) await Task.Delay(TimeSpan.FromSeconds(2));
            for (var i = 0; i < 3; i++)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
            }
            using var process = Process.GetCurrentProcess();
            heap = Math.Min(heap, GC.GetTotalMemory(forceFullCollection: true));
            workingSet = Math.Min(workingSet, process.WorkingSet64);
        }
        return (heap, workingSet);
    }

    static async Task WaitInteractiveAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => !!window.Blazor && window.__bench && window.__bench.open > 0 && window.__bench.batches > 1 && document.querySelectorAll('[data-testid=resource-grid] tbody tr').length > 1",
            null, new() { Timeout = 120_000, PollingInterval = 100 });
        await page.WaitForFunctionAsync("() => performance.now() - window.__bench.last > 300", null, new() { Timeout = 30_000, PollingInterval = 100 });
    }

    /// <summary>Clicks the Username header and times, in the page, until the first row shows something else.</summary>
    static Task<double> SortInteractionAsync(IPage page) => page.EvaluateAsync<double>("""
        () => new Promise((resolve, reject) => {
          const first = () => document.querySelector('[data-testid=resource-grid] tbody tr')?.innerText ?? '';
          const before = first();
          const header = [...document.querySelectorAll('[data-testid=resource-grid] thead .sortable-column-header')].find(h => h.innerText.trim() === 'Username');
          if (!header) { reject('no Username header'); return; }
          const t0 = performance.now();
          header.click();
          const tick = () => {
            if (first() !== before) resolve(performance.now() - t0);
            else if (performance.now() - t0 > 30000) reject('no change within 30 s');
            else setTimeout(tick, 5);
          };
          setTimeout(tick, 5);
        })
        """);

    sealed class BenchFactory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(Environments.Development);
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        }
    }
}
