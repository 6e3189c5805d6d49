namespace GameOps.Data.Entities;

/// <summary>
/// Table <c>staff_job_runs</c>: the last run of each background job (one row per job, whichever instance ran it),
/// written by the scheduler's job listener and read by <c>/admin/jobs</c>.
/// </summary>
public class StaffJobRun
{
    /// <summary>The job's key, <c>group.name</c>.</summary>
    public string JobKey { get; set; } = "";
    public DateTime? LastStartedAt { get; set; }
    public DateTime? LastFinishedAt { get; set; }
    public long? LastDurationMs { get; set; }
    public bool? LastSucceeded { get; set; }
    /// <summary>The exception's type and message of the last failed run (never a stack trace or connection string).</summary>
    public string? LastError { get; set; }
    public DateTime? LastErrorAt { get; set; }
    /// <summary>The scheduler instance (host name and id) that ran it last.</summary>
    public string? LastInstance { get; set; }
    public long RunCount { get; set; }
    public long FailureCount { get; set; }
}
