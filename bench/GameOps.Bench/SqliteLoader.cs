using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GameOps.Bench;

/// <summary>
/// Loads the generated tables into SQLite: secondary indexes dropped and recreated from their exact SQL, foreign-key checks off,
/// one prepared INSERT per table whose parameters are bound once and only get new values, one transaction per table, and
/// <c>synchronous = OFF</c> plus a large page cache during the load only (restored afterwards).
/// </summary>
internal sealed class SqliteLoader(SqliteConnection connection, Action<string, long, long>? progress)
{
    public async Task<LoadPhases> RunAsync(Dictionary<string, TableRows> tables, CancellationToken ct)
    {
        var synchronous = Convert.ToInt64(await ScalarAsync("PRAGMA synchronous", ct));
        var cacheSize = Convert.ToInt64(await ScalarAsync("PRAGMA cache_size", ct));
        await ExecuteAsync("PRAGMA foreign_keys = OFF", ct); // the generator guarantees the references
        var droppedIndexes = await DropSecondaryIndexesAsync(tables.Keys.ToHashSet(), ct);
        var clock = Stopwatch.StartNew();
        var loads = new List<TableLoad>();
        TimeSpan load, indexes, loadCpu;
        try
        {
            await ExecuteAsync("PRAGMA synchronous = OFF", ct);
            await ExecuteAsync("PRAGMA cache_size = -262144", ct); // 256 MB
            foreach (var table in tables.Keys) await ExecuteAsync($"DELETE FROM \"{table}\"", ct);
            clock.Restart();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var table in tables.Values.OrderBy(t => t.Table, StringComparer.Ordinal))
            {
                var started = clock.Elapsed;
                Insert(table, ct);
                loads.Add(new TableLoad(table.Table, table.Rows, clock.Elapsed - started));
            }
            load = clock.Elapsed;
            loadCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        }
        finally
        {
            clock.Restart();
            foreach (var sql in droppedIndexes) await ExecuteAsync(sql, ct);
            indexes = clock.Elapsed;
            await ExecuteAsync($"PRAGMA synchronous = {synchronous}", ct);
            await ExecuteAsync($"PRAGMA cache_size = {cacheSize}", ct);
            await ExecuteAsync("PRAGMA foreign_keys = ON", ct);
        }
        clock.Restart();
        await ExecuteAsync("ANALYZE", ct);
        return new LoadPhases(loads, load, indexes, clock.Elapsed, loadCpu, TimeSpan.Zero);
    }

    void Insert(TableRows table, CancellationToken ct)
    {
        var columns = table.Plan.Columns;
        using var tx = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO \"{table.Table}\" ({string.Join(", ", columns.Select(c => '"' + c.Column + '"'))}) " +
                              $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        var parameters = new SqliteParameter[columns.Count];
        var converters = new ValueConverter?[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            var mapping = (RelationalTypeMapping)columns[c].Property.GetRelationalTypeMapping();
            converters[c] = mapping.Converter;
            parameters[c] = (SqliteParameter)mapping.CreateParameter(command, "@p" + c, null, nullable: true);
            command.Parameters.Add(parameters[c]);
        }
        command.Prepare();
        var cursor = new RowCursor(table);
        for (long i = 0; i < table.Rows; i++)
        {
            cursor.MoveTo(i);
            for (var c = 0; c < parameters.Length; c++)
            {
                var value = TableRows.ValueOf(cursor[c]);
                if (value is not null && converters[c] is { } converter) value = converter.ConvertToProvider(value);
                parameters[c].Value = value ?? DBNull.Value;
            }
            command.ExecuteNonQuery();
            if ((i & 0xFFFF) == 0xFFFF)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Invoke(table.Table, i + 1, table.Rows);
            }
        }
        tx.Commit();
        progress?.Invoke(table.Table, table.Rows, table.Rows);
    }

    /// <summary>Drops the secondary indexes of the tables and returns the exact statements that recreate them.</summary>
    async Task<List<string>> DropSecondaryIndexesAsync(HashSet<string> tables, CancellationToken ct)
    {
        var indexes = new List<(string Name, string Sql)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                if (tables.Contains(reader.GetString(1))) indexes.Add((reader.GetString(0), reader.GetString(2)));
        }
        foreach (var (name, _) in indexes) await ExecuteAsync($"DROP INDEX \"{name}\"", ct);
        return indexes.Select(i => i.Sql).ToList();
    }

    async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }

    async Task<object?> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }
}
