using GameOps.Data;
using GameOps.Web.Security;
using GameOps.Web.Services.Analytics;
using GameOps.Web.Services.LiveOps;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace GameOps.Web.Infrastructure.Jobs;

[DisallowConcurrentExecution]
public sealed class RollupRefreshJob(RollupService rollups) : IJob
{
    public static readonly JobKey Key = new("rollup-refresh", BackgroundJobs.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        context.Result = (await rollups.RefreshAsync(ct: cancellationToken)).ToString();
}

[DisallowConcurrentExecution]
public sealed class BroadcastDispatchJob(BroadcastService broadcasts, IChangeNotices notices, ILogger<BroadcastDispatchJob> logger) : IJob
{
    public static readonly JobKey Key = new("broadcast-dispatch", BackgroundJobs.Group);
    public const string Topic = "broadcasts";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var sent = new List<string>();
        foreach (var id in await broadcasts.DueAsync(cancellationToken))
        {
            var result = await broadcasts.SendAsync(id, cancellationToken);
            if (!result.Ok) continue;
            logger.LogInformation("Scheduled broadcast {Id}: {Message}", id, result.Message);
            sent.Add(id.ToString());
        }
        if (sent.Count > 0) notices.Publish(new ChangeNotice(Topic, sent));
        context.Result = $"{sent.Count} sent";
    }
}

/// <summary>
/// scheduled → active when the start has come (and the end has not), active → ended when the end has passed. Each move
/// is one conditional UPDATE on the status it leaves, so a staff member's transition at the same moment wins or loses
/// cleanly, never half.
/// </summary>
[DisallowConcurrentExecution]
public sealed class EventLifecycleJob(IDbContextFactory<GameOpsDbContext> contexts, IChangeNotices notices, TimeProvider? clock = null) : IJob
{
    public static readonly JobKey Key = new("event-lifecycle", BackgroundJobs.Group);
    public const string Topic = "events";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var (started, ended) = await RunAsync(contexts, VersioningInterceptor.Truncate((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime), cancellationToken);
        if (started + ended > 0) notices.Publish(new ChangeNotice(Topic, []));
        context.Result = $"{started} started, {ended} ended";
    }

    public static async Task<(int Started, int Ended)> RunAsync(IDbContextFactory<GameOpsDbContext> contexts, DateTime now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var started = await db.Events
            .Where(e => e.Status == EventLifecycle.Scheduled && e.StartTime != null && e.StartTime <= now && (e.EndTime == null || e.EndTime > now))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EventLifecycle.Active).SetProperty(e => e.UpdatedAt, now), ct);
        var ending = db.Events.Where(e => (e.Status == EventLifecycle.Active || e.Status == EventLifecycle.Scheduled) && e.EndTime != null && e.EndTime <= now);
        await db.EventSchedules.Where(s => s.IsActive && ending.Any(e => e.Id == s.EventId))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.IsActive, false).SetProperty(x => x.NextRun, (DateTime?)null), ct);
        var ended = await ending.ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EventLifecycle.Ended).SetProperty(e => e.UpdatedAt, now), ct);
        await transaction.CommitAsync(ct);
        return (started, ended);
    }
}

/// <summary>Schedules whose next run has started: last_run takes it, next_run moves to the following one.</summary>
[DisallowConcurrentExecution]
public sealed class EventScheduleJob(IDbContextFactory<GameOpsDbContext> contexts) : IJob
{
    public static readonly JobKey Key = new("event-schedules", BackgroundJobs.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        context.Result = $"{await AdvanceSchedulesAsync(contexts, DateTime.UtcNow, cancellationToken)} advanced";

    public static async Task<int> AdvanceSchedulesAsync(IDbContextFactory<GameOpsDbContext> contexts, DateTime now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var due = await db.EventSchedules.Where(s => s.IsActive && s.NextRun != null && s.NextRun <= now).Take(500).ToListAsync(ct);
        // The same occurrence calculator as the editor, bound to the event's own window: no run is stored after the event ends.
        var eventIds = due.Select(s => s.EventId).Distinct().ToList();
        var windows = await db.Events.AsNoTracking().Where(e => eventIds.Contains(e.Id))
            .Select(e => new { e.Id, e.StartTime, e.EndTime }).ToDictionaryAsync(e => e.Id, ct);
        foreach (var s in due)
        {
            s.LastRun = s.NextRun;
            var window = windows.GetValueOrDefault(s.EventId);
            s.NextRun = EventScheduling.NextRun(EventScheduling.DraftOf(s, window?.StartTime, window?.EndTime), now);
        }
        if (due.Count > 0) await db.SaveChangesAsync(ct);
        return due.Count;
    }
}

/// <summary>
/// Temporary bans and mutes end by themselves at <c>expires_at</c>. The moderation pages already compute a player's
/// effective status from the sanctions; this job brings the stored state in line: a suspended player with no running
/// ban is active again, and a channel mute with no running mute is lifted.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SanctionExpiryJob(IDbContextFactory<GameOpsDbContext> contexts, TimeProvider? clock = null) : IJob
{
    public static readonly JobKey Key = new("sanction-expiry", BackgroundJobs.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var (players, mutes) = await RunAsync(contexts, VersioningInterceptor.Truncate((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime), cancellationToken);
        context.Result = $"{players} players reactivated, {mutes} mutes lifted";
    }

    public static async Task<(int Players, int Mutes)> RunAsync(IDbContextFactory<GameOpsDbContext> contexts, DateTime now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var running = db.ModerationActions.Where(a => a.LiftedAt == null && (a.ExpiresAt == null || a.ExpiresAt > now));
        var players = await db.Players
            .Where(p => p.Status == "suspended"
                && db.ModerationActions.Any(a => a.TargetUserId == p.Id && a.ActionType == "temp_ban")
                && !running.Any(a => a.TargetUserId == p.Id && (a.ActionType == "temp_ban" || a.ActionType == "perm_ban")))
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, "active"), ct);
        var mutes = await db.ChannelMembers
            .Where(m => m.IsMuted
                && db.ModerationActions.Any(a => a.TargetUserId == m.UserId && a.ActionType == "mute")
                && !running.Any(a => a.TargetUserId == m.UserId && a.ActionType == "mute"))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.IsMuted, false), ct);
        await transaction.CommitAsync(ct);
        return (players, mutes);
    }
}

/// <summary>
/// Ended staff sessions (signed out, revoked) and expired ones (unused for longer than the sign-in cookie lives) are kept
/// <c>Jobs:StaffSessionRetentionDays</c> (30) for the security pages and investigations, then deleted in batches.
/// </summary>
[DisallowConcurrentExecution]
public sealed class StaffSessionCleanupJob(IDbContextFactory<GameOpsDbContext> contexts, IConfiguration configuration, TimeProvider? clock = null) : IJob
{
    public static readonly JobKey Key = new("staff-session-cleanup", BackgroundJobs.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var before = now - TimeSpan.FromDays(Math.Max(1, configuration.GetValue("Jobs:StaffSessionRetentionDays", 30.0)));
        var deleted = await StaffSessions.DeleteEndedAsync(contexts, before,
            TimeSpan.FromHours(configuration.GetValue("Security:SessionHours", 8.0)),
            Math.Max(1, configuration.GetValue("Jobs:StaffSessionCleanupBatchSize", 1000)), cancellationToken);
        context.Result = $"{deleted} sessions deleted";
    }
}
