using Microsoft.Extensions.Options;

namespace GameOps.Web.Services.Analytics;

/// <summary>
/// Refreshes the analytics rollups every <see cref="AnalyticsOptions.RollupIntervalMinutes"/> minutes (0 disables it).
/// A failed refresh is logged and retried at the next tick; it never stops the app.
/// </summary>
public sealed class RollupWorker(RollupService rollups, IOptions<AnalyticsOptions> options, ILogger<RollupWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = options.Value.RollupIntervalMinutes;
        if (minutes <= 0)
        {
            logger.LogInformation("Analytics rollup refresh is disabled (Analytics:RollupIntervalMinutes = {Minutes}).", minutes);
            return;
        }
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(15), stoppingToken); // let migrations and seeding finish first
            using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
            do
            {
                try { await rollups.RefreshAsync(ct: stoppingToken); }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
                catch (Exception e) { logger.LogError(e, "Analytics rollup refresh failed; retrying in {Minutes} min.", minutes); }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) { }
    }
}
