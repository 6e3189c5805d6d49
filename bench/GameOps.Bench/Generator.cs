using System.Data.Common;
using System.Diagnostics;
using GameOps.Data;
using GameOps.Data.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace GameOps.Bench;

/// <summary>
/// Rows written to one table and how long that took; <paramref name="Blocked"/> is the part the loader spent blocked handing
/// bytes to the server (high: the server is the bottleneck; low: generating the rows is).
/// </summary>
public sealed record TableLoad(string Table, long Rows, TimeSpan Elapsed, TimeSpan Blocked = default);

/// <summary>The phases of a run: load (COPY or INSERT), indexes and constraints rebuilt, statistics (VACUUM ANALYZE).</summary>
/// <remarks>
/// <paramref name="LoadCpu"/>: CPU time this process used during the load; <paramref name="TemplateEncoding"/>: the part of the
/// load spent having the server encode the template (PostgreSQL; a fixed cost, whatever the scale).
/// </remarks>
public sealed record GenerateResult(IReadOnlyList<TableLoad> Tables, TimeSpan Template, TimeSpan Load, TimeSpan Indexes, TimeSpan Analyze, int Connections, TimeSpan LoadCpu, TimeSpan TemplateEncoding)
{
    public long Rows => Tables.Sum(t => t.Rows);
    public TimeSpan Total => Load + Indexes + Analyze;
    public double RowsPerSecond => Rows / Math.Max(0.001, Load.TotalSeconds);
    public double TotalRowsPerSecond => Rows / Math.Max(0.001, Total.TotalSeconds);
}

internal sealed record LoadPhases(IReadOnlyList<TableLoad> Tables, TimeSpan Load, TimeSpan Indexes, TimeSpan Analyze, TimeSpan LoadCpu, TimeSpan TemplateEncoding);

/// <summary>
/// Large consistent data sets, made by replicating the demo seeder's world. The seeder (scale 1) writes a template into a
/// throw-away SQLite file; every table is then written as N rows where row i is template row i % T in "copy" i / T:
/// copy 0 is the template row itself, later copies get derived primary keys, suffixed unique strings, timestamps shifted
/// back by up to two weeks, and foreign keys re-aimed at rows of the scaled parent table. Keys are a pure function of
/// (table, row number), so parents never have to be kept in memory and load order does not matter. Foreign keys that are
/// part of a unique index follow the child's copy (copy k points at the parent's copy k), which keeps those indexes unique.
/// </summary>
public sealed class Generator(DatabaseOptions target, double scale, Action<string, long, long>? progress = null)
{
    /// <summary>Rows at scale 1 for the tables the benchmark is about; the rest follow the template's ratio to players.</summary>
    public static readonly IReadOnlyDictionary<string, long> Targets = new Dictionary<string, long>
    {
        ["users"] = 1_000_000,
        ["actors"] = 1_500_000,
        ["chat_messages"] = 10_000_000,
        ["payment_transactions"] = 2_000_000,
        ["session_data"] = 3_000_000,
        ["player_reports"] = 100_000,
        ["performance_metrics"] = 2_000_000,
        ["game_analytics"] = 1_000_000,
        ["user_analytics"] = 1_000_000,
        ["event_analytics"] = 500_000,
        ["business_metrics"] = 500_000,
        ["staff_audit_logs"] = 1_000_000,
        ["moderation_actions"] = 200_000,
        ["audit_logs"] = 1_000_000,
        ["items"] = 50_000,
    };

    /// <summary>Tables copied once, as the seeder made them: staff accounts, the design catalogue and the world map.</summary>
    static readonly HashSet<string> Verbatim =
    [
        "quests", "achievements", "skill_definitions", "resource_definitions", "crafting_recipes", "world_zones", "territories",
        "spawn_points", "staff_settings",
    ];

    /// <summary>Derived data the app computes itself (the rollup worker fills it).</summary>
    static readonly HashSet<string> Skipped = ["metric_rollups"];

    /// <summary>No table other than <see cref="Targets"/> grows beyond this many rows per unit of scale.</summary>
    const long ProportionalCap = 1_000_000;

