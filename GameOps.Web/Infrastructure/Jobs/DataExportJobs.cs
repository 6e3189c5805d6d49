using GameOps.Data;
using GameOps.Web.Services.DataRequests;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace GameOps.Web.Infrastructure.Jobs;

/// <summary>
/// One export of a player's personal data, as a one-off Quartz job keyed by the request id (group <see cref="Group"/>).
/// On PostgreSQL it is stored in the clustered job store, so any instance may run it, and <c>RequestRecovery</c> makes
/// the cluster run it again when the instance running it dies; on SQLite it lives in the RAM store. Either way a
/// restart that loses it is covered by <see cref="DataExportSweepJob"/>.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DataExportJob(DataRequestService requests) : IJob
{
    public const string Group = "data-exports";

    public static JobKey KeyFor(Guid requestId) => new(requestId.ToString(), Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(context.JobDetail.Key.Name, out var requestId)) return;
        await requests.RunExportAsync(requestId, cancellationToken);
        context.Result = $"export {requestId}";
    }

    /// <summary>Schedules the export to run now; false when a job for this request is already stored (queued or running).</summary>
    public static async Task<bool> ScheduleAsync(IScheduler scheduler, Guid requestId, CancellationToken ct)
    {
        var job = JobBuilder.Create<DataExportJob>()
            .WithIdentity(KeyFor(requestId))
            .WithDescription("Export of a player's personal data")
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create(TimeProvider.System)
            .ForJob(job.Key)
            .WithIdentity(requestId.ToString(), Group)
            .WithExecutionGroup(Group)
            .StartNow()
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        try
        {
            await scheduler.ScheduleJob(job, trigger, cancellationToken: ct);
            return true;
        }
        catch (ObjectAlreadyExistsException)
        {
            return false;
        }
    }
}

/// <summary>Requesting an export schedules its <see cref="DataExportJob"/>; a failure to schedule is left to the sweep.</summary>
public sealed class QuartzDataExportQueue(ISchedulerFactory schedulers, ILogger<QuartzDataExportQueue> log) : IDataExportQueue
{
    public async ValueTask EnqueueAsync(Guid requestId, CancellationToken ct = default)
    {
        try
        {
            await DataExportJob.ScheduleAsync(await schedulers.GetScheduler(ct), requestId, ct);
        }
        catch (SchedulerException ex)
        {
            // The request is stored as queued: the sweep schedules it on its next run.
            log.LogWarning(ex, "Could not schedule export {RequestId} now; the export sweep will pick it up.", requestId);
        }
    }
}

/// <summary>
/// Exports left queued or running without a job — the RAM store forgot them in a restart, the process died mid-export,
/// or scheduling failed — are scheduled again. An export that runs again starts over; its request shows the progress.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DataExportSweepJob(IDbContextFactory<GameOpsDbContext> contexts) : IJob
{
    public static readonly JobKey Key = new("data-export-sweep", BackgroundJobs.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        context.Result = $"{await SweepAsync(contexts, context.Scheduler, cancellationToken)} exports picked up";

    public static async Task<int> SweepAsync(IDbContextFactory<GameOpsDbContext> contexts, IScheduler scheduler, CancellationToken ct)
    {
        List<Guid> waiting;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            waiting = await db.DataRequests.AsNoTracking()
                .Where(r => r.Kind == DataRequestKinds.Export && (r.Status == DataRequestStatus.Queued || r.Status == DataRequestStatus.Running))
                .OrderBy(r => r.CreatedAt).Select(r => r.Id).Take(500).ToListAsync(ct);
        var picked = 0;
        foreach (var id in waiting)
            if (!await scheduler.Exists(DataExportJob.KeyFor(id), ct) && await DataExportJob.ScheduleAsync(scheduler, id, ct))
                picked++;
        return picked;
    }
}
