using GameOps.Web.Services.Analytics;

namespace GameOps.Tests.Web.Analytics;

/// <summary>The chart registry: every chart a page lists is defined once, with one unit; business and performance figures never share an axis across units.</summary>
public sealed class ChartCatalogTests
{
    [Fact]
    public void Every_page_chart_resolves_to_one_definition_with_a_unit()
    {
        foreach (var key in ChartCatalog.Pages.Values.SelectMany(k => k))
        {
            var definition = ChartCatalog.Find(key);
            Assert.NotNull(definition);
            Assert.False(string.IsNullOrEmpty(definition.UnitFor(key).AxisTitle), key);
        }
        Assert.Equal(ChartCatalog.All.Count, ChartCatalog.All.Select(d => d.Key).Distinct().Count());
        Assert.Null(ChartCatalog.Find("players.nothing"));
        Assert.Null(ChartCatalog.Find("ops.perf:"));
    }

    [Fact]
    public void Performance_charts_take_the_unit_of_their_metric()
    {
        Assert.Equal(ChartUnit.Milliseconds, ChartCatalog.Find("ops.perf:latency_ms")!.UnitFor("ops.perf:latency_ms"));
        Assert.Equal(ChartUnit.Percent, ChartCatalog.Find("ops.perf:error_rate")!.UnitFor("ops.perf:error_rate"));
        Assert.Equal(ChartUnit.PerMinute, ChartCatalog.Find("ops.perf:requests_per_minute")!.UnitFor("ops.perf:requests_per_minute"));
    }

    [Fact]
    public void Business_metrics_are_named_for_people_and_grouped_one_unit_per_chart()
    {
        Assert.Equal("Conversion", BusinessMetrics.Describe("conversion_rate").Title);
        Assert.Equal("ARPDAU", BusinessMetrics.Describe("arpdau_usd").Title);
        Assert.NotEqual(BusinessMetrics.GroupOf("dau"), BusinessMetrics.GroupOf("conversion_rate"));
        Assert.NotEqual(BusinessMetrics.GroupOf("dau"), BusinessMetrics.GroupOf("arpdau_usd"));
        Assert.NotEqual(BusinessMetrics.GroupOf("revenue_usd"), BusinessMetrics.GroupOf("arpdau_usd"));
        Assert.Equal("Requests per minute", BusinessMetrics.Humanize("requests_per_minute"));
        Assert.Equal("Latency (ms)", BusinessMetrics.Humanize("latency_ms"));
        Assert.Equal(ChartUnit.Percent, ChartCatalog.Find("ops.business:rates")!.Unit);
    }

    [Fact]
    public void Units_show_values_with_their_sign()
    {
        Assert.Equal("$1,234.50", ChartUnit.Usd.Show(1234.5));
        Assert.Equal("3.25 %", ChartUnit.Percent.Show(3.25));
        Assert.Equal("120 ms", ChartUnit.Milliseconds.Show(120));
        Assert.Equal("—", ChartUnit.Players.Show(null));
        Assert.Equal("$12k", ChartUnit.Usd.Axis(12_000));
    }
}