    /// <summary>PostgreSQL sessions that load (and then index) tables side by side.</summary>
    public int Connections { get; init; } = 3;

    public async Task<GenerateResult> RunAsync(CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var template = await Template.LoadAsync(ct);
        var templateTime = clock.Elapsed;

        await using (var migrate = GameOpsDatabase.CreateContext(target))
            await migrate.Database.MigrateAsync(ct);
        await using var db = GameOpsDatabase.CreateContext(target);
        var plans = Plan(db.Model, template);
        var tables = TableRows.Compile(plans, template);
        await db.Database.OpenConnectionAsync(ct);
        var phases = db.Database.GetDbConnection() is SqliteConnection sqlite
            ? await new SqliteLoader(sqlite, progress).RunAsync(tables, ct)
            : await new PostgresLoader(target.ConnectionString, Math.Max(1, Connections), progress).RunAsync(tables, ct);
        return new GenerateResult(phases.Tables, templateTime, phases.Load, phases.Indexes, phases.Analyze,
            target.Provider == DatabaseProvider.Postgres ? Math.Max(1, Connections) : 1, phases.LoadCpu, phases.TemplateEncoding);
    }

    // ---------- the plan ----------

    internal sealed class TablePlan(IEntityType entity, string table, long rows, int templateRows)
    {
        public IEntityType Entity { get; } = entity;
        public string Table { get; } = table;
        public long Rows { get; set; } = rows;
        public int TemplateRows { get; } = templateRows;
        public bool IsVerbatim => Rows <= TemplateRows;
        public List<ColumnPlan> Columns { get; } = [];
    }

    internal enum ColumnRole { Copy, Key, UniqueText, ForeignKey, Time }

    internal sealed record ColumnPlan(IProperty Property, string Column, ColumnRole Role, int TemplateIndex)
    {
        public IForeignKey? ForeignKey { get; init; }
        /// <summary>The foreign key belongs to a unique index: copy k of the child points at copy k of the parent.</summary>
        public bool FollowsCopy { get; init; }
        public string StoreType { get; init; } = "";
    }

    List<TablePlan> Plan(IModel model, Template template)
    {
        var entities = model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()).ToList();
        var players = Math.Max(1, template.Count("users"));
        var playerTarget = Math.Max(1, (long)Math.Round(Targets["users"] * scale));
        var plans = new Dictionary<string, TablePlan>();
        foreach (var entity in entities)
        {
            var table = entity.GetTableName()!;
            var t = template.Count(table);
            long rows = Skipped.Contains(table) || t == 0 ? 0
                : Targets.TryGetValue(table, out var n) ? Math.Max(t, (long)Math.Round(n * scale))
                : Verbatim.Contains(table) || table.StartsWith("AspNet", StringComparison.Ordinal) || table.StartsWith("staff_", StringComparison.Ordinal) ? t
                : Math.Max(t, Math.Min((long)Math.Round(ProportionalCap * scale), (long)Math.Round((double)t * playerTarget / players)));
            plans[table] = new TablePlan(entity, table, rows, t);
        }

