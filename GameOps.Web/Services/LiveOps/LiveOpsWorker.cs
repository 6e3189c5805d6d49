using GameOps.Data;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Services.LiveOps;

/// <summary>
/// Every <see cref="Interval"/>: sends the scheduled broadcasts that are due and moves the <c>next_run</c> /
/// <c>last_run</c> of recurring schedules past now. Sending is claimed by a conditional UPDATE inside the send's
/// transaction, so a second instance (or a person pressing "send now" at the same moment) can never send twice.
/// A failed tick is logged and retried at the next one.
/// </summary>
public sealed class LiveOpsWorker(IServiceScopeFactory scopes, ILogger<LiveOpsWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(10), stoppingToken); // let migrations and seeding finish first
            using var timer = new PeriodicTimer(Interval);
            do
            {
                try { await TickAsync(stoppingToken); }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
                catch (Exception e) { logger.LogError(e, "Live-ops tick failed; retrying in {Seconds} s.", Interval.TotalSeconds); }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) { }
    }

    public async Task TickAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var broadcasts = scope.ServiceProvider.GetRequiredService<BroadcastService>();
        foreach (var id in await broadcasts.DueAsync(ct))
        {
            var result = await broadcasts.SendAsync(id, ct);
            if (result.Ok) logger.LogInformation("Scheduled broadcast {Id}: {Message}", id, result.Message);
        }
        await AdvanceSchedulesAsync(scope.ServiceProvider.GetRequiredService<IDbContextFactory<GameOpsDbContext>>(), DateTime.UtcNow, ct);
    }

    /// <summary>Schedules whose next run has started: last_run takes it, next_run moves to the following one.</summary>
    internal static async Task AdvanceSchedulesAsync(IDbContextFactory<GameOpsDbContext> contexts, DateTime now, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var due = await db.EventSchedules.Where(s => s.IsActive && s.NextRun != null && s.NextRun <= now).Take(500).ToListAsync(ct);
        foreach (var s in due)
        {
            s.LastRun = s.NextRun;
            s.NextRun = EventScheduling.NextRun(new ScheduleDraft
            {
                ScheduleType = s.ScheduleType, CronExpression = s.CronExpression, TimeZone = s.TimeZone, WindowStart = s.WindowStart, WindowEnd = s.WindowEnd,
                DurationMinutes = s.DurationMinutes, IsActive = s.IsActive,
            }, now);
        }
        if (due.Count > 0) await db.SaveChangesAsync(ct);
    }
}
