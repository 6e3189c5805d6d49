using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Services.Analytics;
using Microsoft.EntityFrameworkCore;
using static GameOps.Tests.Web.Analytics.AnalyticsDataset;

namespace GameOps.Tests.Web.Analytics;

public sealed class RollupTests
{
    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Refresh_is_idempotent_and_equals_the_direct_computation(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        await SeedAsync(db);
        var rollups = Rollups(db);
        var first = await rollups.RefreshAsync(Today, ct);
        Assert.True(first.Days >= 20); // from dave's signup (02-20) to today
        var once = await SnapshotAsync(db);
        await rollups.RefreshAsync(Today, ct);
        await rollups.RecomputeRangeAsync(Day(1), Today.AddDays(1), Today, ct);
        Assert.Equal(once, await SnapshotAsync(db));

        // The rollups equal a direct computation of the same days on raw rows.
        await using var context = db.CreateContext();
        var direct = (await RollupService.ComputeDaysAsync(context, new DateTime(2026, 2, 20, 0, 0, 0, DateTimeKind.Utc), Today.AddDays(1), ct))
            .Concat(await RollupService.ComputeRetentionAsync(context, new DateTime(2026, 2, 20, 0, 0, 0, DateTimeKind.Utc), Today.AddDays(1), Today, ct))
            .Select(r => $"{r.MetricName}|{r.Day:yyyy-MM-dd}|{r.Dimension}|{r.Value:0.####}|{r.Count}").Order().ToList();
        Assert.Equal(direct, once);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Refresh_picks_up_late_rows_in_the_recent_days_and_days_never_rolled_up(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        await SeedAsync(db);
        var rollups = Rollups(db, recomputeDays: 2);
        await rollups.RefreshAsync(Day(5), ct); // "today" is 03-05

        await using (var context = db.CreateContext())
        {
            // A late session today and a new one on an old day, whose rollup stays as it was (it is marked done).
            context.SessionData.AddRange(
                new SessionData { Id = Guid.NewGuid(), UserId = B, SessionId = "late", StartTime = Day(5, 13), Duration = 10, CreatedAt = Day(5, 13) },
                new SessionData { Id = Guid.NewGuid(), UserId = B, SessionId = "old", StartTime = Day(1, 13), Duration = 10, CreatedAt = Day(1, 13) });
            await context.SaveChangesAsync(ct);
        }
        await rollups.RefreshAsync(Day(7), ct); // 03-06 and 03-07 were never rolled up; 03-05 is not recent anymore but still partial…
        await using (var context = db.CreateContext())
        {
            long Count(DateTime day) => context.MetricRollups.Where(r => r.MetricName == RollupService.ActiveUsers && r.Day == day).Select(r => r.Count).FirstOrDefault();
            Assert.Equal(1, Count(Day(1))); // old day: not recomputed
            Assert.Equal(1, Count(Day(5))); // recent window of 2 days before 03-07 is 03-06, 03-07
            Assert.True(context.MetricRollups.Any(r => r.MetricName == RollupService.DoneMarker && r.Day == Day(7)));
        }
        await rollups.RecomputeRangeAsync(Day(1), Day(8), Day(7), ct);
        await using (var context = db.CreateContext())
        {
            long Count(DateTime day) => context.MetricRollups.Where(r => r.MetricName == RollupService.ActiveUsers && r.Day == day).Select(r => r.Count).FirstOrDefault();
            Assert.Equal(2, Count(Day(1)));
            Assert.Equal(2, Count(Day(5)));
        }
    }
}
