using System.Globalization;
using GameOps.Data;
using Spectre.Console;

namespace GameOps.Bench;

// dotnet run -c Release --project bench/GameOps.Bench -- <generate|run|circuits> [--provider Postgres|Sqlite] [--connection …] [--scale N] …
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.WriteLine("""
                GameOps.Bench <command> [options]
                  generate  --provider Postgres|Sqlite --connection <cs> --scale <N> [--connections 3]   fill the schema (scale 1 ≈ 1M players, 10M chat messages)
                  run       --provider Postgres|Sqlite --connection <cs> [--iterations 200] [--out bench/results] [--only dashboards|search|<list, e.g. players>]
                  warmstart --provider Postgres|Sqlite --connection <cs> --app <path to GameOps.Web.dll> [--rounds 2] [--out bench/results]   first vs tenth sign-in and /design/items after a start
                  loop      --provider Postgres|Sqlite --connection <cs> [--list players] [--case "first page"] [--seconds 20] [--floor true]   one list case in a loop, for a profiler
                  circuits  --provider Postgres|Sqlite --connection <cs> [--pages 50] [--out bench/results] [--gcdump file.gcdump]
                """);
            return 2;
        }
        var options = Options.Parse(args.Skip(1).ToArray());
        var database = new DatabaseOptions
        {
            Provider = Enum.Parse<DatabaseProvider>(options.Get("provider", "Sqlite"), ignoreCase: true),
            ConnectionString = options.Get("connection", "Data Source=bench.db"),
        };
        switch (args[0])
        {
            case "generate":
                return await GenerateCommand.RunAsync(database, double.Parse(options.Get("scale", "1"), CultureInfo.InvariantCulture),
                    int.Parse(options.Get("connections", "3"), CultureInfo.InvariantCulture));
            case "run":
                return await RunCommand.RunAsync(database, int.Parse(options.Get("iterations", "200"), CultureInfo.InvariantCulture), options.Get("out", "bench/results"),
                    options.Get("only", "") is { Length: > 0 } only ? only : null);
            case "loop":
                return await RunCommand.LoopAsync(database, options.Get("list", "players"), options.Get("case", "first page"),
                    double.Parse(options.Get("seconds", "20"), CultureInfo.InvariantCulture), options.Get("floor", "false") == "true");
            case "warmstart":
                return await WarmStartCommand.RunAsync(database, options.Get("app", "GameOps.Web/bin/Release/net10.0/GameOps.Web.dll"),
                    int.Parse(options.Get("rounds", "2"), CultureInfo.InvariantCulture), options.Get("out", "bench/results"));
            case "circuits":
                return await CircuitsCommand.RunAsync(database, int.Parse(options.Get("pages", "50"), CultureInfo.InvariantCulture), options.Get("out", "bench/results"),
                    options.Get("gcdump", "") is { Length: > 0 } dump ? dump : null);
            default:
                AnsiConsole.MarkupLine($"[red]Unknown command[/] {Markup.Escape(args[0])}");
                return 2;
        }
    }
}

sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2) values[args[i].TrimStart('-')] = args[i + 1];
        return new Options(values);
    }

    public string Get(string name, string fallback) => values.TryGetValue(name, out var v) ? v : fallback;
}