        foreach (var plan in plans.Values)
        {
            var entity = plan.Entity;
            var storeObject = StoreObjectIdentifier.Table(plan.Table, entity.GetSchema());
            var uniqueIndexes = entity.GetIndexes().Where(i => i.IsUnique).Select(i => i.Properties)
                .Concat(entity.GetKeys().Select(k => k.Properties)).ToList();
            var followers = new HashSet<IProperty>();
            var suffixed = new HashSet<IProperty>();
            foreach (var unique in uniqueIndexes)
            {
                var scaledKeys = unique.Where(p => p.GetContainingForeignKeys().Any(fk => !plans[fk.PrincipalEntityType.GetTableName()!].IsVerbatim)).ToList();
                if (scaledKeys.Count > 0) followers.UnionWith(scaledKeys);
                else if (unique.LastOrDefault(p => p.ClrType == typeof(string)) is { } text) suffixed.Add(text);
                else if (!plan.IsVerbatim && !unique.Any(p => p.IsPrimaryKey() && p.ClrType == typeof(Guid) && !p.IsForeignKey()))
                    throw new InvalidOperationException($"{plan.Table}: cannot keep unique index ({string.Join(", ", unique.Select(p => p.Name))}) unique when copying.");
            }
            foreach (var property in entity.GetProperties().Where(p => !p.IsSystemColumn()))
            {
                var column = property.GetColumnName(storeObject)!;
                var index = template.ColumnIndex(plan.Table, column);
                var fk = property.GetContainingForeignKeys().FirstOrDefault();
                var role = property.IsPrimaryKey() && fk is null ? ColumnRole.Key
                    : fk is not null ? ColumnRole.ForeignKey
                    : suffixed.Contains(property) ? ColumnRole.UniqueText
                    : property.ClrType == typeof(DateTime) || property.ClrType == typeof(DateTime?) ? ColumnRole.Time
                    : ColumnRole.Copy;
                if (role == ColumnRole.Key && plan.Rows > plan.TemplateRows && property.ClrType != typeof(Guid))
                    throw new InvalidOperationException($"{plan.Table}.{column}: only Guid keys can be derived for copies.");
                plan.Columns.Add(new ColumnPlan(property, column, role, index)
                {
                    ForeignKey = fk,
                    FollowsCopy = followers.Contains(property),
                    StoreType = property.GetColumnType(storeObject),
                });
            }
        }

