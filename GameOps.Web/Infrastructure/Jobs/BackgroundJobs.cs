using Quartz;

namespace GameOps.Web.Infrastructure.Jobs;

/// <summary>
/// Every background job of GameOps, with its schedule and misfire policy. A misfire is a fire the scheduler could not
/// start on time (every instance was down, or busy past the store's misfire threshold of 60 s); the policy says what
/// happens to it when an instance is back. Jobs are <c>[DisallowConcurrentExecution]</c>: with the clustered store each
/// fire runs on exactly one instance, and a job never overlaps itself.
/// </summary>
public static class BackgroundJobs
{
    public const string Group = "gameops";

    public static readonly IReadOnlyList<JobDefinition> All =
    [
        new(RollupRefreshJob.Key, typeof(RollupRefreshJob), "Analytics rollups",
            "Refreshes the daily analytics rollups the dashboards read.",
            c => TimeSpan.FromMinutes(c.GetValue("Analytics:RollupIntervalMinutes", 5.0)),
            SimpleTriggerMisfireInstruction.NowWithExistingCount,
            "Run once now, then keep the interval: missed refreshes collapse into one (a refresh catches up every day since the last)."),
        new(BroadcastDispatchJob.Key, typeof(BroadcastDispatchJob), "Scheduled broadcasts",
            "Sends the broadcasts whose scheduled time has come (each one is claimed by a conditional UPDATE, so it is sent once).",
            c => TimeSpan.FromSeconds(c.GetValue("Jobs:BroadcastIntervalSeconds", 15.0)),
            SimpleTriggerMisfireInstruction.NowWithExistingCount,
            "Run once now: every broadcast that fell due meanwhile goes out in that one run, late rather than never."),
        new(EventLifecycleJob.Key, typeof(EventLifecycleJob), "Event lifecycle",
            "Moves scheduled events whose start has come to active, and active events whose end has passed to ended.",
            c => TimeSpan.FromSeconds(c.GetValue("Jobs:EventLifecycleIntervalSeconds", 30.0)),
            SimpleTriggerMisfireInstruction.NowWithExistingCount,
            "Run once now: the transitions are computed from the events' times, so one late run puts every event in its right state."),
        new(EventScheduleJob.Key, typeof(EventScheduleJob), "Event schedules",
            "Moves last_run / next_run of recurring event schedules past now.",
            c => TimeSpan.FromSeconds(c.GetValue("Jobs:EventScheduleIntervalSeconds", 60.0)),
            SimpleTriggerMisfireInstruction.NowWithExistingCount,
            "Run once now: each schedule is advanced to its next run after now, whatever was missed."),
        new(SanctionExpiryJob.Key, typeof(SanctionExpiryJob), "Sanction expiry",
            "Gives suspended players whose temporary bans have all expired their active status back, and unmutes expired mutes.",
            c => TimeSpan.FromMinutes(c.GetValue("Jobs:SanctionExpiryIntervalMinutes", 5.0)),
            SimpleTriggerMisfireInstruction.NextWithRemainingCount,
            "Skip the missed fires and wait for the next regular one: the moderation pages compute a player's effective status from the sanctions themselves, so only the stored status lags."),
        new(DataExportSweepJob.Key, typeof(DataExportSweepJob), "Data export sweep",
            "Schedules again the players' data exports left queued or running without a job (after a restart or a crash), so none is lost.",
            c => TimeSpan.FromSeconds(c.GetValue("Jobs:DataExportSweepSeconds", 60.0)),
            SimpleTriggerMisfireInstruction.NowWithExistingCount,
            "Run once now: it looks at every waiting export, so one late run picks up all of them."),
        new(StaffSessionCleanupJob.Key, typeof(StaffSessionCleanupJob), "Staff session cleanup",
            "Deletes staff sessions that ended or expired more than Jobs:StaffSessionRetentionDays (30) days ago, in batches.",
            c => TimeSpan.FromHours(c.GetValue("Jobs:StaffSessionCleanupIntervalHours", 6.0)),
            SimpleTriggerMisfireInstruction.NextWithRemainingCount,
            "Skip the missed fires and wait for the next regular one: old rows only take room, and the next run deletes all that are due."),
    ];

    public static JobDefinition? Find(string key) => All.FirstOrDefault(j => j.Key.Name == key);
}

/// <summary>A job, how often it fires (from configuration; zero or less: no trigger, it runs only when an Admin runs it) and its misfire policy.</summary>
public sealed record JobDefinition(
    JobKey Key, Type JobType, string Title, string Description, Func<IConfiguration, TimeSpan> Interval,
    SimpleTriggerMisfireInstruction Misfire, string MisfirePolicy);
