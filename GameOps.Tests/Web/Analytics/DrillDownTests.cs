using GameOps.Data;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Services.Analytics;
using Microsoft.Extensions.DependencyInjection;
using static GameOps.Tests.Web.Analytics.AnalyticsDataset;

namespace GameOps.Tests.Web.Analytics;

/// <summary>Drill-downs are declared with the charts (<see cref="ChartDefinition.Drill"/>, <see cref="DrillDowns"/>): every declared one works.</summary>
public sealed class DrillDownTests
{
    [Fact]
    public void Every_drill_down_is_offered_by_a_chart_and_every_chart_drills_into_a_declared_one()
    {
        var offered = ChartCatalog.All.Select(c => c.Drill).OfType<DrillDown>().Distinct().ToList();
        Assert.Equal(DrillDowns.All.OrderBy(d => d.Key), offered.OrderBy(d => d.Key));
        Assert.All(offered, d => Assert.Same(d, DrillDowns.Find(d.Key)));
        Assert.Equal(DrillDowns.All.Count, DrillDowns.All.Select(d => d.Key).Distinct().Count());
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Every_declared_drill_down_lists_the_rows_behind_its_charts_points(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        await SeedAsync(db);
        await Rollups(db).RefreshAsync(Today, ct);
        await using var services = AnalyticsDataset.Services(db);
        var analytics = services.GetRequiredService<AnalyticsService>();
        var rowsPerDrill = DrillDowns.All.ToDictionary(d => d.Key, _ => 0);

        foreach (var definition in ChartCatalog.All.Where(c => c.Drill is not null))
        {
            var chart = await analytics.ChartAsync(definition.Key, Week, Granularity.Day, ct);
            Assert.Equal(definition.Drill!.Key, chart.Drill); // the chart says what its points open
            foreach (var key in chart.Keys)
            {
                var table = await analytics.DrillAsync(chart.Drill!, key, Granularity.Day, Week, ct);
                if (definition.Drill.LinksToPlayer)
                {
                    Assert.True(Guid.TryParse(key, out _), $"{definition.Key}: point '{key}' should be a player id");
                    Assert.Null(table);
                    rowsPerDrill[definition.Drill.Key]++;
                    continue;
                }
                Assert.NotNull(table);
                Assert.NotEmpty(table.Columns);
                Assert.All(table.Rows, r => Assert.Equal(table.Columns.Count, r.Cells.Count));
                rowsPerDrill[definition.Drill.Key] += table.Rows.Count;
            }
        }
        // The dataset has payments, sign-ups, sessions, reports and spenders in the week: each drill-down found some.
        Assert.All(rowsPerDrill, pair => Assert.True(pair.Value > 0, $"drill-down '{pair.Key}' listed no row"));
        Assert.Null(await analytics.DrillAsync("no_such_drill", "2026-03-02", Granularity.Day, Week, ct));
    }
}
