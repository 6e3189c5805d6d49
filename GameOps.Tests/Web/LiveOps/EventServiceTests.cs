using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Security;
using GameOps.Web.Services.LiveOps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.LiveOps;

/// <summary>The event lifecycle guards, rewards and schedules of closed events, cancellation reasons and clone, on both providers.</summary>
public sealed class EventServiceTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static readonly string[] Statuses = [EventLifecycle.Draft, EventLifecycle.Scheduled, EventLifecycle.Active, EventLifecycle.Ended, EventLifecycle.Cancelled];

    static async Task<Dictionary<string, GameEvent>> OneEventPerStatusAsync(TestDatabase database)
    {
        var start = DateTime.UtcNow.AddDays(3);
        var events = Statuses.ToDictionary(s => s, s => LiveOpsArrange.NewEvent("evt_" + s, s, s is "ended" ? DateTime.UtcNow.AddDays(-10) : start));
        await using var db = database.CreateContext();
        db.Events.AddRange(events.Values);
        await db.SaveChangesAsync(Ct);
        return events;
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Every_illegal_transition_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        await using var session = await LiveOpsSession.StartAsync(provider);
        var (database, world, service) = (session.Database, session.World, session.Events);
        var events = await OneEventPerStatusAsync(database);
        var refused = 0;
        foreach (var from in Statuses)
            foreach (var to in Statuses.Where(to => !EventLifecycle.CanMove(from, to)))
            {
                var result = await service.TransitionAsync(events[from].Id, to, "a reason", Ct);
                Assert.False(result.Ok, $"{from} → {to} was allowed");
                refused++;
            }
        Assert.Equal(25 - 7, refused); // 7 legal moves: draft→scheduled|cancelled, scheduled→active|draft|cancelled, active→ended|cancelled
        await using var check = database.CreateContext();
        foreach (var (status, ev) in events)
            Assert.Equal(status, await check.Events.Where(e => e.Id == ev.Id).Select(e => e.Status).SingleAsync(Ct));
        Assert.Empty(await check.StaffAuditLogs.Where(a => a.EntityType == "events").ToListAsync(Ct));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Legal_transitions_walk_the_lifecycle_and_are_audited(DatabaseProvider provider)
    {
        await using var session = await LiveOpsSession.StartAsync(provider);
        var (database, world, service) = (session.Database, session.World, session.Events);
        var events = await OneEventPerStatusAsync(database);
        var id = events["draft"].Id;
        Assert.True((await service.TransitionAsync(id, EventLifecycle.Scheduled, ct: Ct)).Ok);
        Assert.True((await service.TransitionAsync(id, EventLifecycle.Active, ct: Ct)).Ok);
        Assert.True((await service.TransitionAsync(id, EventLifecycle.Ended, ct: Ct)).Ok);
        await using var check = database.CreateContext();
        var ended = await check.Events.SingleAsync(e => e.Id == id, Ct);
        Assert.Equal(EventLifecycle.Ended, ended.Status);
        Assert.True(ended.EndTime <= DateTime.UtcNow);
        Assert.Equal(3, await check.StaffAuditLogs.CountAsync(a => a.EntityType == "events" && a.EntityKey == id.ToString(), Ct));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Rewards_and_schedules_of_an_ended_or_cancelled_event_cannot_change(DatabaseProvider provider)
    {
        await using var session = await LiveOpsSession.StartAsync(provider);
        var (database, world, service) = (session.Database, session.World, session.Events);
        var events = await OneEventPerStatusAsync(database);
        await using (var db = database.CreateContext())
        {
            db.EventRewards.Add(new EventReward { Id = Guid.NewGuid(), EventId = events["ended"].Id, ItemId = world.Sword.Id, Quantity = 1, ConditionType = "participation" });
            await db.SaveChangesAsync(Ct);
        }
        foreach (var closed in new[] { "ended", "cancelled" })
        {
            var rewards = await service.SaveRewardsAsync(events[closed].Id, [new RewardDraft { ItemKey = "it_potion", Quantity = 5, ConditionType = "completion" }], null, Ct);
            Assert.False(rewards.Ok);
            Assert.Contains($"is {closed}", rewards.Message);
            var schedule = await service.SaveScheduleAsync(events[closed].Id, new ScheduleDraft { CronExpression = "0 18 * * 6", TimeZone = "Europe/Paris", DurationMinutes = 60 }, null, Ct);
            Assert.False(schedule.Ok);
            Assert.Contains($"is {closed}", schedule.Message);
        }
        await using var check = database.CreateContext();
        var kept = await check.EventRewards.Where(r => r.EventId == events["ended"].Id).SingleAsync(Ct);
        Assert.Equal((world.Sword.Id, 1, "participation"), (kept.ItemId, kept.Quantity, kept.ConditionType));
        Assert.Equal(0, await check.EventRewards.CountAsync(r => r.EventId == events["cancelled"].Id, Ct));
        Assert.Equal(0, await check.EventSchedules.CountAsync(Ct));

        // The same calls on an open event work.
        var ok = await service.SaveRewardsAsync(events["draft"].Id,
            [new RewardDraft { ItemKey = "it_frost_sword", Quantity = 1, ConditionType = "rank", RankMin = 1, RankMax = 3 }, new RewardDraft { ItemKey = "it_potion", Quantity = 5, ConditionType = "score_threshold", ScoreThreshold = 500 }], null, Ct);
        Assert.True(ok.Ok, ok.Message);
        Assert.Equal(2, (await service.RewardsAsync(events["draft"].Id, Ct)).Count);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Invalid_rewards_and_schedules_are_refused_with_a_message(DatabaseProvider provider)
    {
        await using var session = await LiveOpsSession.StartAsync(provider);
        var (database, world, service) = (session.Database, session.World, session.Events);
        var events = await OneEventPerStatusAsync(database);
        var id = events["draft"].Id;
        Assert.Contains("no item", (await service.SaveRewardsAsync(id, [new RewardDraft { ItemKey = "it_nope", Quantity = 1 }], null, Ct)).Message);
        Assert.Contains("last rank", (await service.SaveRewardsAsync(id, [new RewardDraft { ItemKey = "it_potion", ConditionType = "rank", RankMin = 5, RankMax = 2 }], null, Ct)).Message);
        var bad = await service.SaveScheduleAsync(id, new ScheduleDraft { CronExpression = "61 * * * *", TimeZone = "Mars/Base", DurationMinutes = 60 }, null, Ct);
        Assert.False(bad.Ok);
        Assert.Equal([nameof(ScheduleDraft.CronExpression), nameof(ScheduleDraft.TimeZone)], bad.Issues!.Select(i => i.Field));
        // The draft event lasts 3 hours: a weekly rule only fits once it runs for two weeks.
        await using (var db = database.CreateContext())
            await db.Events.Where(e => e.Id == id).ExecuteUpdateAsync(u => u.SetProperty(e => e.EndTime, e => e.StartTime!.Value.AddDays(14)), Ct);
        var good = await service.SaveScheduleAsync(id, new ScheduleDraft { CronExpression = "0 18 * * 6", TimeZone = "Europe/Paris", DurationMinutes = 120 }, null, Ct);
        Assert.True(good.Ok, good.Message);
        await using var check = database.CreateContext();
        var saved = await check.EventSchedules.SingleAsync(Ct);
        var window = await check.Events.Where(e => e.Id == id).Select(e => new { e.StartTime, e.EndTime }).SingleAsync(Ct);
        Assert.Equal(EventScheduling.NextRun(new ScheduleDraft { CronExpression = "0 18 * * 6", TimeZone = "Europe/Paris", DurationMinutes = 120 }.ForEvent(window.StartTime, window.EndTime), DateTime.UtcNow), saved.NextRun);
        Assert.Equal(DayOfWeek.Saturday, saved.NextRun!.Value.DayOfWeek);
        Assert.Equal(0, await check.EventRewards.CountAsync(Ct));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Cancelling_needs_a_reason_that_lands_in_the_audit_trail(DatabaseProvider provider)
    {
        await using var session = await LiveOpsSession.StartAsync(provider);
        var (database, world, service) = (session.Database, session.World, session.Events);
        var events = await OneEventPerStatusAsync(database);
        var id = events["scheduled"].Id;
        var noReason = await service.TransitionAsync(id, EventLifecycle.Cancelled, "  ", Ct);
        Assert.False(noReason.Ok);
        Assert.Contains("reason", noReason.Message);
        Assert.True((await service.TransitionAsync(id, EventLifecycle.Cancelled, "Servers need maintenance that evening", Ct)).Ok);

        await using var check = database.CreateContext();
        var cancelled = await check.Events.SingleAsync(e => e.Id == id, Ct);
        Assert.Equal(EventLifecycle.Cancelled, cancelled.Status);
        Assert.Equal("Servers need maintenance that evening", EventService.CancellationReason(cancelled.Settings));
        var audit = await check.StaffAuditLogs.SingleAsync(a => a.EntityType == "events" && a.EntityKey == id.ToString(), Ct);
        Assert.Equal((world.LiveOps.Id, "update"), (audit.StaffUserId!.Value, audit.Action));
        Assert.Contains("Servers need maintenance that evening", audit.Changes);
        Assert.Contains("cancelled", audit.Changes);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Readers_are_refused_by_the_service_itself(DatabaseProvider provider)
    {
        await using var session = await LiveOpsSession.StartAsync(provider, StaffRoles.Manager);
        var (database, service) = (session.Database, session.Events);
        var events = await OneEventPerStatusAsync(database);
        Assert.False((await service.TransitionAsync(events["draft"].Id, EventLifecycle.Scheduled, ct: Ct)).Ok);
        Assert.False((await service.CloneAsync(events["draft"].Id, Ct)).Ok);
        Assert.False((await service.SaveRewardsAsync(events["draft"].Id, [], null, Ct)).Ok);
        Assert.False((await session.Broadcasts.CreateAsync(new BroadcastDraft { Title = "t", Message = "m" }, Ct)).Ok);
        await using var check = database.CreateContext();
        Assert.Equal(5, await check.Events.CountAsync(Ct));
        Assert.Equal(0, await check.Broadcasts.CountAsync(Ct));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Clone_copies_rewards_and_schedules_as_a_future_draft(DatabaseProvider provider)
    {
        await using var session = await LiveOpsSession.StartAsync(provider);
        var (database, world, service) = (session.Database, session.World, session.Events);
        var lastMonth = LiveOpsArrange.NewEvent("saturday_siege", EventLifecycle.Ended, DateTime.UtcNow.Date.AddDays(-33).AddHours(17));
        await using (var db = database.CreateContext())
        {
            db.Events.Add(lastMonth);
            db.EventRewards.Add(new EventReward { Id = Guid.NewGuid(), EventId = lastMonth.Id, ItemId = world.Sword.Id, Quantity = 2, ConditionType = "rank", RankMin = 1, RankMax = 1 });
            db.EventSchedules.Add(new EventSchedule { Id = Guid.NewGuid(), EventId = lastMonth.Id, ScheduleType = "one_off", TimeZone = "UTC", WindowStart = lastMonth.StartTime, WindowEnd = lastMonth.EndTime, IsActive = false });
            await db.SaveChangesAsync(Ct);
        }
        var first = await service.CloneAsync(lastMonth.Id, Ct);
        var second = await service.CloneAsync(lastMonth.Id, Ct);
        Assert.True(first.Ok && second.Ok);

        await using var check = database.CreateContext();
        var copy = await check.Events.SingleAsync(e => e.Id == first.Id, Ct);
        Assert.Equal(("saturday_siege_copy", EventLifecycle.Draft, 0), (copy.EventId, copy.Status, copy.CurrentParticipants));
        Assert.Equal("saturday_siege_copy2", (await check.Events.SingleAsync(e => e.Id == second.Id, Ct)).EventId);
        Assert.True(copy.StartTime > DateTime.UtcNow && copy.StartTime < DateTime.UtcNow.AddDays(8));
        Assert.Equal(lastMonth.StartTime!.Value.DayOfWeek, copy.StartTime!.Value.DayOfWeek);
        Assert.Equal(lastMonth.StartTime.Value.TimeOfDay, copy.StartTime.Value.TimeOfDay);
        var reward = await check.EventRewards.SingleAsync(r => r.EventId == copy.Id, Ct);
        Assert.Equal((world.Sword.Id, 2, "rank", 1), (reward.ItemId, reward.Quantity, reward.ConditionType, reward.RankMin!.Value));
        var schedule = await check.EventSchedules.SingleAsync(s => s.EventId == copy.Id, Ct);
        Assert.Equal((copy.StartTime, copy.EndTime, true), (schedule.WindowStart, schedule.WindowEnd, schedule.IsActive));
        Assert.Equal(copy.StartTime, schedule.NextRun);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Schedules_outside_the_event_are_refused_and_the_calendar_draws_the_runs_the_editor_lists(DatabaseProvider provider)
    {
        await using var session = await LiveOpsSession.StartAsync(provider);
        var (database, service) = (session.Database, session.Events);
        // A week-long event starting on a Sunday a few weeks ahead.
        var sunday = DateTime.UtcNow.Date.AddDays(21);
        while (sunday.DayOfWeek != DayOfWeek.Sunday) sunday = sunday.AddDays(1);
        var ev = LiveOpsArrange.NewEvent("evt_window", EventLifecycle.Scheduled, DateTime.SpecifyKind(sunday, DateTimeKind.Utc));
        ev.EndTime = ev.StartTime!.Value.AddDays(7);
        await using (var db = database.CreateContext())
        {
            db.Events.Add(ev);
            await db.SaveChangesAsync(Ct);
        }

        // The event's window cannot be widened from the form: the service reads it from the database.
        var tooEarly = new ScheduleDraft { ScheduleType = ScheduleDraft.OneOff, TimeZone = "UTC", WindowStart = ev.StartTime!.Value.AddDays(-1), WindowEnd = ev.StartTime.Value.AddHours(2), EventStart = DateTime.MinValue };
        var refused = await service.SaveScheduleAsync(ev.Id, tooEarly, null, Ct);
        Assert.False(refused.Ok);
        Assert.Equal(nameof(ScheduleDraft.WindowStart), Assert.Single(refused.Issues!).Field);

        var fridays = await service.SaveScheduleAsync(ev.Id, new ScheduleDraft { CronExpression = "0 19 * * 5", TimeZone = "America/New_York", DurationMinutes = 60 }, null, Ct);
        Assert.True(fridays.Ok, fridays.Message);
        var listed = Assert.Single(await service.SchedulesAsync(ev.Id, Ct));
        var next = EventScheduling.Next(listed, DateTime.UtcNow, 5);
        var friday = Assert.Single(next); // one Friday in the week, not weekly for ever
        Assert.Equal(DayOfWeek.Friday, TimeZoneInfo.ConvertTimeFromUtc(friday.StartUtc, EventScheduling.FindZone("America/New_York")!).DayOfWeek);

        var calendar = session.Scope.ServiceProvider.GetRequiredService<LiveOpsCalendar>();
        var drawn = (await calendar.LoadAsync(ev.StartTime.Value.AddDays(-30), ev.StartTime.Value.AddDays(60), ct: Ct)).Where(i => i.SourceId == ev.Id).ToList();
        Assert.Equal(next.Select(o => o.StartUtc), drawn.Select(i => i.StartUtc));

        await using var check = database.CreateContext();
        Assert.Equal(friday.StartUtc, (await check.EventSchedules.SingleAsync(s => s.EventId == ev.Id, Ct)).NextRun);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Two_editors_of_the_same_reward_tiers_get_a_conflict_not_a_lost_update(DatabaseProvider provider)
    {
        await using var session = await LiveOpsSession.StartAsync(provider);
        var (database, service) = (session.Database, session.Events);
        var id = (await OneEventPerStatusAsync(database))["draft"].Id;
        var initial = await service.SaveRewardsAsync(id, [new RewardDraft { ItemKey = "it_potion", Quantity = 5, ConditionType = "completion" }], null, Ct);
        Assert.True(initial.Ok, initial.Message);

        // Both open the editor; the first saves 10 potions, the second then saves 7 on top of what she saw.
        var first = await service.RewardsAsync(id, Ct);
        var second = await service.RewardsAsync(id, Ct);
        var secondSeen = second.Select(r => r.Copy()).ToList();
        var firstSeen = first.Select(r => r.Copy()).ToList();
        first[0].Quantity = 10;
        var firstSave = await service.SaveRewardsAsync(id, first, firstSeen, Ct);
        Assert.True(firstSave.Ok, firstSave.Message);
        second[0].Quantity = 7;
        var late = await service.SaveRewardsAsync(id, second, secondSeen, Ct);

        Assert.False(late.Ok);
        var difference = Assert.Single(late.Conflict!); // the dialog shows the tier as each of them has it
        Assert.Equal(("7 × it_potion for completion", "10 × it_potion for completion"), (difference.Mine, difference.Theirs));
        Assert.Equal(10, Assert.Single(await service.RewardsAsync(id, Ct)).Quantity); // the first save stands

        // Overwriting knowingly, with theirs as the base, wins.
        var overwrite = await service.SaveRewardsAsync(id, second, await service.RewardsAsync(id, Ct), Ct);
        Assert.True(overwrite.Ok, overwrite.Message);
        Assert.Equal(7, Assert.Single(await service.RewardsAsync(id, Ct)).Quantity);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_tier_added_by_someone_else_is_a_conflict_too(DatabaseProvider provider)
    {
        await using var session = await LiveOpsSession.StartAsync(provider);
        var (database, service) = (session.Database, session.Events);
        var id = (await OneEventPerStatusAsync(database))["draft"].Id;
        var seen = await service.RewardsAsync(id, Ct);
        Assert.True((await service.SaveRewardsAsync(id, [new RewardDraft { ItemKey = "it_potion", Quantity = 2, ConditionType = "participation" }], null, Ct)).Ok);

        var mine = new List<RewardDraft> { new() { ItemKey = "it_frost_sword", Quantity = 1, ConditionType = "rank", RankMin = 1 } };
        var late = await service.SaveRewardsAsync(id, mine, seen, Ct);

        Assert.False(late.Ok);
        Assert.Equal("(not in yours)", Assert.Single(late.Conflict!).Mine);
        Assert.Equal("it_potion", Assert.Single(await service.RewardsAsync(id, Ct)).ItemKey);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Two_editors_of_the_same_schedule_get_a_conflict_not_a_lost_update(DatabaseProvider provider)
    {
        await using var session = await LiveOpsSession.StartAsync(provider);
        var (database, service) = (session.Database, session.Events);
        var id = (await OneEventPerStatusAsync(database))["draft"].Id;
        await using (var db = database.CreateContext())
            await db.Events.Where(e => e.Id == id).ExecuteUpdateAsync(u => u.SetProperty(e => e.EndTime, e => e.StartTime!.Value.AddDays(28)), Ct);
        Assert.True((await service.SaveScheduleAsync(id, new ScheduleDraft { CronExpression = "0 18 * * 6", TimeZone = "Europe/Paris", DurationMinutes = 60 }, null, Ct)).Ok);
        var loaded = Assert.Single(await service.SchedulesAsync(id, Ct));

        var first = loaded.Copy();
        first.DurationMinutes = 90;
        Assert.True((await service.SaveScheduleAsync(id, first, loaded, Ct)).Ok);
        var second = loaded.Copy();
        second.TimeZone = "Europe/London";
        var late = await service.SaveScheduleAsync(id, second, loaded, Ct);

        Assert.False(late.Ok);
        Assert.Contains(late.Conflict!, d => d.Field == "Duration (minutes)" && d.Mine == "60" && d.Theirs == "90");
        var stored = Assert.Single(await service.SchedulesAsync(id, Ct));
        Assert.Equal((90, "Europe/Paris"), (stored.DurationMinutes, stored.TimeZone));
    }
}
