using Quartz;
using Quartz.Impl.Triggers;

namespace GameOps.Web.Infrastructure.Jobs;

/// <summary>What a start did to a job's trigger.</summary>
public enum TriggerSync { Kept, Created, Updated, Removed, None }

/// <summary>
/// Puts the triggers of <see cref="BackgroundJobs.All"/> in place at start, before the scheduler runs. A trigger whose
/// schedule (interval, misfire policy) is unchanged is kept as stored, with its previous and next fire times, so a
/// restart neither fires every job again nor pushes it back; a changed schedule replaces the trigger, its next fire one
/// new interval after the last; a job whose interval is now zero loses its trigger. Quartz's own declarative
/// <c>AddTrigger</c> would replace every trigger at every start (<c>OverwriteExistingData</c>) or never update one
/// (<c>IgnoreDuplicates</c>). Instances starting together may both get here: the store keeps the first trigger stored.
/// </summary>
public sealed class JobScheduleSync(ISchedulerFactory schedulers, IConfiguration configuration, ILogger<JobScheduleSync> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var startDelay = TimeSpan.FromSeconds(configuration.GetValue("Jobs:StartDelaySeconds", 5.0));
        foreach (var job in BackgroundJobs.All)
        {
            var outcome = await SyncAsync(scheduler, job, job.Interval(configuration), startDelay, cancellationToken);
            if (outcome is not (TriggerSync.Kept or TriggerSync.None)) log.LogInformation("Trigger of job {Job}: {Outcome}.", job.Key, outcome);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static TriggerKey TriggerKeyOf(JobDefinition job) => new(job.Key.Name, BackgroundJobs.Group);

    public static async Task<TriggerSync> SyncAsync(IScheduler scheduler, JobDefinition job, TimeSpan interval, TimeSpan startDelay, CancellationToken ct)
    {
        var key = TriggerKeyOf(job);
        var existing = await scheduler.GetTrigger(key, ct);
        if (interval <= TimeSpan.Zero)
            return existing is not null && await scheduler.UnscheduleJob(key, ct) ? TriggerSync.Removed : TriggerSync.None;
        if (existing is ISimpleTrigger stored && stored.JobKey.Equals(job.Key) && stored.RepeatInterval == interval
            && stored.RepeatCount == SimpleTriggerImpl.RepeatIndefinitely && stored.MisfireInstruction == job.Misfire)
            return TriggerSync.Kept;

        var start = DateTimeOffset.UtcNow + startDelay;
        if (existing?.PreviousFireTimeUtc is { } previous && previous + interval > start) start = previous + interval;
        var trigger = TriggerBuilder.Create(TimeProvider.System)
            .ForJob(job.Key)
            .WithIdentity(key)
            .StartAt(start)
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(job.Misfire))
            .Build();
        if (existing is not null)
        {
            await scheduler.RescheduleJob(key, trigger, ct);
            return TriggerSync.Updated;
        }
        // Decided under the store's lock: of instances starting at the same moment, one stores it and the others keep it.
        var scheduled = await scheduler.ScheduleTrigger(trigger, TriggerConflict.Keep, ct);
        return scheduled.Outcome == ScheduleOutcome.Kept ? TriggerSync.Kept : TriggerSync.Created;
    }
}
