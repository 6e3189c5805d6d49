using System.Text.RegularExpressions;
using GameOps.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Pages;

/// <summary>An analytics dashboard (/analytics/…): the toolbar's range presets, the KPI tiles and the chart cards.</summary>
public sealed partial class AnalyticsPage(IPage page) : ShellPage(page)
{
    /// <summary>The chip under the toolbar naming the range in force: "2026-10-27 – 2026-11-25 (30 days, compared …)".</summary>
    public ILocator RangeChip => Main.Locator(".mud-chip", new() { HasTextRegex = RangeChipText() });
    public ILocator Charts => Main.Locator("[data-testid^='chart-']");
    public ILocator Kpis => Main.Locator("[data-testid^='kpi-'][data-testid$='-value']");
    public ILocator Progress => Main.Locator(".mud-progress-linear");
    public ILocator DrillDialog => Page.Locator(".mud-dialog").Filter(new() { Has = Page.Locator("[data-testid=drill-close]") });
    public ILocator DrillRows => DrillDialog.Locator("[data-testid=drill-table] tbody tr");

    public ILocator Chart(string key) => Page.Locator($"[data-testid='chart-{key}']");
    public ILocator DataRows(string key) => Chart(key).Locator("table tbody tr");

    public static async Task<AnalyticsPage> OpenAsync(IPage page, string path)
    {
        var analytics = new AnalyticsPage(page);
        await analytics.GotoAsync(path);
        await analytics.WaitForFiguresAsync();
        return analytics;
    }

    /// <summary>Waits until the figures have loaded: no progress bar, the range chip shown.</summary>
    public async Task WaitForFiguresAsync()
    {
        await Expect(RangeChip).ToBeVisibleAsync();
        await Expect(Progress).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Page.WaitForRenderQuietAsync();
    }

    /// <summary>Clicks a preset (7, 30 or 90 days) and waits until the URL and the range chip follow.</summary>
    public async Task ChoosePresetAsync(int days)
    {
        var chipSays = new Regex($@"\({days} days");
        var preset = Page.Locator($"[data-testid=range-{days}]");
        await Page.WaitUntilActionableAsync(preset);
        await preset.ClickAsync();
        await Expect(RangeChip).ToContainTextAsync(chipSays, new() { Timeout = Blazor.RoundTripMs });
        await Page.WaitForLocationAsync(new Regex(@"[?&]from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}"));
        await WaitForFiguresAsync();
    }

    /// <summary>The first and last day of the range in force, read from the chip.</summary>
    public async Task<(DateOnly From, DateOnly To)> RangeAsync()
    {
        var match = RangeChipText().Match(await RangeChip.InnerTextAsync());
        return (DateOnly.Parse(match.Groups[1].Value), DateOnly.Parse(match.Groups[2].Value));
    }

    /// <summary>Shows a chart's data table (the "Data" toggle).</summary>
    public async Task ShowDataAsync(string key)
    {
        var toggle = Page.Locator($"[data-testid='data-{key}']");
        await Page.WaitUntilActionableAsync(toggle);
        // The toggle shows and hides, and a shown table stays shown when the range changes: click it only while it is not pressed.
        // (Its state, not its text: the button's text is upper-cased by CSS, and innerText returns it upper-cased.)
        if (await toggle.GetAttributeAsync("aria-pressed") != "true") await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true", new() { Timeout = Blazor.RoundTripMs });
        await Expect(DataRows(key)).Not.ToHaveCountAsync(0, new() { Timeout = Blazor.RoundTripMs });
    }

    /// <summary>Clicks a chart's CSV button and returns the downloaded file's name and text.</summary>
    public async Task<(string FileName, string Content)> ExportCsvAsync(string key)
    {
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.Locator($"[data-testid='export-{key}']").ClickAsync());
        var path = await download.PathAsync();
        return (download.SuggestedFilename, await File.ReadAllTextAsync(path));
    }

    /// <summary>Clicks a point of a chart's data table (its key, e.g. a day yyyy-MM-dd) and waits for the drill-down dialog.</summary>
    public async Task DrillAsync(string chartKey, string pointKey)
    {
        var link = Page.Locator($"[data-testid='drill-{chartKey}-{pointKey}']");
        await Page.WaitUntilActionableAsync(link);
        await link.ClickAsync();
        await Expect(DrillDialog).ToBeVisibleAsync(new() { Timeout = Blazor.RoundTripMs });
        await Expect(DrillDialog.Locator("[data-testid=drill-table], :text('No rows.')").First).ToBeVisibleAsync();
    }

    /// <summary>
    /// Clicks, on the chart itself, the tallest bar drawn at the x-axis label <paramref name="label"/> (e.g. "03-02") and waits for
    /// the drill-down dialog.
    /// </summary>
    public async Task DrillOnChartAsync(string chartKey, string label)
    {
        var plot = Page.Locator($"[data-testid='plot-{chartKey}']");
        await Expect(plot.Locator("path.mud-chart-bar").First).ToBeAttachedAsync();
        // The bar's place is read once: the chart must have finished rendering (a later batch may redraw it elsewhere).
        await Page.WaitUntilActionableAsync(plot);
        // A bar is a stroked line (zero-width box), which Playwright deems invisible: click its middle with the mouse instead.
        var point = await plot.EvaluateAsync<double[]?>("""
            (plot, label) => {
                const svg = plot.querySelector('svg');
                const text = [...svg.querySelectorAll('g.mud-charts-xaxis text')].find(t => t.textContent.trim() === label);
                if (!text) return null;
                const x = parseFloat(text.getAttribute('x'));
                let best = null, bestHeight = 0;
                [...svg.querySelectorAll('path.mud-chart-bar')].forEach(bar => {
                    const box = bar.getBBox();
                    if (Math.abs(box.x + box.width / 2 - x) < 20 && box.height > bestHeight) { best = bar; bestHeight = box.height; }
                });
                if (!best) return null;
                best.scrollIntoView({ block: 'center' });
                const rect = best.getBoundingClientRect();
                return [rect.x + rect.width / 2, rect.y + rect.height / 2];
            }
            """, label);
        Assert.True(point is { Length: 2 }, $"No bar at {label} on {chartKey}.");
        await Page.Mouse.ClickAsync((float)point![0], (float)point[1]);
        await Expect(DrillDialog).ToBeVisibleAsync(new() { Timeout = Blazor.RoundTripMs });
        await Expect(DrillDialog.Locator("[data-testid=drill-table], :text('No rows.')").First).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"(\d{4}-\d{2}-\d{2}) – (\d{4}-\d{2}-\d{2}) \(\d+ days")]
    private static partial Regex RangeChipText();
}
