using GameOps.Web.Security;
using Bunit;
using GameOps.Data;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Components.Pages.Analytics;
using GameOps.Web.Services.Analytics;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using static GameOps.Tests.Web.Analytics.AnalyticsDataset;

namespace GameOps.Tests.Web.Analytics;

/// <summary>A click on a chart point (reported by the card's script as the point's index) opens the rows behind that point.</summary>
public sealed class ChartCardTests
{
    [Fact]
    public async Task A_click_on_a_point_drills_down_to_that_point_and_a_spender_bar_opens_the_player()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await SeedAsync(db);
        await Rollups(db).RefreshAsync(Today, ct);
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddLogging();
        ctx.Services.AddGameOpsWebData(db);
        ctx.Services.AddScoped<AnalyticsService>();
        var dialogs = ctx.Render<MudDialogProvider>();
        ctx.Render<MudPopoverProvider>();
        ctx.Services.GetRequiredService<CurrentStaff>().Use(WebServices.Staff(StaffRoles.Manager)); // the service demands AnalyticsRead
        var analytics = ctx.Services.GetRequiredService<AnalyticsService>();

        var revenue = await analytics.ChartAsync("revenue.daily", Week, Granularity.Day, ct);
        var card = ctx.Render<ChartCard>(p => p.Add(c => c.Table, revenue).Add(c => c.Range, Week).Add(c => c.Granularity, Granularity.Day).Add(c => c.Type, ChartType.Bar));
        Assert.Contains("Click a point or a bar", card.Markup);
        await card.InvokeAsync(() => card.Instance.DrillAtAsync(1)); // the second day: 03-02
        dialogs.WaitForAssertion(() => Assert.Contains("Transactions 2026-03-02", dialogs.Markup));
        Assert.Equal(2, dialogs.FindAll("tbody tr").Count); // bob's purchase, carol's purchase and chargeback

        await card.InvokeAsync(() => card.Instance.DrillAtAsync(99)); // beyond the points: nothing happens
        var spenders = await analytics.ChartAsync("revenue.spenders", Week, Granularity.Day, ct);
        var bars = ctx.Render<ChartCard>(p => p.Add(c => c.Table, spenders).Add(c => c.Range, Week).Add(c => c.Type, ChartType.Bar));
        await bars.InvokeAsync(() => bars.Instance.DrillAtAsync(0));
        Assert.EndsWith($"/players/{A}", ctx.Services.GetRequiredService<NavigationManager>().Uri);
    }
}

/// <summary>The value axis fits the data: small values fill the chart rather than lying flat on MudChart's default 0–20 axis.</summary>
public sealed class ChartAxisTests
{
    static ChartTable Table(params double?[] values) =>
        new("test", "Test", MetricCatalog.ReportsOpened, values.Select((_, i) => i.ToString()).ToList(), values.Select((_, i) => i.ToString()).ToList(), [new("s", values)]);

    [Theory]
    [InlineData(0.4, 1)]      // an error rate under 1 %: the finest step MudChart accepts
    [InlineData(3, 1)]        // a few reports a day
    [InlineData(18, 5)]       // not 20: four ticks to 20, the data's top in the upper part
    [InlineData(480, 100)]    // latency in ms
    [InlineData(12_500, 5000)]
    public void The_step_gives_about_five_ticks_over_the_data(double max, int step)
    {
        Assert.Equal(step, ChartCard.YAxisStep(Table(0, max / 2, max, null)));
    }

    [Fact]
    public void An_empty_chart_keeps_a_step_of_one() => Assert.Equal(1, ChartCard.YAxisStep(Table(null, null)));
}
