using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Web.Resources;
using GameOps.Web.Services.Analytics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Spectre.Console;

namespace GameOps.Bench;

/// <summary>
/// <c>run</c>: each main list through the list shell's own path (<see cref="ResourceStore.ListAsync"/>), beside the same rows
/// from plain SQL (the floor) and the naive EF way (offset paging plus an exact COUNT on every page); then each dashboard page's
/// service calls. p50/p95 over many iterations after warm-up; a Markdown table in bench/results/&lt;provider&gt;-&lt;date&gt;.md.
/// </summary>
public static class RunCommand
{
    /// <summary>The lists the benchmark times: resource slug, a filter field, and the deep page (rows) it asks for.</summary>
    static readonly (string Title, Type Entity, string Filter)[] Lists =
    [
        ("Players", typeof(Player), nameof(Player.Status)),
        ("Chat messages", typeof(ChatMessage), nameof(ChatMessage.MessageType)),
        ("Reports", typeof(PlayerReport), nameof(PlayerReport.Status)),
        ("Sanctions", typeof(ModerationAction), nameof(ModerationAction.ActionType)),
        ("Items", typeof(Item), nameof(Item.Rarity)),
        ("Audit trail", typeof(StaffAuditEntry), nameof(StaffAuditEntry.Action)),
        ("Analytics: performance metrics", typeof(PerformanceMetric), nameof(PerformanceMetric.ServiceName)),
    ];

    const int PageSize = 25;
    const long DeepRows = 1_000_000;

    /// <param name="only">"dashboards": the rollup backfill and the dashboard pages alone; "search": full-text search alone; a list's title (or its start, e.g. "players"): that list alone; null: everything.</param>
    public static async Task<int> RunAsync(DatabaseOptions database, int iterations, string outDir, string? only = null)
    {
        await using (var migrate = GameOpsDatabase.CreateContext(database))
        {
            migrate.Database.SetCommandTimeout(TimeSpan.Zero); // index builds on big tables
            await migrate.Database.MigrateAsync();
        }
        var started = DateTime.UtcNow;
        var machine = Machine.Describe();
        var services = new ServiceCollection();
        services.AddGameOpsData(database);
        services.AddGameOpsResources();
        services.AddScoped<AnalyticsService>();
        SearchBench.AddServices(services);
        await using var provider = services.BuildServiceProvider();
        var catalog = provider.GetRequiredService<ResourceCatalog>();

        var report = new StringBuilder();
        report.AppendLine($"# List and dashboard benchmark: {database.Provider}");
        report.AppendLine();
        report.AppendLine($"{started:yyyy-MM-dd HH:mm} UTC; {machine} at start; {iterations} timed iterations after warm-up (at least {WarmupRuns} runs and {WarmupTime.TotalSeconds:0} s per case, so the JIT has optimised the path; deep jumps: {Math.Max(5, iterations / 5)}; naive deep pages: 5).");
        report.AppendLine();
        await using (var db = GameOpsDatabase.CreateContext(database))
        {
            report.AppendLine("| table | rows |");
            report.AppendLine("| --- | ---: |");
            foreach (var (title, entity, _) in Lists)
            {
                var table = db.Model.FindEntityType(entity)!.GetTableName()!;
                report.AppendLine($"| {table} | {await Sql.ScalarAsync<long>(db, $"SELECT COUNT(*) FROM \"{table}\""):N0} |");
            }
        }
        report.AppendLine();
        report.AppendLine("App = `ResourceStore.ListAsync`, the list shell's path, in one DI scope (as one circuit) with an empty cache each time, so the count is paid every time (the app caches it for 20 s); \"next\" keeps the page anchors, not the count. ");
        report.AppendLine("Floor = the same rows (and the same count: planner estimate unfiltered on PostgreSQL, capped at 10,001 when filtered) from hand-shaped SQL over plain ADO.NET, keyset with row values for deep pages. ");
        report.AppendLine("Naive = EF offset paging (`Skip/Take` over tracked entities) with an exact `COUNT(*)` on every page. Times in ms.");
        report.AppendLine();
        report.AppendLine("| list | query | app p50 | app p95 | floor p50 | floor p95 | app/floor p50 | naive p50 | naive/app p50 |");
        report.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");

