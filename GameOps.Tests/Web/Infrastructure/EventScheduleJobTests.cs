using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Infrastructure.Jobs;
using GameOps.Web.Services.LiveOps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Infrastructure;

/// <summary>Issue 16: the job that advances recurring schedules uses the editor's rule, so no run is stored outside the event.</summary>
public sealed class EventScheduleJobTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_schedule_is_not_advanced_past_the_end_of_its_event(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var now = new DateTime(2026, 12, 3, 10, 30, 0, DateTimeKind.Utc);
        var ev = new GameEvent
        {
            Id = Guid.NewGuid(), EventId = "evt_" + Guid.NewGuid().ToString("N")[..8], Name = "Short festival", EventType = "seasonal", Status = "active",
            StartTime = now.AddHours(-2), EndTime = now.AddMinutes(45), CreatedAt = now.AddDays(-1), UpdatedAt = now.AddDays(-1),
        };
        var daily = new EventSchedule
        {
            Id = Guid.NewGuid(), EventId = ev.Id, ScheduleType = ScheduleDraft.Recurring, CronExpression = "0 10 * * *", TimeZone = "UTC",
            DurationMinutes = 30, NextRun = now.AddMinutes(-30), IsActive = true, CreatedAt = now.AddDays(-1), UpdatedAt = now.AddDays(-1),
        };
        var hourly = new EventSchedule
        {
            Id = Guid.NewGuid(), EventId = ev.Id, ScheduleType = ScheduleDraft.Recurring, CronExpression = "0 * * * *", TimeZone = "UTC",
            DurationMinutes = 10, NextRun = now.AddMinutes(-30), IsActive = true, CreatedAt = now.AddDays(-1), UpdatedAt = now.AddDays(-1),
        };
        await using (var add = db.CreateContext())
        {
            add.Events.Add(ev);
            add.EventSchedules.AddRange(daily, hourly);
            await add.SaveChangesAsync(Ct);
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGameOpsWebData(db);
        await using var sp = services.BuildServiceProvider();
        Assert.Equal(2, await EventScheduleJob.AdvanceSchedulesAsync(sp.GetRequiredService<IDbContextFactory<GameOpsDbContext>>(), now, Ct));

        await using var check = db.CreateContext();
        var rows = await check.EventSchedules.AsNoTracking().ToDictionaryAsync(s => s.Id, Ct);
        // Tomorrow's 10:00 lies after the event's end: nothing is stored, rather than a run the event will never have.
        Assert.Null(rows[daily.Id].NextRun);
        Assert.Equal(now.AddMinutes(-30), rows[daily.Id].LastRun);
        // 11:00 still starts inside the event (it ends 11:15).
        Assert.Equal(new DateTime(2026, 12, 3, 11, 0, 0, DateTimeKind.Utc), rows[hourly.Id].NextRun);
    }
}
