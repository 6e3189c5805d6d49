using System.Diagnostics;
using GameOps.Data;
using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Quartz;
using Quartz.Extensibility;

namespace GameOps.Web.Infrastructure.Jobs;

/// <summary>
/// Keeps <c>staff_job_runs</c> (last start, finish, duration, error and instance of each job, whichever instance ran
/// it) and the job metrics. Writes through a context of its own without the staff audit interceptor: a job run is not a
/// staff change. A failure to record never fails the job.
/// </summary>
public sealed class JobRunListener(DatabaseOptions database, ILogger<JobRunListener> logger) : IJobListener
{
    public string Name => "gameops-job-runs";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken) =>
        RecordAsync(context, run =>
        {
            run.LastStartedAt = Now();
            run.LastInstance = $"{Environment.MachineName} {context.Scheduler.SchedulerInstanceId}";
        }, cancellationToken);

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask JobProgressChanged(IJobExecutionContext context, FireInstanceProgress progress, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken)
    {
        var outcome = jobException is null ? "success" : "failure";
        var tags = new TagList { { "job", MetricName(context.JobDetail.Key) }, { "outcome", outcome } };
        GameOpsTelemetry.JobRuns.Add(1, tags);
        GameOpsTelemetry.JobDuration.Record(context.JobRunTime.TotalSeconds, tags);
        if (jobException is not null)
            logger.LogError(jobException.InnerException ?? jobException, "Background job {Job} failed after {Ms} ms.", context.JobDetail.Key, (long)context.JobRunTime.TotalMilliseconds);
        return RecordAsync(context, run =>
        {
            var now = Now();
            run.LastFinishedAt = now;
            run.LastDurationMs = (long)context.JobRunTime.TotalMilliseconds;
            run.LastSucceeded = jobException is null;
            run.RunCount++;
            if (jobException is not null)
            {
                var cause = jobException.InnerException ?? jobException;
                var text = $"{cause.GetType().Name}: {cause.Message}";
                run.LastError = text.Length > 2000 ? text[..2000] : text;
                run.LastErrorAt = now;
                run.FailureCount++;
            }
        }, CancellationToken.None);
    }

    static DateTime Now() => VersioningInterceptor.Truncate(DateTime.UtcNow);

    /// <summary>One-off export jobs are keyed by request id: one metric series for all of them, not one per request.</summary>
    static string MetricName(JobKey key) => key.Group == DataExportJob.Group ? DataExportJob.Group : key.Name;

    async ValueTask RecordAsync(IJobExecutionContext context, Action<StaffJobRun> change, CancellationToken ct)
    {
        // An export's progress and outcome live on its request (staff_data_requests), not in a row per request here.
        if (context.JobDetail.Key.Group == DataExportJob.Group) return;
        var key = context.JobDetail.Key.ToString();
        try
        {
            await using var db = GameOpsDatabase.CreateContext(database);
            var run = await db.StaffJobRuns.FirstOrDefaultAsync(r => r.JobKey == key, ct);
            if (run is null) db.StaffJobRuns.Add(run = new StaffJobRun { JobKey = key });
            change(run);
            await db.SaveChangesAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not record the run of background job {Job}.", key);
        }
    }
}
