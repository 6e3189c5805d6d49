using Bunit;
using GameOps.Web.Components.Pages.Analytics;
using GameOps.Web.Services.Analytics;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace GameOps.Tests.Web.Analytics;

public sealed class KpiTileTests
{
    [Fact]
    public async Task Tile_shows_the_value_the_change_against_the_previous_period_and_the_definition()
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Render<MudPopoverProvider>();

        var tile = ctx.Render<KpiTile>(p => p.Add(t => t.Kpi, new Kpi(MetricCatalog.Arppu, 12.5, 10)));
        Assert.Equal("$12.50", tile.Find("[data-testid=kpi-arppu-value]").TextContent.Trim());
        var change = tile.Find("[data-testid=kpi-arppu-change]").TextContent;
        Assert.Contains("+25.0 %", change);
        Assert.Contains("$10.00", change);
        Assert.Contains("mud-success-text", tile.Find("[data-testid=kpi-arppu-change]").ClassName);
        Assert.Contains("What ARPPU counts", tile.Markup);
        // The definition shows on hover as the icon's own title; no tooltip popover per tile (each was registered at first render).
        Assert.Equal(MetricCatalog.Arppu.Definition, tile.Find("[data-testid=kpi-arppu-definition] title").TextContent);
        Assert.Empty(tile.FindAll(".mud-tooltip-root"));

        var reports = ctx.Render<KpiTile>(p => p.Add(t => t.Kpi, new Kpi(MetricCatalog.OpenReports, 12, 10)));
        Assert.Contains("mud-error-text", reports.Find("[data-testid=kpi-open_reports-change]").ClassName); // more open reports is bad news

        var empty = ctx.Render<KpiTile>(p => p.Add(t => t.Kpi, new Kpi(MetricCatalog.Conversion, null, 0)));
        Assert.Equal("—", empty.Find("[data-testid=kpi-conversion-value]").TextContent.Trim());
    }

    [Fact]
    public async Task A_missing_or_zero_previous_period_is_said_in_words_not_as_a_percentage()
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Render<MudPopoverProvider>();

        var reports = ctx.Render<KpiTile>(p => p.Add(t => t.Kpi, new Kpi(MetricCatalog.OpenReports, 46, 0)));
        Assert.Equal("no data for the previous period", reports.Find("[data-testid=kpi-open_reports-change]").TextContent.Trim());

        var matches = ctx.Render<KpiTile>(p => p.Add(t => t.Kpi, new Kpi(MetricCatalog.MatchesPlayed, 19202, null)));
        var text = matches.Find("[data-testid=kpi-matches-change]").TextContent;
        Assert.Contains("no data for the previous period", text);
        Assert.DoesNotContain("%", text);

        var dau = ctx.Render<KpiTile>(p => p.Add(t => t.Kpi, new Kpi(MetricCatalog.Dau, 106.6, 100)));
        Assert.Contains("Avg. DAU", dau.Markup);
    }

    [Fact]
    public async Task A_previous_period_the_data_only_partly_covers_gives_its_figure_and_no_percentage()
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Render<MudPopoverProvider>();

        // Matches began on the last day of the previous period: 36 against its 2 would read "+1700.0 %".
        var matches = ctx.Render<KpiTile>(p => p.Add(t => t.Kpi, new Kpi(MetricCatalog.MatchesPlayed, 36, 2) { DataFrom = new DateTime(2026, 11, 2) }));
        var change = matches.Find("[data-testid=kpi-matches-change]");
        Assert.Equal("previous period incomplete (data from 2026-11-02): 2", change.TextContent.Trim());
        Assert.DoesNotContain("%", change.TextContent);
        Assert.DoesNotContain("mud-success-text", change.ClassName ?? "");
    }

    [Fact]
    public void Every_figure_has_a_definition_and_a_unique_key()
    {
        Assert.All(MetricCatalog.All, m => Assert.True(m.Definition.Length > 20, m.Key));
        Assert.Equal(MetricCatalog.All.Count, MetricCatalog.All.Select(m => m.Key).Distinct().Count());
    }
}
