using GameOps.Data;
using Spectre.Console;

namespace GameOps.Bench;

/// <summary><c>generate</c>: the data set, with a progress bar per table and the throughput of each phase at the end.</summary>
public static class GenerateCommand
{
    public static async Task<int> RunAsync(DatabaseOptions database, double scale, int connections = 3)
    {
        AnsiConsole.MarkupLine($"Generating [bold]{database.Provider}[/] at scale [bold]{scale}[/] (seeding the template first)…");
        GenerateResult? result = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<string, ProgressTask>();
                var generator = new Generator(database, scale, (table, done, total) =>
                {
                    lock (tasks) // tables load on several threads
                    {
                        if (!tasks.TryGetValue(table, out var task)) tasks[table] = task = context.AddTask(table, maxValue: total);
                        task.Value = done;
                    }
                }) { Connections = connections };
                result = await generator.RunAsync();
            });
        var table = new Table().AddColumns("table", "rows", "seconds", "rows/s", "blocked on server");
        foreach (var t in result!.Tables.OrderByDescending(t => t.Rows))
            table.AddRow(t.Table, $"{t.Rows:N0}", $"{t.Elapsed.TotalSeconds:0.0}", $"{t.Rows / Math.Max(0.001, t.Elapsed.TotalSeconds):N0}",
                t.Blocked > TimeSpan.Zero ? $"{t.Blocked / t.Elapsed:P0}" : "");
        AnsiConsole.Write(table);
        var loadAverage = Machine.LoadAverage();
        AnsiConsole.MarkupLine($"[bold]{result.Rows:N0}[/] rows on {result.Connections} connection(s), template {result.Template.TotalSeconds:0.0} s (not counted)");
        AnsiConsole.MarkupLine($"  load      {result.Load.TotalSeconds,8:0.0} s   [bold]{result.RowsPerSecond,12:N0} rows/s[/]   (incl. {result.TemplateEncoding.TotalSeconds:0.0} s encoding the template; this process used {result.LoadCpu.TotalSeconds:0.0} s of CPU)");
        AnsiConsole.MarkupLine($"  indexes   {result.Indexes.TotalSeconds,8:0.0} s   (rebuilt from their definitions; on PostgreSQL also the keys and validated foreign keys)");
        AnsiConsole.MarkupLine($"  analyze   {result.Analyze.TotalSeconds,8:0.0} s");
        AnsiConsole.MarkupLine($"  total     {result.Total.TotalSeconds,8:0.0} s   [bold]{result.TotalRowsPerSecond,12:N0} rows/s[/]   (load average {loadAverage})");
        var facts = $"generate {database.Provider} scale {scale}: {result.Rows:N0} rows, {result.Connections} connection(s), " +
                    $"load {result.Load.TotalSeconds:0.0} s ({result.RowsPerSecond:N0} rows/s), indexes {result.Indexes.TotalSeconds:0.0} s, " +
                    $"analyze {result.Analyze.TotalSeconds:0.0} s, total {result.Total.TotalSeconds:0.0} s ({result.TotalRowsPerSecond:N0} rows/s), " +
                    $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load avg {loadAverage}";
        Directory.CreateDirectory("bench/results");
        await File.AppendAllTextAsync($"bench/results/generate-{database.Provider.ToString().ToLowerInvariant()}.log", facts + Environment.NewLine);
        return 0;
    }
}
