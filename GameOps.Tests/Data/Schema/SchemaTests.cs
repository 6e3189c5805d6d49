using GameOps.Data;
using GameOps.Tests.Infrastructure;

namespace GameOps.Tests.Data.Schema;

/// <summary>The migrated database holds the whole designed schema (<see cref="ExpectedSchema"/>), read back from its catalogue.</summary>
public sealed class SchemaTests
{
    /// <summary>Design types and the PostgreSQL types that carry them.</summary>
    static readonly Dictionary<string, string[]> PostgresTypes = new()
    {
        ["uuid"] = ["uuid"],
        ["string"] = ["text", "character varying"],
        ["text"] = ["text", "character varying"],
        ["int"] = ["integer"],
        ["bigint"] = ["bigint"],
        ["decimal"] = ["numeric"],
        ["boolean"] = ["boolean"],
        ["json"] = ["jsonb"],
        ["timestamp"] = ["timestamp with time zone"],
    };

    /// <summary>Design types and the SQLite declared types EF Core gives them (decimals are REAL there on purpose).</summary>
    static readonly Dictionary<string, string[]> SqliteTypes = new()
    {
        ["uuid"] = ["text"],
        ["string"] = ["text"],
        ["text"] = ["text"],
        ["int"] = ["integer"],
        ["bigint"] = ["integer"],
        ["decimal"] = ["real"],
        ["boolean"] = ["integer"],
        ["json"] = ["text"],
        ["timestamp"] = ["text"],
    };

    [Fact]
    public void Expected_schema_has_54_tables_and_475_columns()
    {
        Assert.Equal(46, ExpectedSchema.Tables.Count);
        Assert.Equal(54, ExpectedSchema.Tables.Select(t => t.Name).Concat(ExpectedSchema.NamedOnlyTables).Distinct().Count());
        Assert.Equal(475, ExpectedSchema.Tables.Sum(t => t.Columns.Count));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Migrated_database_matches_the_designed_schema(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        var live = await LiveSchema.ReadAsync(db, TestContext.Current.CancellationToken);
        var types = provider == DatabaseProvider.Postgres ? PostgresTypes : SqliteTypes;

        var shortfalls = new List<string>();
        int tablesFound = 0, columnsFound = 0;
        foreach (var name in ExpectedSchema.NamedOnlyTables.Concat(ExpectedSchema.ExtraTables))
        {
            if (live.Tables.ContainsKey(name)) tablesFound += ExpectedSchema.NamedOnlyTables.Contains(name) ? 1 : 0;
            else shortfalls.Add($"missing table {name}");
        }
        foreach (var table in ExpectedSchema.Tables)
        {
            if (!live.Tables.TryGetValue(table.Name, out var columns))
            {
                shortfalls.Add($"missing table {table.Name}");
                continue;
            }
            tablesFound++;
            foreach (var column in table.Columns)
            {
                var where = $"{table.Name}.{column.Name}";
                if (!columns.TryGetValue(column.Name, out var actual))
                {
                    shortfalls.Add($"missing column {where}");
                    continue;
                }
                columnsFound++;
                var liveType = StripLength(actual.Type);
                if (!types[column.Type].Contains(liveType))
                    shortfalls.Add($"type {where}: designed {column.Type}, database {actual.Type} (expected {string.Join(" or ", types[column.Type])})");
                if (column.Keys.HasFlag(ColumnKeys.PK) && !actual.IsPrimaryKey)
                    shortfalls.Add($"not the primary key: {where}");
                if (column.Keys.HasFlag(ColumnKeys.FK) && !live.ForeignKeyColumns.Contains((table.Name, column.Name)))
                    shortfalls.Add($"no foreign key on {where}");
                if (column.Keys.HasFlag(ColumnKeys.UK) && !live.UniqueColumns.Contains((table.Name, column.Name)))
                    shortfalls.Add($"no single-column unique index on {where}");
            }
        }

        Assert.True(shortfalls.Count == 0, $"{provider}: {shortfalls.Count} shortfalls:\n{string.Join("\n", shortfalls)}");
        Assert.Equal(54, tablesFound);
        Assert.Equal(475, columnsFound);
    }

    /// <summary>SQLite reports declared types as written ("TEXT"); PostgreSQL's data_type has no length. Both lower-cased already.</summary>
    static string StripLength(string type)
    {
        var paren = type.IndexOf('(');
        return paren < 0 ? type : type[..paren].Trim();
    }
}
