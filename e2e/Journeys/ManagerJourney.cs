using System.Text.RegularExpressions;
using GameOps.E2E.Infrastructure;
using GameOps.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Journeys;

/// <summary>A manager reads design data but cannot create or change it, and cannot open administration.</summary>
public sealed class ManagerJourney(AppServer app, BrowserFixture browser) : JourneyTest(app, browser)
{
    [Fact]
    public async Task Manager_reads_items_but_cannot_change_them()
    {
        var suffix = TestData.UniqueSuffix();
        var item = await App.CreateItemAsync($"e2e_{suffix}_manager", $"E2E Manager Item {suffix}");

        await new LoginPage(Page).SignInAsAsync("Manager");

        var list = await ResourceListPage.OpenAsync(Page, "/design/items");
        await Expect(list.NewButton).ToHaveCountAsync(0);
        await list.SearchAsync(item.ItemId, expectedRows: 1);
        await StepAsync("items-without-new-button");

        var edit = await list.OpenRowAsync(item.ItemId);
        await Expect(edit.Title).ToHaveTextAsync($"Item: {item.Name}");
        await Expect(edit.ReadOnlyNotice).ToBeVisibleAsync();
        await Expect(edit.SaveButton).ToHaveCountAsync(0);
        await Expect(edit.Field("Name")).ToBeDisabledAsync();
        await StepAsync("item-read-only");

        // /design/items/new: refused, either as the access-denied view or as a "cannot create" notice; never a form.
        edit = await ResourceEditPage.OpenAsync(Page, "/design/items/new");
        await Expect(edit.Main).ToContainTextAsync(new Regex("Access denied|Read-only|cannot create"));
        await Expect(edit.SaveButton).ToHaveCountAsync(0);
        await Expect(edit.Field("ItemId")).ToHaveCountAsync(0);
        await StepAsync("new-item-refused");

        await edit.GotoAsync("/data");
        await Expect(edit.AccessDenied).ToBeVisibleAsync();
        await StepAsync("admin-access-denied");
    }

    static readonly string[] Dashboards = ["/analytics", "/analytics/players", "/analytics/revenue", "/analytics/retention", "/analytics/engagement", "/analytics/operations"];

