using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GameOps.Data;
using GameOps.Data.Seeding;
using GameOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GameOps.Tests.Data.Seeding;

/// <summary>The demo seeder fills every game table, only once, and the same options always give the same rows.</summary>
public sealed class DemoSeederTests
{
    /// <summary>Scale 1 where the figures matter (every table filled at full size); smaller where only sameness does, to keep the suite quick.</summary>
    static SeedOptions Options(double scale = 1) => new()
    {
        RandomSeed = 20261125,
        Scale = scale,
        Now = new DateTime(2026, 11, 20, 13, 0, 0, DateTimeKind.Utc),
    };

    /// <summary>Tables the seeder need not fill: staff accounts (staff_*) belong to the people who run the app.</summary>
    static bool IsGameTable(IEntityType entityType) => !entityType.GetTableName()!.StartsWith("staff_", StringComparison.Ordinal);

    /// <summary>Columns that ASP.NET Core Identity fills with random values (salted hashes, random stamps).</summary>
    static readonly HashSet<string> RandomIdentityColumns = ["password_hash", "security_stamp", "concurrency_stamp"];

    /// <remarks>One seeding serves both checks (filling, then seeding again): seeding is the suite's costliest step.</remarks>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Seeding_fills_every_game_table_and_seeding_again_adds_nothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        Dictionary<string, long> counts;
        await using (var db = database.CreateContext())
        {
            var result = await DemoSeeder.SeedAsync(db, Options(), ct);

            Assert.True(result.Seeded, "SeedAsync reported that it seeded nothing into an empty database");
            counts = await CountRowsAsync(db, ct);
            var empty = db.Model.GetEntityTypes().Where(IsGameTable).Select(e => e.GetTableName()!).Where(t => counts[t] == 0).Order().ToList();
            Assert.True(empty.Count == 0, $"{provider}: empty after seeding: {string.Join(", ", empty)}");
            foreach (var (table, rows) in result.RowsPerTable)
                if (counts.TryGetValue(table, out var actual))
                    Assert.True(actual >= rows, $"{table}: RowsPerTable says {rows}, the table holds {actual}");
        }

        await using (var db = database.CreateContext())
            Assert.False((await DemoSeeder.SeedAsync(db, Options(), ct)).Seeded, "a second SeedAsync seeded again");
        await using (var db = database.CreateContext())
            Assert.Equal(counts, await CountRowsAsync(db, ct));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_same_options_give_the_same_rows(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var dumps = new List<Dictionary<string, List<string>>>();
        for (var i = 0; i < 2; i++)
        {
            await using var database = await TestDatabases.CreateMigratedAsync(provider);
            await using (var db = database.CreateContext())
                Assert.True((await DemoSeeder.SeedAsync(db, Options(0.1), ct)).Seeded, "SeedAsync seeded nothing");
            await using (var db = database.CreateContext())
                dumps.Add(await DumpAsync(db, ct));
        }

        var differences = new List<string>();
        foreach (var (table, rows) in dumps[0])
        {
            var other = dumps[1][table];
            if (Hash(rows) == Hash(other)) continue;
            if (rows.Count != other.Count)
            {
                differences.Add($"{table}: {rows.Count} rows, then {other.Count}");
                continue;
            }
            var index = Enumerable.Range(0, rows.Count).First(r => rows[r] != other[r]);
            differences.Add($"{table}: row {index} differs:\n    {rows[index]}\n    {other[index]}");
        }
        Assert.True(differences.Count == 0, $"{provider}: two seedings with the same options differ in {differences.Count} tables:\n{string.Join("\n", differences)}");
        Assert.Contains(dumps[0].Values, rows => rows.Count > 0);
    }

    [Fact]
    public async Task The_moderation_history_covers_every_week_of_the_ninety_days_the_dashboards_offer()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var options = Options(0.1);
        await using (var db = database.CreateContext())
            await DemoSeeder.SeedAsync(db, options, ct);

        await using var read = database.CreateContext();
        var since = options.Now!.Value.Date.AddDays(-89);
        var opened = await read.PlayerReports.Where(r => r.CreatedAt >= since).Select(r => r.CreatedAt).ToListAsync(ct);
        var resolved = await read.PlayerReports.Where(r => r.ResolvedAt >= since).Select(r => r.ResolvedAt!.Value).ToListAsync(ct);
        static int Week(DateTime at, DateTime since) => (int)((at - since).TotalDays / 7);
        var weeksWithoutReports = Enumerable.Range(0, 12).Except(opened.Select(at => Week(at, since))).ToList();
        var weeksWithoutResolutions = Enumerable.Range(0, 12).Except(resolved.Select(at => Week(at, since))).ToList();
        Assert.True(weeksWithoutReports.Count == 0, $"the moderation workload chart would be flat in weeks {string.Join(", ", weeksWithoutReports)} of 12");
        Assert.True(weeksWithoutResolutions.Count == 0, $"no report resolved in weeks {string.Join(", ", weeksWithoutResolutions)} of 12");
        Assert.DoesNotContain(await read.PlayerReports.Where(r => r.CreatedAt < options.Now.Value.AddDays(-10)).Select(r => r.Status).Distinct().ToListAsync(ct),
            status => status is "open" or "in_review"); // old history is closed: the queue keeps its recent shape
    }

    internal static async Task<Dictionary<string, long>> CountRowsAsync(GameOpsDbContext db, CancellationToken ct)
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct().Order())
            counts[table] = Convert.ToInt64(await ScalarAsync(db, $"SELECT COUNT(*) FROM \"{table}\"", ct), CultureInfo.InvariantCulture);
        return counts;
    }

    /// <summary>Every row of every table in primary-key order, one invariant string per row.</summary>
    internal static async Task<Dictionary<string, List<string>>> DumpAsync(GameOpsDbContext db, CancellationToken ct)
    {
        var dump = new Dictionary<string, List<string>>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var entityType in db.Model.GetEntityTypes().OrderBy(e => e.GetTableName()))
            {
                var table = entityType.GetTableName()!;
                var identity = StoreObjectIdentifier.Table(table, entityType.GetSchema());
                var orderBy = string.Join(", ", entityType.FindPrimaryKey()!.Properties.Select(p => $"\"{p.GetColumnName(identity)}\""));
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {orderBy}";
                await using var reader = await command.ExecuteReaderAsync(ct);
                var rows = new List<string>();
                while (await reader.ReadAsync(ct))
                {
                    var row = new StringBuilder();
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        var column = reader.GetName(i);
                        if (table.StartsWith("staff_", StringComparison.Ordinal) && RandomIdentityColumns.Contains(column)) continue;
                        row.Append(column).Append('=').Append(Invariant(reader.GetValue(i))).Append("; ");
                    }
                    rows.Add(row.ToString());
                }
                dump[table] = rows;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return dump;
    }

    static string Invariant(object value) => value switch
    {
        DBNull => "null",
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    static string Hash(List<string> rows) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", rows))));

    static async Task<object?> ScalarAsync(GameOpsDbContext db, string sql, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteScalarAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
