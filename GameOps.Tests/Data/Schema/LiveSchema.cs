using System.Data.Common;
using GameOps.Data;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Tests.Data.Schema;

public sealed record LiveColumn(string Type, bool IsPrimaryKey);

/// <summary>
/// What a live database's catalogue says: tables and columns with their types, primary keys, foreign-key
/// columns and the columns that carry a single-column unique index (or constraint).
/// </summary>
public sealed class LiveSchema
{
    public Dictionary<string, Dictionary<string, LiveColumn>> Tables { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<(string Table, string Column)> ForeignKeyColumns { get; } = [];
    public HashSet<(string Table, string Column)> UniqueColumns { get; } = [];

    public static async Task<LiveSchema> ReadAsync(GameOpsDbContext db, CancellationToken cancellationToken = default)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return db.Provider == DatabaseProvider.Postgres
                ? await ReadPostgresAsync(connection, cancellationToken)
                : await ReadSqliteAsync(connection, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static async Task<List<object[]>> QueryAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<object[]>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }

    static string Key(object value) => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!.ToLowerInvariant();

    static async Task<LiveSchema> ReadSqliteAsync(DbConnection connection, CancellationToken ct)
    {
        var schema = new LiveSchema();
        var tables = (await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", ct))
            .Select(r => (string)r[0]).ToList();
        foreach (var table in tables)
        {
            var t = table.ToLowerInvariant();
            var columns = new Dictionary<string, LiveColumn>(StringComparer.OrdinalIgnoreCase);
            // cid, name, type, notnull, dflt_value, pk
            foreach (var r in await QueryAsync(connection, $"PRAGMA table_info(\"{table}\")", ct))
                columns[Key(r[1])] = new LiveColumn(Key(r[2]), Convert.ToInt64(r[5]) > 0);
            schema.Tables[t] = columns;

            // id, seq, table, from, to, on_update, on_delete, match
            foreach (var r in await QueryAsync(connection, $"PRAGMA foreign_key_list(\"{table}\")", ct))
                schema.ForeignKeyColumns.Add((t, Key(r[3])));

            // seq, name, unique, origin, partial
            foreach (var index in await QueryAsync(connection, $"PRAGMA index_list(\"{table}\")", ct))
            {
                if (Convert.ToInt64(index[2]) == 0) continue;
                // seqno, cid, name
                var indexColumns = await QueryAsync(connection, $"PRAGMA index_info(\"{index[1]}\")", ct);
                if (indexColumns.Count == 1) schema.UniqueColumns.Add((t, Key(indexColumns[0][2])));
            }
        }
        return schema;
    }

    static async Task<LiveSchema> ReadPostgresAsync(DbConnection connection, CancellationToken ct)
    {
        var schema = new LiveSchema();
        foreach (var r in await QueryAsync(connection,
                     "SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'", ct))
        {
            var t = Key(r[0]);
            if (!schema.Tables.TryGetValue(t, out var columns))
                schema.Tables[t] = columns = new Dictionary<string, LiveColumn>(StringComparer.OrdinalIgnoreCase);
            columns[Key(r[1])] = new LiveColumn(Key(r[2]), false);
        }

        const string keyColumns = """
            SELECT tc.table_name, kcu.column_name
            FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage kcu
              ON tc.constraint_name = kcu.constraint_name AND tc.table_schema = kcu.table_schema AND tc.table_name = kcu.table_name
            WHERE tc.table_schema = 'public' AND tc.constraint_type = '{0}'
            """;
        foreach (var r in await QueryAsync(connection, string.Format(keyColumns, "PRIMARY KEY"), ct))
        {
            var (t, c) = (Key(r[0]), Key(r[1]));
            schema.Tables[t][c] = schema.Tables[t][c] with { IsPrimaryKey = true };
        }
        foreach (var r in await QueryAsync(connection, string.Format(keyColumns, "FOREIGN KEY"), ct))
            schema.ForeignKeyColumns.Add((Key(r[0]), Key(r[1])));

        foreach (var r in await QueryAsync(connection, """
                     SELECT t.relname, a.attname
                     FROM pg_index i
                     JOIN pg_class t ON t.oid = i.indrelid
                     JOIN pg_namespace n ON n.oid = t.relnamespace
                     JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = i.indkey[0]
                     WHERE n.nspname = 'public' AND i.indisunique AND i.indnatts = 1 AND i.indpred IS NULL
                     """, ct))
            schema.UniqueColumns.Add((Key(r[0]), Key(r[1])));
        return schema;
    }
}
