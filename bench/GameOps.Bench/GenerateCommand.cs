using GameOps.Data;
using Spectre.Console;

namespace GameOps.Bench;

/// <summary><c>generate</c>: the data set, with a progress bar per table and the throughput at the end.</summary>
public static class GenerateCommand
{
    public static async Task<int> RunAsync(DatabaseOptions database, double scale)
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
                    if (!tasks.TryGetValue(table, out var task)) tasks[table] = task = context.AddTask(table, maxValue: total);
                    task.Value = done;
                });
                result = await generator.RunAsync();
            });
        var table = new Table().AddColumns("table", "rows", "seconds", "rows/s");
        foreach (var t in result!.Tables.OrderByDescending(t => t.Rows))
            table.AddRow(t.Table, $"{t.Rows:N0}", $"{t.Elapsed.TotalSeconds:0.0}", $"{t.Rows / Math.Max(0.001, t.Elapsed.TotalSeconds):N0}");
        AnsiConsole.Write(table);
        var total = result.Load + result.Indexes + result.Analyze;
        AnsiConsole.MarkupLine($"[bold]{result.Rows:N0}[/] rows in {result.Load.TotalSeconds:0.0} s = [bold]{result.RowsPerSecond:N0} rows/s[/] " +
                               $"(+ indexes {result.Indexes.TotalSeconds:0.0} s, analyze {result.Analyze.TotalSeconds:0.0} s: {result.Rows / total.TotalSeconds:N0} rows/s overall; template {result.Template.TotalSeconds:0.0} s)");
        var facts = $"generate {database.Provider} scale {scale}: {result.Rows:N0} rows, load {result.Load.TotalSeconds:0.0} s ({result.RowsPerSecond:N0} rows/s), " +
                    $"indexes {result.Indexes.TotalSeconds:0.0} s, analyze {result.Analyze.TotalSeconds:0.0} s, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load avg {Machine.LoadAverage()}";
        Directory.CreateDirectory("bench/results");
        await File.AppendAllTextAsync($"bench/results/generate-{database.Provider.ToString().ToLowerInvariant()}.log", facts + Environment.NewLine);
        return 0;
    }
}