    /// <summary>
    /// Issue #7: a manager opens every dashboard and changes the range (URL and figures follow), exports a chart's CSV
    /// (formula-like text neutralised) and drills into a revenue day to the transactions of that day, from the data table and from a
    /// click on the day's bar in the chart.
    /// </summary>
    [Fact]
    public async Task Manager_reads_every_dashboard_changes_the_range_exports_and_drills_into_a_revenue_day()
    {
        var suffix = TestData.UniqueSuffix();
        // Yesterday: a refresh recomputes the last few days (AnalyticsOptions.RecomputeDays), so the payment is counted.
        var day = DateTime.UtcNow.Date.AddDays(-1);
        var sku = $"=E2E{suffix}"; // a spreadsheet would run it as a formula
        var payment = await App.CreatePaymentAsync($"e2e_{suffix}_tx", sku, 42.50m, day.AddHours(13));
        var dayKey = day.ToString("yyyy-MM-dd");

        await new LoginPage(Page).SignInAsAsync("Manager");

        foreach (var path in Dashboards)
        {
            var dashboard = await AnalyticsPage.OpenAsync(Page, path);
            await Expect(dashboard.RangeChip).ToContainTextAsync("(30 days");
            await dashboard.ChoosePresetAsync(7);
            var (from, to) = await dashboard.RangeAsync();
            Assert.Equal(6, to.DayNumber - from.DayNumber);
            Assert.Contains($"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}", Page.Url);
            Assert.Matches(new Regex("^" + Regex.Escape(App.Url(path)) + @"\?"), Page.Url);
            Assert.True(await dashboard.Charts.CountAsync() + await dashboard.Kpis.CountAsync() > 0, $"{path} shows no figures.");
            await StepAsync(path.Replace('/', '-').Trim('-') + "-7-days");
        }

        // Revenue: the figures follow the range (one data row per day), the new payment is counted after a refresh.
        var revenue = await AnalyticsPage.OpenAsync(Page, "/analytics/revenue?g=day");
        await Page.Locator("[data-testid=analytics-refresh]").ClickAsync();
        await Expect(Page.Locator(".mud-snackbar", new() { HasText = "Rollups refreshed" })).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await revenue.WaitForFiguresAsync();
        await revenue.ShowDataAsync("revenue.daily");
        await Expect(revenue.DataRows("revenue.daily")).ToHaveCountAsync(30);
        await revenue.ChoosePresetAsync(7);
        await revenue.ShowDataAsync("revenue.daily");
        await Expect(revenue.DataRows("revenue.daily")).ToHaveCountAsync(7);
        await StepAsync("revenue-7-days");

        // The CSV of the revenue-by-product chart: a header, rows, and the formula-like SKU neutralised.
        var (fileName, csv) = await revenue.ExportCsvAsync("revenue.sku");
        Assert.Matches(@"^revenue\.sku-\d{8}-\d{8}\.csv$", fileName);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("label,key,", lines[0]);
        Assert.True(lines.Length > 1, "The export holds no rows:\n" + csv);
        Assert.Contains(lines, l => l.StartsWith("'" + sku + ",", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith(sku, StringComparison.Ordinal));

        var (dailyName, daily) = await revenue.ExportCsvAsync("revenue.daily");
        var dailyLines = daily.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("label,key,Net revenue (USD)", dailyLines[0]);
        Assert.Equal(1 + 7, dailyLines.Length);
        Assert.Contains(dailyLines, l => l.Contains("," + dayKey + ",", StringComparison.Ordinal));

        // Drill into the payment's day: the dialog lists that day's transactions, the new one among them.
        await revenue.DrillAsync("revenue.daily", dayKey);
        await Expect(revenue.DrillDialog).ToContainTextAsync($"Transactions {dayKey}");
        await Expect(revenue.DrillRows.Filter(new() { HasText = payment.TransactionId })).ToHaveCountAsync(1);
        var completedOrRefunded = await revenue.DrillRows.EvaluateAllAsync<string[]>(
            "rows => rows.map(r => Array.from(r.querySelectorAll('td')).slice(6, 8).map(td => td.innerText.trim()).join('|'))");
        Assert.NotEmpty(completedOrRefunded);
        Assert.All(completedOrRefunded, cells => Assert.Contains(dayKey, cells));
        await StepAsync("revenue-drill");
        await Page.Locator("[data-testid=drill-close]").ClickAsync();
        await Expect(revenue.DrillDialog).ToHaveCountAsync(0);

        // The same day from a click on its bar in the chart itself.
        await revenue.DrillOnChartAsync("revenue.daily", day.ToString("MM-dd"));
        await Expect(revenue.DrillDialog).ToContainTextAsync($"Transactions {dayKey}");
        await Expect(revenue.DrillRows.Filter(new() { HasText = payment.TransactionId })).ToHaveCountAsync(1);
        await StepAsync("revenue-drill-from-chart");
        await Page.Locator("[data-testid=drill-close]").ClickAsync();
        await Expect(revenue.DrillDialog).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Issue #17: every dashboard reads at a glance over the 90 days it offers: KPI tiles say "avg DAU" and "no data for the previous
    /// period" instead of a percentage against nothing, each chart names its unit, offers a PNG, and the page prints; screenshots for the README.
    /// </summary>
    [Fact]
    public async Task Manager_reads_units_and_honest_comparisons_on_every_dashboard_and_can_print_and_save_a_chart()
    {
        await new LoginPage(Page).SignInAsAsync("Manager");

        var overview = await AnalyticsPage.OpenAsync(Page, "/analytics?g=day");
        await Page.Locator("[data-testid=analytics-refresh]").ClickAsync();
        await Expect(Page.Locator(".mud-snackbar", new() { HasText = "Rollups refreshed" })).ToBeVisibleAsync(new() { Timeout = 120_000 });
        await overview.WaitForFiguresAsync();
        await Expect(Page.Locator("[data-testid=kpi-dau]")).ToContainTextAsync("Avg. DAU");
        await Expect(Page.Locator("[data-testid=analytics-print]")).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-testid^='kpi-'][data-testid$='-change']", new() { HasTextRegex = new Regex(@"\d{4,}\.\d %") })).ToHaveCountAsync(0);

        foreach (var path in Dashboards)
        {
            var dashboard = await AnalyticsPage.OpenAsync(Page, path + "?g=day");
            await dashboard.ChoosePresetAsync(90);
            foreach (var unit in await Page.Locator("[data-testid^='unit-']").AllAsync()) await Expect(unit).Not.ToBeEmptyAsync();
            await StepAsync(path.Replace('/', '-').Trim('-') + "-90-days");
            await DocsScreenshots.SaveAsync(Page, path.Replace('/', '-').Trim('-') + "-90-days");
            await Page.AssertAccessibleAsync(path + " over 90 days");
        }

        // Operations: performance figures over the whole range, the error rate in %, business figures never mixing units on one chart.
        await Expect(Page.Locator("[data-testid='unit-ops.perf:error_rate']")).ToHaveTextAsync("%");
        await Expect(Page.Locator("[data-testid='unit-ops.perf:latency_ms']")).ToHaveTextAsync("ms");
        await Expect(Page.Locator("[data-testid='unit-ops.business:rates']")).ToHaveTextAsync("%");
        await Expect(Page.Locator("[data-testid='chart-ops.business:players']")).Not.ToContainTextAsync("conversion_rate");

        // A chart as a PNG file.
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.Locator("[data-testid='png-ops.perf:latency_ms']").ClickAsync());
        Assert.EndsWith(".png", download.SuggestedFilename);
        Assert.StartsWith("ops.perf-latency_ms_", download.SuggestedFilename);
    }
}