        // Written after every line, so a run cut short still leaves its figures.
        Directory.CreateDirectory(outDir);
        var file = Path.Combine(outDir, $"{database.Provider.ToString().ToLowerInvariant()}{(only is null ? "" : "-" + only)}-{started:yyyy-MM-dd}.md");
        Task Flush() => File.WriteAllTextAsync(file, report.ToString());

        foreach (var (title, entity, filterField) in Lists.Where(l => only is null || l.Title.StartsWith(only, StringComparison.OrdinalIgnoreCase)))
        {
            var resource = catalog.For(entity);
            var cases = await CasesAsync(database, resource, filterField);
            foreach (var c in cases)
            {
                var n = c.Name.StartsWith("deep page, jump", StringComparison.Ordinal) ? Math.Max(5, iterations / 5) : iterations;
                // One scope for all iterations, as a Blazor circuit keeps one for its lifetime.
                await using var circuit = provider.CreateAsyncScope();
                var app = await TimeAsync(n, async () =>
                {
                    var store = NewStore(circuit.ServiceProvider, c.KeepAnchors ? c.Cache : new MemoryCache(new MemoryCacheOptions()));
                    await store.ListAsync(resource, c.Query());
                }, c.KeepAnchors ? () => ClearCounts(c.Cache) : null);
                var floor = await TimeAsync(iterations, () => Floor.RunAsync(database, catalog, resource, c));
                var naive = await TimeAsync(c.Name.StartsWith("deep", StringComparison.Ordinal) ? 5 : Math.Max(5, iterations / 4), () => Naive.RunAsync(provider, resource, c.Query()));
                var line = $"| {title} | {c.Name} | {app.P50:0.0} | {app.P95:0.0} | {floor.P50:0.0} | {floor.P95:0.0} | {app.P50 / floor.P50:0.00}× | {naive.P50:0.0} | {naive.P50 / app.P50:0.0}× |";
                AnsiConsole.WriteLine(line);
                report.AppendLine(line);
                await Flush();
            }
        }

