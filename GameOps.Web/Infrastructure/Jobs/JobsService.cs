using GameOps.Data;
using GameOps.Web.Auditing;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace GameOps.Web.Infrastructure.Jobs;

public sealed record JobRow(
    string Key, string Title, string Description, string Schedule, string MisfirePolicy, bool Scheduled,
    DateTime? NextRunUtc, DateTime? LastStartedUtc, DateTime? LastFinishedUtc, long? LastDurationMs, bool? LastSucceeded,
    string? LastError, DateTime? LastErrorUtc, string? LastInstance, long Runs, long Failures);

/// <summary>The background jobs for <c>/admin/jobs</c>: what runs, when it ran and will run, and "run now". StaffAdmin only.</summary>
public sealed class JobsService(ISchedulerFactory schedulers, IDbContextFactory<GameOpsDbContext> contexts, CurrentStaff currentStaff,
    StaffAuditRecorder audit, IConfiguration configuration)
{
    public async Task<List<JobRow>> ListAsync(CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.StaffAdmin);
        var scheduler = await schedulers.GetScheduler(ct);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var runs = await db.StaffJobRuns.AsNoTracking().ToDictionaryAsync(r => r.JobKey, ct);
        var rows = new List<JobRow>();
        foreach (var job in BackgroundJobs.All)
        {
            var triggers = await scheduler.QueryTriggers(new TriggerQuery { Job = job.Key }, ct);
            var next = triggers.Items.Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min();
            var interval = job.Interval(configuration);
            runs.TryGetValue(job.Key.ToString(), out var run);
            rows.Add(new JobRow(job.Key.Name, job.Title, job.Description,
                interval > TimeSpan.Zero ? "every " + Describe(interval) : "only when run by hand", job.MisfirePolicy, triggers.Items.Count > 0,
                next?.UtcDateTime, run?.LastStartedAt, run?.LastFinishedAt, run?.LastDurationMs, run?.LastSucceeded,
                run?.LastError, run?.LastErrorAt, run?.LastInstance, run?.RunCount ?? 0, run?.FailureCount ?? 0));
        }
        return rows;
    }

    /// <summary>Fires the job once now, on whichever instance picks it up first; audited.</summary>
    public async Task<string> RunNowAsync(string key, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.StaffAdmin);
        if (BackgroundJobs.Find(key) is not { } job) return "There is no such job.";
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.TriggerJob(job.Key, null!, ct);
        await audit.RecordAsync("job_run_now", "background_job", job.Key.ToString());
        return $"{job.Title} will run in a moment.";
    }

    static string Describe(TimeSpan interval) =>
        interval.TotalHours >= 1 && interval.TotalHours % 1 == 0 ? $"{interval.TotalHours:0} h"
        : interval.TotalMinutes >= 1 && interval.TotalMinutes % 1 == 0 ? $"{interval.TotalMinutes:0} min"
        : $"{interval.TotalSeconds:0} s";
}
