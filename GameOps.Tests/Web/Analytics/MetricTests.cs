using GameOps.Data;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Services.Analytics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GameOps.Tests.Web.Analytics.AnalyticsDataset;

namespace GameOps.Tests.Web.Analytics;

/// <summary>Each figure on <see cref="AnalyticsDataset"/>, whose answers are worked out by hand, on both providers.</summary>
public sealed class MetricTests
{
    static async Task<(TestDatabase Db, AnalyticsService Analytics, ServiceProvider Services)> ArrangeAsync(DatabaseProvider provider)
    {
        var db = await TestDatabases.CreateMigratedAsync(provider);
        await SeedAsync(db);
        await Rollups(db).RefreshAsync(Today, TestContext.Current.CancellationToken);
        var services = AnalyticsDataset.Services(db);
        return (db, services.GetRequiredService<AnalyticsService>(), services);
    }

    static double? Of(IReadOnlyList<Kpi> kpis, MetricDefinition m) => kpis.Single(k => k.Metric == m).Value;

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Overview_tiles_match_the_hand_computed_figures(DatabaseProvider provider)
    {
        var (db, analytics, services) = await ArrangeAsync(provider);
        await using var _ = db;
        await using var __ = services;
        var kpis = await analytics.OverviewAsync(Week, TestContext.Current.CancellationToken);

        Assert.Equal(1.0, Of(kpis, MetricCatalog.Dau)); // daily 1, 3, 0, 0, 1 → 5 / 5 days
        Assert.Equal(4, Of(kpis, MetricCatalog.Wau)); // 02-28…03-05: alice, bob, carol, dave
        Assert.Equal(4, Of(kpis, MetricCatalog.Mau));
        Assert.Equal(0.25, Of(kpis, MetricCatalog.Stickiness));
        Assert.Equal(3, Of(kpis, MetricCatalog.NewPlayers)); // dave signed up in February
        Assert.Equal(10, Of(kpis, MetricCatalog.Revenue)); // gross 10 + 5 + 20 − refunds 20 (03-02) − 5 (03-04); pending and failed ignored
        Assert.Equal(3, Of(kpis, MetricCatalog.PayingPlayers));
        Assert.Equal(0.75, Of(kpis, MetricCatalog.Conversion)); // 3 paying of 4 active
        Assert.Equal(2, Of(kpis, MetricCatalog.Arpdau)); // 10 / 5 user-days
        Assert.Equal(3.3333, Of(kpis, MetricCatalog.Arppu)); // 10 / 3
        Assert.Equal(2880.0 / 5, Of(kpis, MetricCatalog.AvgSessionLength)); // 600 + 1800 + 120 + 300 + 60 over 5 sessions with a duration
        Assert.Equal(2, Of(kpis, MetricCatalog.MatchesPlayed)); // the cancelled one does not count
        Assert.Equal(1, Of(kpis, MetricCatalog.OpenReports)); // the report of 03-02

        var previous = kpis.Single(k => k.Metric == MetricCatalog.OpenReports).Previous;
        Assert.Equal(1, previous); // at 03-01 00:00 the February report was still open
        Assert.Equal(0, kpis.Single(k => k.Metric == MetricCatalog.Revenue).Previous);
        Assert.Null(kpis.Single(k => k.Metric == MetricCatalog.Revenue).Change); // nothing to compare with
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_previous_period_that_starts_before_the_data_gives_no_change(DatabaseProvider provider)
    {
        var (db, analytics, services) = await ArrangeAsync(provider);
        await using var _ = db;
        await using var __ = services;
        var ct = TestContext.Current.CancellationToken;
        var range = new DayRange(Day(5), Day(9)); // the previous period is 02-28 … 03-04; matches, sessions and payments begin 03-01

        var kpis = await analytics.OverviewAsync(range, ct);
        var matches = kpis.Single(k => k.Metric == MetricCatalog.MatchesPlayed);
        Assert.Equal(2, matches.Previous);
        Assert.Equal(Day(1), matches.DataFrom);
        Assert.Null(matches.Change); // not "−100 %" against the first days there were matches at all
        Assert.All(kpis.Where(k => k.Metric == MetricCatalog.Dau || k.Metric == MetricCatalog.Revenue || k.Metric == MetricCatalog.Wau),
            k => Assert.Equal(Day(1), k.DataFrom));
        // Dave signed up on 02-20: sign-ups cover the whole previous period, so that change stands.
        var newPlayers = kpis.Single(k => k.Metric == MetricCatalog.NewPlayers);
        Assert.Null(newPlayers.DataFrom);
        Assert.Equal(-1, newPlayers.Change);
        Assert.Null(kpis.Single(k => k.Metric == MetricCatalog.OpenReports).DataFrom);

        Assert.All(await analytics.RevenueKpisAsync(range, ct), k => Assert.Equal(Day(1), k.DataFrom));
        // A range whose previous period is all after the first payment compares as before.
        Assert.All(await analytics.RevenueKpisAsync(new DayRange(Day(9), Day(10)), ct), k => Assert.Null(k.DataFrom));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Daily_series_count_midnight_sessions_on_their_start_day_and_keep_empty_days(DatabaseProvider provider)
    {
        var (db, analytics, services) = await ArrangeAsync(provider);
        await using var _ = db;
        await using var __ = services;
        var ct = TestContext.Current.CancellationToken;

        var growth = await analytics.ChartAsync("players.growth", Week, Granularity.Day, ct);
        Assert.Equal(["03-01", "03-02", "03-03", "03-04", "03-05"], growth.Labels);
        Assert.Equal([2, 1, 0, 0, 0], growth.Series[0].Values.Select(v => v ?? 0));
        Assert.Equal([1, 3, 0, 0, 1], growth.Series[1].Values.Select(v => v ?? 0));

        var weekly = await analytics.ChartAsync("players.growth", Week, Granularity.Week, ct);
        Assert.Equal(2, weekly.Labels.Count); // Sun 03-01 belongs to the week of Mon 02-23; 03-02…03-05 to the next
        Assert.Equal([1, 4], weekly.Series[1].Values.Select(v => v ?? 0)); // distinct per week, not a sum of days

        var revenue = await analytics.ChartAsync("revenue.daily", Week, Granularity.Day, ct);
        Assert.Equal([10, 5, 0, -5, 0], revenue.Series[0].Values.Select(v => v ?? 0));
        Assert.Equal([0, 20, 0, 5, 0], revenue.Series[2].Values.Select(v => v ?? 0));

        var sessions = await analytics.ChartAsync("engagement.sessions", Week, Granularity.Day, ct);
        Assert.Equal([2, 3, 0, 0, 1], sessions.Series[0].Values.Select(v => v ?? 0));

        var hours = await analytics.ChartAsync("engagement.hours", Week, Granularity.Day, ct);
        Assert.Equal(1, hours.Series.Single(s => s.Name == "Sun").Values[23]); // 03-01 was a Sunday
        Assert.Equal(1, hours.Series.Single(s => s.Name == "Mon").Values[0]);

        var sku = await analytics.ChartAsync("revenue.sku", Week, Granularity.Day, ct);
        Assert.Equal(["gems_100", "gems_50"], sku.Labels);
        Assert.Equal([10, 0], sku.Series[0].Values.Select(v => v ?? 0)); // 10 + 20 − 20; 5 − 5

        var spenders = await analytics.ChartAsync("revenue.spenders", Week, Granularity.Day, ct);
        Assert.Equal("alice", spenders.Labels[0]);
        Assert.Equal(A.ToString(), spenders.Keys[0]);

        var moderation = await analytics.ChartAsync("ops.moderation", Week, Granularity.Day, ct);
        Assert.Equal([1, 1, 0, 0, 0], moderation.Series[0].Values.Select(v => v ?? 0));
        Assert.Equal([1, 0, 1, 0, 0], moderation.Series[1].Values.Select(v => v ?? 0));
        var (median, backlog) = await analytics.ModerationAsync(Week, ct);
        Assert.Equal(38, median); // median of 4 h and 72 h
        Assert.Equal(1, backlog);

        var revenueKpis = await analytics.RevenueKpisAsync(Week, ct);
        Assert.Equal(25.0 / 35, revenueKpis.Single(k => k.Metric == MetricCatalog.RefundRate).Value!.Value, 6);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Retention_counts_sessions_exactly_n_utc_days_after_signup_and_only_elapsed_days(DatabaseProvider provider)
    {
        var (db, analytics, services) = await ArrangeAsync(provider);
        await using var _ = db;
        await using var __ = services;
        var ct = TestContext.Current.CancellationToken;
        await using var context = db.CreateContext();
        var d1 = await context.MetricRollups.AsNoTracking().Where(r => r.MetricName == "retention_d1").OrderBy(r => r.Day).ToListAsync(ct);
        Assert.Equal([(2L, 2m), (1L, 0m)], d1.Where(r => r.Count > 0 && r.Day >= Day(1)).Select(r => (r.Count, r.Value))); // 03-01: alice + bob; 03-02: carol not back
        Assert.Empty(await context.MetricRollups.Where(r => r.MetricName == "retention_d14" && r.Day == Day(1)).ToListAsync(ct)); // 03-15 is not over

        var curve = await analytics.ChartAsync("retention.curve", Week, Granularity.Day, ct);
        Assert.Equal(2.0 / 3 * 100, curve.Series[0].Values[0]!.Value, 2); // D1: 2 of 3
        Assert.Null(curve.Series[0].Values[3]); // D14 not over for any cohort of the range

        var cohorts = await analytics.CohortsAsync(Week, ct);
        Assert.Equal([Day(1).AddDays(-6), Day(2)], cohorts.Select(c => c.Week));
        Assert.Equal(1.0, cohorts[0].Retention[1]);
        Assert.Equal(0.0, cohorts[1].Retention[1]);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Drill_down_lists_the_transactions_of_a_revenue_day(DatabaseProvider provider)
    {
        var (db, analytics, services) = await ArrangeAsync(provider);
        await using var _ = db;
        await using var __ = services;
        var drill = await analytics.DrillAsync("revenue", "2026-03-02", Granularity.Day, Week, TestContext.Current.CancellationToken);
        Assert.NotNull(drill);
        Assert.Equal(2, drill.Rows.Count); // bob's purchase and carol's purchase + chargeback; not the pending one
        Assert.All(drill.Rows, r => Assert.StartsWith("/players/", r.Link));
        var csv = AnalyticsWorkspace.ToCsv(await analytics.ChartAsync("revenue.daily", Week, Granularity.Day, TestContext.Current.CancellationToken));
        Assert.StartsWith("label,key,Net revenue (USD)", csv);
        Assert.Contains("03-04,2026-03-04,-5,0,5", csv);
        var hostile = AnalyticsWorkspace.ToCsv(new ChartTable("x", "x", MetricCatalog.Revenue, ["=HYPERLINK(1)"], ["@evil"], [new ChartSeriesData("+s", [-1])]));
        Assert.Equal(["label,key,'+s", "'=HYPERLINK(1),'@evil,-1"], hostile.Replace("\"", "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task The_same_figures_come_from_SQLite_and_PostgreSQL()
    {
        var ct = TestContext.Current.CancellationToken;
        var results = new List<List<string>>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            var (db, analytics, services) = await ArrangeAsync(provider);
            await using var _ = db;
            await using var __ = services;
            var figures = (await analytics.OverviewAsync(Week, ct)).Select(k => $"{k.Metric.Key}={k.Value}/{k.Previous}").ToList();
            foreach (var page in AnalyticsService.Pages.Values)
                foreach (var key in page)
                    foreach (var g in Enum.GetValues<Granularity>())
                    {
                        var t = await analytics.ChartAsync(key, Week, g, ct);
                        figures.Add($"{key}/{g}: {string.Join(";", t.Labels)} {string.Join(";", t.Series.Select(s => s.Name + "=" + string.Join(",", s.Values)))}");
                    }
            figures.AddRange((await SnapshotAsync(db)).Select(s => s.Split('|') is var p ? string.Join("|", p[0], p[1], p[2], p[3], p[4]) : s));
            results.Add(figures);
        }
        Assert.Equal(results[0], results[1]);
    }
}
