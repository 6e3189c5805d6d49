using Microsoft.Extensions.DependencyInjection;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using GameOps.Data;
using GameOps.Data.Seeding;
using GameOps.Web.Services.Analytics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

// Usage: AnalyticsBench <sqlite|postgres> <connection string> <scale> <results file>
// Seeds an empty database at the given scale (if it is empty), backfills the rollups, refreshes them again incrementally,
// and times every dashboard page's data loads (the last 30 and 90 days), writing a Markdown table of the figures.
if (args.Length < 4) { Console.Error.WriteLine("AnalyticsBench <sqlite|postgres> <connection string> <scale> <results.md>"); return 2; }
var options = new DatabaseOptions
{
    Provider = args[0] == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite,
    ConnectionString = args[1],
};
var scale = double.Parse(args[2], CultureInfo.InvariantCulture);
var report = new StringBuilder();
void Line(string s) { Console.WriteLine(s); report.AppendLine(s); }

await using (var db = GameOpsDatabase.CreateContext(options))
{
    await db.Database.MigrateAsync();
    var sw = Stopwatch.StartNew();
    var seeded = await DemoSeeder.SeedAsync(db, new SeedOptions { Scale = scale });
    Line($"# Analytics benchmark: {options.Provider}, seeder scale {scale}");
    Line("");
    Line($"Machine: {Environment.ProcessorCount} cores; {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Seeding: {(seeded.Seeded ? $"{sw.Elapsed.TotalSeconds:0.0} s" : "already seeded")}.");
    Line("");
    Line("| table | rows |");
    Line("| --- | ---: |");
    foreach (var t in new[] { "users", "session_data", "payment_transactions", "player_reports", "performance_metrics", "business_metrics", "matches", "event_participations", "quest_progress", "inventory_items" })
        if (seeded.RowsPerTable.TryGetValue(t, out var n)) Line($"| {t} | {n:N0} |");
}

var rollups = new RollupService(options, Options.Create(new AnalyticsOptions()), NullLogger<RollupService>.Instance);
var full = await rollups.RefreshAsync();
var again = await rollups.RefreshAsync();
Line("");
Line($"Rollups: first refresh (backfill) {full.Days} days, {full.Rows:N0} rows in {full.Elapsed.TotalSeconds:0.00} s; " +
     $"incremental refresh ({again.Days} days) in {again.Elapsed.TotalSeconds:0.00} s.");

var services = new ServiceCollection();
services.AddGameOpsData(options);
services.AddScoped<AnalyticsService>();
await using var provider = services.BuildServiceProvider();

async Task<double> Time(Func<AnalyticsService, Task> load)
{
    var times = new List<double>();
    for (var i = 0; i < 4; i++)
    {
        await using var scope = provider.CreateAsyncScope();
        var analytics = scope.ServiceProvider.GetRequiredService<AnalyticsService>();
        var sw = Stopwatch.StartNew();
        await load(analytics);
        times.Add(sw.Elapsed.TotalMilliseconds);
    }
    return times.Skip(1).Order().ElementAt(1); // median of the warm runs
}

Line("");
Line("Page data load, median of 3 warm runs (ms):");
Line("");
Line("| page | last 30 days, by day | last 90 days, by week |");
Line("| --- | ---: | ---: |");
var r30 = DayRange.LastDays(30);
var r90 = DayRange.LastDays(90);
Line($"| /analytics (KPI tiles + 2 charts) | {await Time(a => Overview(a, r30, Granularity.Day)):0} | {await Time(a => Overview(a, r90, Granularity.Week)):0} |");
foreach (var (page, keys) in AnalyticsService.Pages)
    Line($"| /analytics/{page} | {await Time(a => Charts(a, keys, r30, Granularity.Day)):0} | {await Time(a => Charts(a, keys, r90, Granularity.Week)):0} |");

File.WriteAllText(args[3], report.ToString());
return 0;

static async Task Overview(AnalyticsService a, DayRange r, Granularity g)
{
    await a.OverviewAsync(r);
    await a.ChartAsync("revenue.daily", r, g);
    await a.ChartAsync("players.growth", r, g);
}

static async Task Charts(AnalyticsService a, string[] keys, DayRange r, Granularity g)
{
    foreach (var k in keys) await a.ChartAsync(k, r, g);
    if (keys.Contains("revenue.daily")) await a.RevenueKpisAsync(r);
    if (keys.Contains("ops.moderation")) { await a.ModerationAsync(r); await a.ModerationAsync(r.Previous); }
}