        if (only is null or "search") await SearchBench.RunAsync(database, provider, iterations, report, Flush);
        if (only is null or "dashboards") await DashboardsAsync(database, provider, iterations, report, Flush);
        report.AppendLine();
        report.AppendLine($"Load average at the end: {Machine.LoadAverage()}.");
        await Flush();
        AnsiConsole.MarkupLine($"wrote [bold]{Markup.Escape(file)}[/]");
        return 0;
    }

    /// <summary><c>loop</c>: one list's case again and again for a while, in one scope, for a profiler (dotnet-trace) to watch; prints the mean, the median and the bytes allocated per load.</summary>
    public static async Task<int> LoopAsync(DatabaseOptions database, string list, string caseName, double seconds, bool floor)
    {
        var services = new ServiceCollection();
        services.AddGameOpsData(database);
        services.AddGameOpsResources();
        await using var provider = services.BuildServiceProvider();
        var catalog = provider.GetRequiredService<ResourceCatalog>();
        var (_, entity, filterField) = Lists.First(l => l.Title.StartsWith(list, StringComparison.OrdinalIgnoreCase));
        var resource = catalog.For(entity);
        var c = (await CasesAsync(database, resource, filterField)).First(x => x.Name.StartsWith(caseName, StringComparison.OrdinalIgnoreCase));
        await using var circuit = provider.CreateAsyncScope();
        var n = 0;
        var allocated = GC.GetTotalAllocatedBytes();
        var collections = GC.CollectionCount(0);
        var sw = Stopwatch.StartNew();
        var times = new List<double>();
        while (sw.Elapsed.TotalSeconds < seconds)
        {
            var one = Stopwatch.StartNew();
            if (floor) await Floor.RunAsync(database, catalog, resource, c);
            else
            {
                if (c.KeepAnchors) ClearCounts(c.Cache);
                var store = NewStore(circuit.ServiceProvider, c.KeepAnchors ? c.Cache : new MemoryCache(new MemoryCacheOptions()));
                await store.ListAsync(resource, c.Query());
            }
            n++;
            if (sw.Elapsed.TotalSeconds > 1) times.Add(one.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        AnsiConsole.WriteLine($"{(floor ? "floor" : "app")}, {c.Name}: {n} loads, mean {sw.Elapsed.TotalMilliseconds / n:0.000} ms, p50 after the first second {Percentile(times, 0.5):0.000} ms, {(GC.GetTotalAllocatedBytes() - allocated) / n / 1024.0:0.0} KB allocated per load, {GC.CollectionCount(0) - collections} gen0 collections, server GC {System.Runtime.GCSettings.IsServerGC}");
        return 0;
    }

    const string CountKeyPrefix = "count:";

    static void ClearCounts(MemoryCache cache)
    {
        foreach (var key in cache.Keys.OfType<string>().Where(k => k.StartsWith(CountKeyPrefix, StringComparison.Ordinal)).ToList()) cache.Remove(key);
    }

    /// <summary>The store as the app's container builds it: lists read through the pooled read contexts (over the primary here).</summary>
    static ResourceStore NewStore(IServiceProvider services, IMemoryCache cache) =>
        new(services.GetRequiredService<IDbContextFactory<GameOpsDbContext>>(), cache, services.GetRequiredService<ResourceCatalog>(), services.GetRequiredService<TableVersions>(),
            BenchStaff(), new GameOps.Web.Infrastructure.ReadOnlyDbContextFactory(new GameOps.Web.Infrastructure.ReadOnlyDatabaseOptions((DatabaseOptions?)null),
                services.GetRequiredService<DatabaseOptions>()));

    /// <summary>The store demands the reader's permission: the benchmark reads as an Admin.</summary>
    static GameOps.Web.Security.CurrentStaff BenchStaff()
    {
        var staff = new GameOps.Web.Security.CurrentStaff(new Microsoft.AspNetCore.Http.HttpContextAccessor());
        staff.Use(GameOps.Web.Security.StaffPrincipals.System(GameOps.Web.Security.StaffRoles.Admin));
        return staff;
    }

    static readonly System.Security.Claims.ClaimsPrincipal BenchManager = GameOps.Web.Security.StaffPrincipals.System(GameOps.Web.Security.StaffRoles.Manager);

    /// <summary>One timed query of a list: how the shell asks for it, and what the floor needs to know.</summary>
    public sealed class Case(string name, Func<ResourceQuery> query)
    {
        public string Name { get; } = name;
        public Func<ResourceQuery> Query { get; } = query;
        /// <summary>The page before is already known (the user pages on from a deep page): page anchors survive between runs.</summary>
        public bool KeepAnchors { get; init; }
        public MemoryCache Cache { get; } = new(new MemoryCacheOptions());
    }

    static async Task<List<Case>> CasesAsync(DatabaseOptions database, ResourceDescription resource, string filterField)
    {
        await using var db = GameOpsDatabase.CreateContext(database);
        var entity = db.Model.FindEntityType(resource.EntityType)!;
        var table = entity.GetTableName()!;
        string Column(string property) => entity.FindProperty(property)!.GetColumnName();
        var filterValue = await Sql.ScalarAsync<object>(db, $"SELECT \"{Column(filterField)}\" FROM \"{table}\" WHERE \"{Column(filterField)}\" IS NOT NULL LIMIT 1");
        var searchField = resource.SearchFields[0];
        var sample = await Sql.ScalarAsync<object>(db, $"SELECT \"{Column(searchField)}\" FROM \"{table}\" WHERE \"{Column(searchField)}\" IS NOT NULL ORDER BY \"id\" LIMIT 1 OFFSET 1000") as string
                     ?? await Sql.ScalarAsync<object>(db, $"SELECT \"{Column(searchField)}\" FROM \"{table}\" LIMIT 1") as string ?? "a";
        var term = resource.Field(searchField).SearchMode switch
        {
            SearchMode.Contains => sample.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First(),
            // "Any part of the name" (trigram): a piece from inside the name, not its start.
            SearchMode.AnyPart when sample.Length >= 7 => sample.Substring(2, Math.Min(5, sample.Length - 4)),
            _ => sample[..Math.Min(sample.Length, Math.Max(4, sample.Length - 3))],
        };
        var rows = await Sql.ScalarAsync<long>(db, $"SELECT COUNT(*) FROM \"{table}\"");
        var deepPage = (int)(Math.Min(DeepRows, rows * 9 / 10) / PageSize);

        var cases = new List<Case>
        {
            new("first page", () => new ResourceQuery { PageSize = PageSize }),
            new($"filtered: {filterField} = {filterValue}", () => Filtered(filterField, filterValue)),
            new($"search \"{term}\"", () => new ResourceQuery { Search = term, PageSize = PageSize }),
            new($"deep page, jump to page {deepPage + 1:N0}", () => new ResourceQuery { Page = deepPage, PageSize = PageSize }),
        };
        var next = new Case($"deep page, next (page {deepPage + 2:N0})", () => new ResourceQuery { Page = deepPage + 1, PageSize = PageSize }) { KeepAnchors = true };
        cases.Add(next);
        return cases;
    }

    static ResourceQuery Filtered(string field, object? value)
    {
        var query = new ResourceQuery { PageSize = PageSize };
        query.Filters[field] = value is bool b ? new FilterValue { Bool = b } : new FilterValue { Value = Convert.ToString(value, CultureInfo.InvariantCulture) };
        return query;
    }

    public sealed record Timing(double P50, double P95);

    /// <summary>Warm-up before timing: at least this many runs, and at least <see cref="WarmupTime"/>.</summary>
    const int WarmupRuns = 3;

    /// <summary>
    /// Long enough for the JIT to finish tiering the path up (a method is recompiled optimised after 30 calls, in the background,
    /// once the calls settle): with three runs alone, a sub-millisecond list was timed in partly unoptimised code, which a
    /// server running for minutes no longer runs.
    /// </summary>
    static readonly TimeSpan WarmupTime = TimeSpan.FromSeconds(1);

    static async Task<Timing> TimeAsync(int iterations, Func<Task> action, Action? before = null)
    {
        var warming = Stopwatch.StartNew();
        for (var i = 0; i < WarmupRuns || warming.Elapsed < WarmupTime && i < 5_000; i++) { before?.Invoke(); await action(); }
        var times = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            before?.Invoke();
            var sw = Stopwatch.StartNew();
            await action();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return new Timing(Percentile(times, 0.5), Percentile(times, 0.95));
    }

    static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    // ---------- dashboards ----------

    static async Task DashboardsAsync(DatabaseOptions database, ServiceProvider provider, int iterations, StringBuilder report, Func<Task> flush)
    {
        var rollups = new RollupService(database, Microsoft.Extensions.Options.Options.Create(new AnalyticsOptions()), NullLogger<RollupService>.Instance);
        await using (var db = GameOpsDatabase.CreateContext(database))
            await db.MetricRollups.ExecuteDeleteAsync();
        var full = await rollups.RefreshAsync();
        var again = await rollups.RefreshAsync();
        report.AppendLine();
        report.AppendLine($"Rollups (`RollupService`): backfill of {full.Days} days, {full.Rows:N0} rows in {full.Elapsed.TotalSeconds:0.0} s; incremental refresh ({again.Days} days) in {again.Elapsed.TotalSeconds:0.0} s.");
        report.AppendLine();
        report.AppendLine("Dashboard pages: every service call the page makes on load, together (ms).");
        report.AppendLine();
        report.AppendLine("| page | range | p50 | p95 |");
        report.AppendLine("| --- | --- | ---: | ---: |");
        foreach (var (label, range, g) in new[] { ("last 30 days, by day", DayRange.LastDays(30), Granularity.Day), ("last 90 days, by week", DayRange.LastDays(90), Granularity.Week) })
        {
            var pages = new List<(string, Func<AnalyticsService, Task>)> { ("/analytics", a => Overview(a, range, g)) };
            pages.AddRange(AnalyticsService.Pages.Select(p => ($"/analytics/{p.Key}", (Func<AnalyticsService, Task>)(a => Charts(a, p.Value, range, g)))));
            foreach (var (page, load) in pages)
            {
                var t = await TimeAsync(Math.Max(10, iterations / 4), async () =>
                {
                    await using var scope = provider.CreateAsyncScope();
                    scope.ServiceProvider.GetRequiredService<GameOps.Web.Security.CurrentStaff>().Use(BenchManager); // the service demands AnalyticsRead
                    await load(scope.ServiceProvider.GetRequiredService<AnalyticsService>());
                });
                var line = $"| {page} | {label} | {t.P50:0.0} | {t.P95:0.0} |";
                AnsiConsole.WriteLine(line);
                report.AppendLine(line);
                await flush();
            }
        }
    }

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
        if (keys.Contains("ops.moderation"))
        {
            await a.ModerationAsync(r);
            await a.ModerationAsync(r.Previous);
            foreach (var metric in await a.PerformanceMetricNamesAsync(r)) await a.ChartAsync("ops.perf:" + metric, r, g);
        }
    }

    // ---------- helpers ----------

    static class Sql
    {
        public static async Task<TValue> ScalarAsync<TValue>(GameOpsDbContext db, string sql)
        {
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 0;
            var value = await command.ExecuteScalarAsync();
            return value is DBNull or null ? default! : value is TValue v ? v : (TValue)Convert.ChangeType(value, typeof(TValue), CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The naive admin panel: tracked entities, Skip/Take, and an exact COUNT(*) for the pager on every page.</summary>
    static class Naive
    {
        public static Task RunAsync(IServiceProvider services, ResourceDescription resource, ResourceQuery query) =>
            (Task)typeof(Naive).GetMethod(nameof(RunCoreAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(resource.EntityType).Invoke(null, [services, resource, query])!;

        static async Task RunCoreAsync<T>(IServiceProvider services, ResourceDescription resource, ResourceQuery query) where T : class
        {
            await using var scope = services.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync();
            IQueryable<T> source = db.Set<T>();
            var e = Expression.Parameter(typeof(T), "e");
            foreach (var (name, filter) in query.Filters)
            {
                var member = Expression.Property(e, name);
                object? value = filter.Bool is { } b ? b : filter.Value;
                source = source.Where(Expression.Lambda<Func<T, bool>>(Expression.Equal(member, Expression.Constant(value, member.Type)), e));
            }
            if (query.Search is { } term)
            {
                var member = Expression.Property(e, resource.SearchFields[0]);
                var contains = Expression.Call(Expression.Call(member, typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!),
                    typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!, Expression.Constant(term.ToLowerInvariant()));
                source = source.Where(Expression.Lambda<Func<T, bool>>(contains, e));
            }
            var sortField = resource.DefaultSort ?? "Id";
            var key = Expression.Lambda(Expression.Convert(Expression.Property(e, sortField), typeof(object)), e);
            var keyTyped = Expression.Lambda(Expression.Property(e, sortField), e);
            var method = resource.DefaultSortDescending ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy);
            var ordered = (IQueryable<T>)source.Provider.CreateQuery<T>(Expression.Call(typeof(Queryable), method, [typeof(T), keyTyped.ReturnType], source.Expression, Expression.Quote(keyTyped)));
            _ = key;
            await source.CountAsync();
            await ordered.Skip(query.Page * query.PageSize).Take(query.PageSize).ToListAsync();
        }
    }

    /// <summary>The floor: the same page with plain SQL over ADO.NET (one command for the count, one for the rows).</summary>
    static class Floor
    {
        public static async Task RunAsync(DatabaseOptions database, ResourceCatalog catalog, ResourceDescription resource, Case c)
        {
            var shape = Shapes.GetOrAdd((resource.Slug, c.Name), _ => Shape.Build(database, catalog, resource, c));
            await using DbConnection connection = database.Provider == DatabaseProvider.Postgres
                ? new NpgsqlConnection(database.ConnectionString) : new SqliteConnection(database.ConnectionString);
            await connection.OpenAsync();
            var anchor = shape.NeedsAnchor ? await shape.AnchorAsync(connection) : null;
            await using (var count = connection.CreateCommand())
            {
                count.CommandText = shape.CountSql;
                shape.Bind(count, null);
                await count.ExecuteScalarAsync();
            }
            await using var rows = connection.CreateCommand();
            rows.CommandText = shape.RowsSql;
            shape.Bind(rows, anchor);
            await using var reader = await rows.ExecuteReaderAsync();
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync()) reader.GetValues(values);
        }

        static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), Shape> Shapes = new();
    }
}
