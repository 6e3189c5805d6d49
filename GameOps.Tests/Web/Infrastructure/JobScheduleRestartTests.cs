using GameOps.Data;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace GameOps.Tests.Web.Infrastructure;

/// <summary>
/// Issue 18: a restart keeps the stored triggers whose schedule did not change (their previous and next fire times),
/// and replaces those whose schedule changed — on the clustered PostgreSQL store, where triggers outlive the process.
/// </summary>
public sealed class JobScheduleRestartTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<ISimpleTrigger?> SanctionTriggerAsync(JobsHost host)
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);
        return await scheduler.GetTrigger(JobScheduleSync.TriggerKeyOf(BackgroundJobs.Find("sanction-expiry")!), Ct) as ISimpleTrigger;
    }

    static Dictionary<string, string?> Settings(string scheduler, int sanctionMinutes) => new()
    {
        ["Jobs:SchedulerName"] = scheduler,
        ["Jobs:SanctionExpiryIntervalMinutes"] = sanctionMinutes.ToString(),
        ["Jobs:DataExportSweepSeconds"] = "0",
    };

    [Fact]
    public async Task A_restart_keeps_an_unchanged_trigger_and_replaces_a_changed_one()
    {
        await using var database = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Postgres);
        var scheduler = "restart-" + Guid.NewGuid().ToString("N")[..8];

        ISimpleTrigger fired;
        await using (var first = await new JobsHost(DatabaseProvider.Postgres, database.ConnectionString, Settings(scheduler, 5)).StartAsync())
            fired = await Eventually.Async(async () => await SanctionTriggerAsync(first) is { PreviousFireTimeUtc: not null } t ? t : null,
                TimeSpan.FromSeconds(90), "the sanction expiry job to fire once");
        Assert.Equal(TimeSpan.FromMinutes(5), fired.RepeatInterval);

        await using (var second = await new JobsHost(DatabaseProvider.Postgres, database.ConnectionString, Settings(scheduler, 5)).StartAsync())
        {
            var kept = await SanctionTriggerAsync(second);
            Assert.NotNull(kept);
            Assert.Equal(fired.StartTimeUtc, kept.StartTimeUtc);
            Assert.Equal(fired.PreviousFireTimeUtc, kept.PreviousFireTimeUtc);
            Assert.Equal(fired.NextFireTimeUtc, kept.NextFireTimeUtc);
            Assert.Equal(fired.TimesTriggered, kept.TimesTriggered);
        }

        await using (var third = await new JobsHost(DatabaseProvider.Postgres, database.ConnectionString, Settings(scheduler, 10)).StartAsync())
        {
            var changed = await SanctionTriggerAsync(third);
            Assert.NotNull(changed);
            Assert.Equal(TimeSpan.FromMinutes(10), changed.RepeatInterval);
            // The new rhythm starts one new interval after the last run, not at once and not from scratch.
            Assert.Equal(fired.PreviousFireTimeUtc!.Value + TimeSpan.FromMinutes(10), changed.NextFireTimeUtc);
        }
    }

    [Fact]
    public async Task Instances_starting_together_on_an_empty_store_keep_one_trigger_per_job()
    {
        await using var database = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Postgres);
        var settings = new Dictionary<string, string?> { ["Jobs:SchedulerName"] = "together-" + Guid.NewGuid().ToString("N")[..8], ["Jobs:StartDelaySeconds"] = "3600" };
        var hosts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => new JobsHost(DatabaseProvider.Postgres, database.ConnectionString, settings).StartAsync())));
        try
        {
            var scheduler = await hosts[0].Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);
            foreach (var job in BackgroundJobs.All.Where(j => j.Interval(hosts[0].Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()) > TimeSpan.Zero))
            {
                var triggers = await scheduler.QueryTriggers(new TriggerQuery { Job = job.Key }, Ct);
                Assert.Single(triggers.Items);
            }
        }
        finally
        {
            foreach (var host in hosts) await host.DisposeAsync();
        }
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Syncing_again_keeps_the_trigger_and_a_zero_interval_removes_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        await using var host = await new JobsHost(provider, database.ConnectionString,
            new Dictionary<string, string?> { ["Jobs:StartDelaySeconds"] = "3600", ["Jobs:DataExportSweepSeconds"] = "0" }).StartAsync();
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);
        var job = BackgroundJobs.Find("event-lifecycle")!;
        var before = await scheduler.GetTrigger(JobScheduleSync.TriggerKeyOf(job), Ct);
        Assert.NotNull(before);

        Assert.Equal(TriggerSync.Kept, await JobScheduleSync.SyncAsync(scheduler, job, TimeSpan.FromSeconds(30), TimeSpan.Zero, Ct));
        Assert.Equal(before.NextFireTimeUtc, (await scheduler.GetTrigger(JobScheduleSync.TriggerKeyOf(job), Ct))!.NextFireTimeUtc);
        Assert.Equal(TriggerSync.Updated, await JobScheduleSync.SyncAsync(scheduler, job, TimeSpan.FromSeconds(45), TimeSpan.FromHours(2), Ct));
        Assert.Equal(TimeSpan.FromSeconds(45), ((ISimpleTrigger)(await scheduler.GetTrigger(JobScheduleSync.TriggerKeyOf(job), Ct))!).RepeatInterval);
        Assert.Equal(TriggerSync.Removed, await JobScheduleSync.SyncAsync(scheduler, job, TimeSpan.Zero, TimeSpan.Zero, Ct));
        Assert.Null(await scheduler.GetTrigger(JobScheduleSync.TriggerKeyOf(job), Ct));
        Assert.Equal(TriggerSync.Created, await JobScheduleSync.SyncAsync(scheduler, job, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), Ct));
    }
}