        // A table whose unique index follows its parents' copies cannot have more copies than those parents.
        foreach (var plan in plans.Values)
            foreach (var column in plan.Columns.Where(c => c.FollowsCopy))
            {
                var parent = plans[column.ForeignKey!.PrincipalEntityType.GetTableName()!];
                var parentCopies = parent.Rows / Math.Max(1, parent.TemplateRows);
                plan.Rows = Math.Min(plan.Rows, Math.Max(1, parentCopies) * plan.TemplateRows);
            }
        return plans.Values.Where(p => p.Rows > 0).OrderBy(p => p.Table, StringComparer.Ordinal).ToList();
    }

    // ---------- keys ----------

    public static Guid DerivedKey(int tableSalt, long row)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, Mix((ulong)row ^ (ulong)(uint)tableSalt << 40));
        BitConverter.TryWriteBytes(bytes[8..], Mix((ulong)(uint)tableSalt * 0x9E3779B97F4A7C15UL ^ (ulong)row));
        bytes[7] = (byte)(bytes[7] & 0x0F | 0x40); // version 4 layout
        bytes[8] = (byte)(bytes[8] & 0x3F | 0x80);
        return new Guid(bytes);
    }

    /// <summary>Unique text for copy k: "name" → "name-k" in base 36 (kept within the column's length, before an e-mail's @).</summary>
    public static string Suffix(string value, long copy, int? maxLength)
    {
        var buffer = new char[value.Length + 16];
        return new string(buffer, 0, Suffix(value, copy, maxLength, buffer));
    }

    /// <summary><see cref="Suffix(string, long, int?)"/> into a buffer of at least value.Length + 16 chars; returns the length.</summary>
    public static int Suffix(string value, long copy, int? maxLength, Span<char> destination)
    {
        Span<char> suffix = stackalloc char[16];
        suffix[0] = '-';
        var length = 1 + Base36(copy, suffix[1..]);
        var at = value.IndexOf('@');
        var head = at >= 0 ? value.AsSpan(0, at) : value.AsSpan();
        var tail = at >= 0 ? value.AsSpan(at) : [];
        if (maxLength is { } max && head.Length + length + tail.Length > max)
            head = head[..Math.Max(0, max - length - tail.Length)];
        head.CopyTo(destination);
        suffix[..length].CopyTo(destination[head.Length..]);
        tail.CopyTo(destination[(head.Length + length)..]);
        return head.Length + length + tail.Length;
    }

    static int Base36(long n, Span<char> destination)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var length = 0;
        for (var rest = n; ; rest /= 36) { length++; if (rest < 36) break; }
        for (var i = length - 1; i >= 0; i--, n /= 36) destination[i] = digits[(int)(n % 36)];
        return length;
    }

    static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ x >> 30) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ x >> 27) * 0x94D049BB133111EBUL;
        return x ^ x >> 31;
    }

    public static int StableHash(string s)
    {
        uint h = 2166136261;
        foreach (var c in s) { h ^= c; h *= 16777619; }
        return (int)(h & 0x7FFFFF);
    }

    // ---------- the template ----------

    /// <summary>The demo seeder's world at scale 1, read into memory with the model's CLR values.</summary>
    internal sealed class Template
    {
        readonly Dictionary<string, List<object?[]>> rows = [];
        readonly Dictionary<string, List<string>> columns = [];
        readonly Dictionary<(string, int), Dictionary<object, int>> lookups = [];

        public int Count(string table) => rows.TryGetValue(table, out var r) ? r.Count : 0;
        public List<object?[]> Rows(string table) => rows[table];
        public int ColumnIndex(string table, string column) => columns.TryGetValue(table, out var c) ? c.IndexOf(column) : -1;

        public int IndexOf(string table, int column, object value)
        {
            if (!lookups.TryGetValue((table, column), out var lookup))
            {
                lookup = [];
                var list = rows[table];
                for (var i = 0; i < list.Count; i++)
                    if (list[i][column] is { } v) lookup.TryAdd(v, i);
                lookups[(table, column)] = lookup;
            }
            return lookup.TryGetValue(value, out var index) ? index
                : throw new InvalidOperationException($"template {table}: no row with key {value}");
        }

        static readonly Lazy<Task<Template>> Shared = new(() => SeedAndReadAsync(CancellationToken.None));

        /// <summary>Seeded once per process (the seeder is deterministic for the hour).</summary>
        public static Task<Template> LoadAsync(CancellationToken ct) => Shared.Value.WaitAsync(ct);

        static async Task<Template> SeedAndReadAsync(CancellationToken ct)
        {
            var file = Path.Combine(Path.GetTempPath(), $"gameops-bench-template-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
            var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={file};Pooling=False" };
            try
            {
                await using var db = GameOpsDatabase.CreateContext(options);
                await db.Database.MigrateAsync(ct);
                await DemoSeeder.SeedAsync(db, new SeedOptions { Scale = 1, Now = DateTime.UtcNow.Date.AddHours(DateTime.UtcNow.Hour) }, ct);
                var template = new Template();
                var connection = db.Database.GetDbConnection();
                await db.Database.OpenConnectionAsync(ct);
                foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
                {
                    var table = entity.GetTableName()!;
                    var storeObject = StoreObjectIdentifier.Table(table, null);
                    var properties = entity.GetProperties().Where(p => !p.IsSystemColumn()).ToList();
                    template.columns[table] = properties.Select(p => p.GetColumnName(storeObject)!).ToList();
                    var list = template.rows[table] = [];
                    await using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT {string.Join(", ", template.columns[table].Select(c => '"' + c + '"'))} FROM \"{table}\" ORDER BY rowid";
                    await using var reader = await command.ExecuteReaderAsync(ct);
                    var readers = properties.Select(p => ((RelationalTypeMapping)p.GetRelationalTypeMapping())).ToArray();
                    while (await reader.ReadAsync(ct))
                    {
                        var row = new object?[properties.Count];
                        for (var c = 0; c < row.Length; c++)
                            row[c] = reader.IsDBNull(c) ? null : ReadValue(reader, c, properties[c], readers[c]);
                        list.Add(row);
                    }
                }
                return template;
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                File.Delete(file);
            }
        }

        /// <summary>A stored value back as the model's CLR value (through the provider's reader and the property's converter).</summary>
        static object? ReadValue(DbDataReader reader, int ordinal, IProperty property, RelationalTypeMapping mapping)
        {
            var providerType = mapping.Converter?.ProviderClrType ?? property.ClrType;
            providerType = Nullable.GetUnderlyingType(providerType) ?? providerType;
            var method = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!.MakeGenericMethod(providerType);
            var value = method.Invoke(reader, [ordinal]);
            return mapping.Converter is { } converter ? converter.ConvertFromProvider(value) : value;
        }
    }
}
