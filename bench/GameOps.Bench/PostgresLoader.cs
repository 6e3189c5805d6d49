using System.Buffers.Binary;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace GameOps.Bench;

/// <summary>
/// Loads the generated tables into PostgreSQL as fast as one machine allows, and leaves the schema exactly as the migrations
/// made it. Before the load, every primary key, unique constraint, foreign key and secondary index of the generated tables is
/// dropped (their definitions read back from the catalogue). Tables are then loaded side by side on several sessions, each
/// with one binary COPY whose rows are encoded here byte by byte: the template's values are encoded once by the server
/// (a temporary table round trip), so a row is mostly copied bytes plus derived keys, shifted timestamps and suffixed texts.
/// Each COPY runs in the transaction that truncates its table, WITH FREEZE, so the rows are written frozen and the final
/// VACUUM has nothing left to do. Afterwards keys and indexes are rebuilt from their exact definitions (sorted builds instead
/// of millions of random inserts), the foreign keys are re-added NOT VALID and then validated, all side by side, and the tables
/// the game appends to in time order are clustered on their time index (<see cref="TimeOrdered"/>).
/// </summary>
internal sealed class PostgresLoader(string connectionString, int connections, Action<string, long, long>? progress)
{
    static readonly string[] SessionSettings =
    [
        "SET session_replication_role = replica", // no user triggers: the audit table's append-only guard must not block TRUNCATE
        "SET synchronous_commit = off",
        "SET maintenance_work_mem = '1GB'", // sorts for the index builds at scale 1 (10M rows) stay in memory
        "SET work_mem = '64MB'",
    ];

    sealed record Constraint(string Table, string Name, string Definition, bool Validated);

    sealed record Index(string Table, string Definition);

    sealed record Schema(List<Constraint> Keys, List<Constraint> ForeignKeys, List<Index> Indexes);

    public async Task<LoadPhases> RunAsync(Dictionary<string, TableRows> tables, CancellationToken ct)
    {
        await using var control = await OpenAsync(ct);
        await ExecuteAsync(control, "TRUNCATE " + string.Join(", ", tables.Keys.Order(StringComparer.Ordinal).Select(Quote)) + " CASCADE", ct);
        var schema = await StripAsync(control, tables.Keys.ToHashSet(), ct);
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        List<TableLoad> loads;
        TimeSpan load, indexes, loadCpu, encoding;
        try
        {
            await RunParallelAsync(tables.Values.Select(t => new Job(t.Values.Length, c => EncodeTemplate(c, t))), ct);
            encoding = clock.Elapsed;
            loads = await LoadAsync(tables.Values, clock, ct);
            load = clock.Elapsed;
            loadCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        }
        finally
        {
            clock.Restart();
            await RestoreAsync(control, schema, tables, ct);
            await RunParallelAsync(TimeOrdered.Where(t => tables.ContainsKey(t.Table)).Select(t => new Job(Rows(tables, t.Table),
                c => Execute(c, $"CLUSTER {Quote(t.Table)} USING {Quote(t.Index)}"))), ct);
            indexes = clock.Elapsed;
        }
        clock.Restart();
        var allTables = await QueryAsync(control,
            "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'", r => r.GetString(0), ct);
        await RunParallelAsync(allTables.Select(t => new Job(Rows(tables, t), c => Execute(c, $"VACUUM (ANALYZE) {Quote(t)}"))), ct);
        return new LoadPhases(loads, load, indexes, clock.Elapsed, loadCpu, encoding);
    }

    /// <summary>
    /// Tables the game appends to as things happen, so that in production their rows lie in time order on disk (a newest-first
    /// walk reads adjacent pages). The generator writes template copies in no time order (correlation of created_at ≈ 0), which
    /// made every row a walk visits cost a page of its own; CLUSTER puts them back in the order production would have them.
    /// </summary>
    static readonly (string Table, string Index)[] TimeOrdered = [("chat_messages", "ix_chat_messages_created_at")];

    static long Rows(Dictionary<string, TableRows> tables, string table) => tables.TryGetValue(table, out var t) ? t.Rows : 0;

    // ---------- schema ----------

    /// <summary>Drops the keys, foreign keys and secondary indexes of the generated tables; returns their definitions.</summary>
    static async Task<Schema> StripAsync(NpgsqlConnection connection, HashSet<string> tables, CancellationToken ct)
    {
        var constraints = await QueryAsync(connection, """
            SELECT t.relname, c.conname, c.contype::text, pg_get_constraintdef(c.oid), c.convalidated, f.relname
            FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid LEFT JOIN pg_class f ON f.oid = c.confrelid
            WHERE t.relnamespace = 'public'::regnamespace AND c.contype IN ('p', 'u', 'f')
            ORDER BY t.relname, c.conname
            """, r => (Constraint: new Constraint(r.GetString(0), r.GetString(1), r.GetString(3), r.GetBoolean(4)), Type: r.GetString(2),
                Parent: r.IsDBNull(5) ? null : r.GetString(5)), ct);
        var foreignKeys = constraints.Where(c => c.Type == "f" && (tables.Contains(c.Constraint.Table) || tables.Contains(c.Parent!)))
            .Select(c => c.Constraint).ToList();
        var keys = constraints.Where(c => c.Type != "f" && tables.Contains(c.Constraint.Table)).Select(c => c.Constraint).ToList();
        var indexes = (await QueryAsync(connection, """
            SELECT t.relname, i.relname, pg_get_indexdef(x.indexrelid)
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
            WHERE t.relnamespace = 'public'::regnamespace
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.contype IN ('p', 'u', 'x'))
            ORDER BY i.relname
            """, r => (Table: r.GetString(0), Name: r.GetString(1), Sql: r.GetString(2)), ct))
            .Where(i => tables.Contains(i.Table)).ToList();

        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var fk in foreignKeys) await ExecuteAsync(connection, $"ALTER TABLE {Quote(fk.Table)} DROP CONSTRAINT {Quote(fk.Name)}", ct);
        foreach (var key in keys) await ExecuteAsync(connection, $"ALTER TABLE {Quote(key.Table)} DROP CONSTRAINT {Quote(key.Name)}", ct);
        foreach (var index in indexes) await ExecuteAsync(connection, $"DROP INDEX {Quote(index.Name)}", ct);
        await tx.CommitAsync(ct);
        return new Schema(keys, foreignKeys, indexes.Select(i => new Index(i.Table, i.Sql)).ToList());
    }

    /// <summary>Keys first (an index waits for its table's key), then the foreign keys: added NOT VALID, validated side by side.</summary>
    async Task RestoreAsync(NpgsqlConnection control, Schema schema, Dictionary<string, TableRows> tables, CancellationToken ct)
    {
        var keyJobs = schema.Keys.Select(k => (k.Table, Job: new Job(Rows(tables, k.Table),
            c => Execute(c, $"ALTER TABLE {Quote(k.Table)} ADD CONSTRAINT {Quote(k.Name)} {k.Definition}")))).ToList();
        var indexJobs = schema.Indexes.Select(i => new Job(Rows(tables, i.Table), c => Execute(c, i.Definition))
        {
            After = keyJobs.Where(k => k.Table == i.Table).Select(k => k.Job).ToList(),
        });
        await RunParallelAsync(keyJobs.Select(k => k.Job).Concat(indexJobs), ct);

        await using (var tx = await control.BeginTransactionAsync(ct))
        {
            // A definition read from a constraint that was NOT VALID already says so.
            foreach (var fk in schema.ForeignKeys)
                await ExecuteAsync(control, $"ALTER TABLE {Quote(fk.Table)} ADD CONSTRAINT {Quote(fk.Name)} {fk.Definition}{(fk.Validated ? " NOT VALID" : "")}", ct);
            await tx.CommitAsync(ct);
        }
        await RunParallelAsync(schema.ForeignKeys.Where(fk => fk.Validated).Select(fk => new Job(Rows(tables, fk.Table),
            c => Execute(c, $"ALTER TABLE {Quote(fk.Table)} VALIDATE CONSTRAINT {Quote(fk.Name)}"))), ct);
    }

    // ---------- the template, encoded by the server ----------

    /// <summary>
    /// The template rows go through a temporary copy of the table and come back as the server's own binary encoding of every
    /// value (jsonb, numeric, varchar…), so the load only copies bytes and never converts a CLR value.
    /// </summary>
    static void EncodeTemplate(NpgsqlConnection connection, TableRows table)
    {
        const string temp = "gameops_bench_template";
        var plan = table.Plan;
        var columns = string.Join(", ", plan.Columns.Select(c => Quote(c.Column)));
        Execute(connection, $"CREATE TEMP TABLE {temp} (LIKE {Quote(plan.Table)})");
        Execute(connection, $"ALTER TABLE {temp} ADD COLUMN template_row integer");
        try
        {
            var types = plan.Columns.Select(c => BaseType(c.StoreType)).ToArray();
            var converters = plan.Columns.Select(c => c.Property.GetTypeMapping().Converter).ToArray();
            var writers = plan.Columns.Select((c, i) => TypedWriter(converters[i]?.ProviderClrType ?? c.Property.ClrType)).ToArray();
            var utc = plan.Columns.Select(c => c.StoreType.StartsWith("timestamp with", StringComparison.Ordinal)).ToArray();
            using (var copy = connection.BeginBinaryImport($"COPY {temp} ({columns}, template_row) FROM STDIN (FORMAT BINARY)"))
            {
                for (var r = 0; r < table.Values.Length; r++)
                {
                    copy.StartRow();
                    for (var c = 0; c < plan.Columns.Count; c++)
                    {
                        var value = table.Values[r][c];
                        if (value is not null && converters[c] is { } converter) value = converter.ConvertToProvider(value);
                        if (value is null) { copy.WriteNull(); continue; }
                        if (utc[c] && value is DateTime d && d.Kind != DateTimeKind.Utc) value = DateTime.SpecifyKind(d, DateTimeKind.Utc);
                        writers[c](copy, value, types[c]);
                    }
                    copy.Write(r, NpgsqlDbType.Integer);
                }
                copy.Complete();
            }
            using var bytes = new MemoryStream();
            using (var raw = connection.BeginRawBinaryCopy($"COPY (SELECT {columns} FROM {temp} ORDER BY template_row) TO STDOUT (FORMAT BINARY)"))
                raw.CopyTo(bytes);
            table.Encoded = ParseBinaryCopy(bytes.GetBuffer().AsSpan(0, (int)bytes.Length), plan.Columns.Count);
        }
        finally
        {
            Execute(connection, $"DROP TABLE {temp}");
        }
        if (table.Encoded.Length != table.Values.Length) throw new InvalidOperationException($"{plan.Table}: the template came back with {table.Encoded.Length} of {table.Values.Length} rows.");
        for (var c = 0; c < plan.Columns.Count; c++)
            if (table.Role(c) == Generator.ColumnRole.Time && table.Encoded.Any(row => row[c] is { Length: not 8 }))
                throw new InvalidOperationException($"{plan.Table}.{plan.Columns[c].Column}: only timestamp columns can be shifted ({plan.Columns[c].StoreType}).");
    }

    /// <summary>A generic write per column (no per-value type resolution from a boxed value).</summary>
    static Action<NpgsqlBinaryImporter, object, string> TypedWriter(Type type) =>
        typeof(PostgresLoader).GetMethod(nameof(WriteTyped), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(Nullable.GetUnderlyingType(type) ?? type).CreateDelegate<Action<NpgsqlBinaryImporter, object, string>>();

    static void WriteTyped<T>(NpgsqlBinaryImporter importer, object value, string dataTypeName) => importer.Write((T)value, dataTypeName);

    static string BaseType(string storeType)
    {
        var paren = storeType.IndexOf('(');
        return paren < 0 ? storeType : storeType[..paren];
    }

    static readonly byte[] CopySignature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];

    /// <summary>Splits a binary COPY stream into its field values ([row][column], null for SQL NULL).</summary>
    static byte[]?[][] ParseBinaryCopy(ReadOnlySpan<byte> data, int columns)
    {
        if (!data[..11].SequenceEqual(CopySignature)) throw new InvalidDataException("Not a binary COPY stream.");
        var position = 15 + 4 + BinaryPrimitives.ReadInt32BigEndian(data[15..]);
        var rows = new List<byte[]?[]>();
        while (true)
        {
            var count = BinaryPrimitives.ReadInt16BigEndian(data[position..]);
            position += 2;
            if (count == -1) return [.. rows];
            if (count != columns) throw new InvalidDataException($"Expected {columns} fields, got {count}.");
            var row = new byte[]?[count];
            for (var c = 0; c < count; c++)
            {
                var length = BinaryPrimitives.ReadInt32BigEndian(data[position..]);
                position += 4;
                if (length < 0) continue;
                row[c] = data.Slice(position, length).ToArray();
                position += length;
            }
            rows.Add(row);
        }
    }

    // ---------- the load ----------

    async Task<List<TableLoad>> LoadAsync(IEnumerable<TableRows> tables, Stopwatch clock, CancellationToken ct)
    {
        var loads = new List<TableLoad>();
        await RunParallelAsync(tables.Select(table => new Job(table.Rows * (EncodedRowBytes(table) + 16), connection =>
        {
            var started = clock.Elapsed;
            var blocked = Load(connection, table, ct);
            lock (loads) loads.Add(new TableLoad(table.Table, table.Rows, clock.Elapsed - started, blocked));
        })), ct);
        return loads;
    }

    static long EncodedRowBytes(TableRows table) =>
        table.Encoded!.Length == 0 ? 0 : (long)table.Encoded.Average(row => row.Sum(v => 4 + (v?.Length ?? 0)));

    /// <summary>Loads one table; returns the time spent blocked on the server.</summary>
    /// <remarks>The hot paths are compiled fully optimized up front: tiered compilation would run the first seconds of every
    /// table's loop in unoptimized code (measured: 500,000 rows took 1 s in tier 0, then 150,000 rows 0.03 s).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    TimeSpan Load(NpgsqlConnection connection, TableRows table, CancellationToken ct)
    {
        TimeSpan blocked;
        using var tx = connection.BeginTransaction();
        Execute(connection, $"TRUNCATE {Quote(table.Table)}"); // in this transaction, so COPY may write the rows frozen
        var columns = string.Join(", ", table.Plan.Columns.Select(c => Quote(c.Column)));
        using (var stream = connection.BeginRawBinaryCopy($"COPY {Quote(table.Table)} ({columns}) FROM STDIN (FORMAT BINARY, FREEZE)"))
        {
            var writer = new CopyWriter(stream);
            var cursor = new RowCursor(table);
            var count = table.ColumnCount;
            for (long i = 0; i < table.Rows; i++)
            {
                cursor.MoveTo(i);
                writer.StartRow(count);
                for (var c = 0; c < count; c++) writer.Write(cursor[c]);
                if ((i & 0xFFFF) == 0xFFFF)
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Invoke(table.Table, i + 1, table.Rows);
                }
            }
            writer.Finish();
            blocked = writer.Blocked;
        }
        var committing = Stopwatch.GetTimestamp();
        tx.Commit();
        progress?.Invoke(table.Table, table.Rows, table.Rows);
        return blocked + Stopwatch.GetElapsedTime(committing);
    }

    /// <summary>PostgreSQL's binary COPY format, written into a large buffer: header, rows of length-prefixed fields, trailer.</summary>
    sealed class CopyWriter
    {
        readonly Stream stream;
        byte[] buffer = new byte[1 << 18];
        int length;
        char[] text = new char[256];

        public CopyWriter(Stream stream)
        {
            this.stream = stream;
            CopySignature.CopyTo(Reserve(CopySignature.Length));
            Reserve(8).Clear(); // flags, header extension length
        }

        Span<byte> Reserve(int bytes)
        {
            if (length + bytes > buffer.Length)
            {
                Flush();
                if (bytes > buffer.Length) buffer = new byte[bytes * 2];
            }
            var span = buffer.AsSpan(length, bytes);
            length += bytes;
            return span;
        }

        public TimeSpan Blocked { get; private set; }

        void Flush()
        {
            var started = Stopwatch.GetTimestamp();
            stream.Write(buffer, 0, length);
            Blocked += Stopwatch.GetElapsedTime(started);
            length = 0;
        }

        public void StartRow(int columns) => BinaryPrimitives.WriteInt16BigEndian(Reserve(2), (short)columns);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Write(in Cell cell)
        {
            switch (cell.Kind)
            {
                case CellKind.Null:
                    BinaryPrimitives.WriteInt32BigEndian(Reserve(4), -1);
                    break;
                case CellKind.Template:
                    var bytes = cell.Table.Encoded![cell.Source][cell.Column];
                    if (bytes is null) { BinaryPrimitives.WriteInt32BigEndian(Reserve(4), -1); break; }
                    var field = Reserve(4 + bytes.Length);
                    BinaryPrimitives.WriteInt32BigEndian(field, bytes.Length);
                    bytes.CopyTo(field[4..]);
                    break;
                case CellKind.Shifted:
                    var micros = BinaryPrimitives.ReadInt64BigEndian(cell.Table.Encoded![cell.Source][cell.Column]) - cell.ShiftMinutes * 60_000_000L;
                    var time = Reserve(12);
                    BinaryPrimitives.WriteInt32BigEndian(time, 8);
                    BinaryPrimitives.WriteInt64BigEndian(time[4..], micros);
                    break;
                case CellKind.DerivedKey:
                    var key = Reserve(20);
                    BinaryPrimitives.WriteInt32BigEndian(key, 16);
                    Generator.DerivedKey(cell.Table.Salt, cell.Row).TryWriteBytes(key[4..], bigEndian: true, out _);
                    break;
                default:
                    var value = (string)cell.Table.Values[cell.Source][cell.Column]!;
                    if (text.Length < value.Length + 16) text = new char[value.Length + 16];
                    var chars = Generator.Suffix(value, cell.Row / cell.Table.TemplateRows, cell.Table.MaxLength(cell.Column), text);
                    var most = Encoding.UTF8.GetMaxByteCount(chars);
                    var utf8 = Reserve(4 + most);
                    var written = Encoding.UTF8.GetBytes(text.AsSpan(0, chars), utf8[4..]);
                    BinaryPrimitives.WriteInt32BigEndian(utf8, written);
                    length -= most - written;
                    break;
            }
        }

        public void Finish()
        {
            BinaryPrimitives.WriteInt16BigEndian(Reserve(2), -1);
            Flush();
        }
    }

    // ---------- sessions and jobs ----------

    /// <summary>One statement or table load; a job starts once the jobs in <see cref="After"/> are done.</summary>
    sealed class Job(long cost, Action<NpgsqlConnection> run)
    {
        public long Cost { get; } = cost;
        public Action<NpgsqlConnection> Run { get; } = run;
        public IReadOnlyList<Job> After { get; init; } = [];
        public bool Done { get; set; }
    }

    /// <summary>Runs the jobs on up to <c>connections</c> sessions, the costliest ready job first.</summary>
    Task RunParallelAsync(IEnumerable<Job> jobs, CancellationToken ct)
    {
        var pending = jobs.OrderByDescending(j => j.Cost).ToList();
        var gate = new object();
        Exception? failure = null;
        var workers = Enumerable.Range(0, Math.Min(connections, pending.Count)).Select(_ => Task.Factory.StartNew(() =>
        {
            using var connection = Open();
            while (true)
            {
                Job? job;
                lock (gate)
                {
                    while (true)
                    {
                        if (failure is not null || pending.Count == 0 || ct.IsCancellationRequested) return;
                        job = pending.FirstOrDefault(j => j.After.All(a => a.Done));
                        if (job is not null) { pending.Remove(job); break; }
                        Monitor.Wait(gate);
                    }
                }
                try
                {
                    job.Run(connection);
                }
                catch (Exception e)
                {
                    lock (gate) { failure ??= e; Monitor.PulseAll(gate); }
                    return;
                }
                lock (gate) { job.Done = true; Monitor.PulseAll(gate); }
            }
        }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        return Task.WhenAll(workers).ContinueWith(_ =>
        {
            if (failure is not null) ExceptionDispatchInfo.Throw(failure);
            ct.ThrowIfCancellationRequested();
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        foreach (var sql in SessionSettings) Execute(connection, sql);
        return connection;
    }

    async Task<NpgsqlConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        foreach (var sql in SessionSettings) await ExecuteAsync(connection, sql, ct);
        return connection;
    }

    static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
    }

    static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    static async Task<List<T>> QueryAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var list = new List<T>();
        while (await reader.ReadAsync(ct)) list.Add(read(reader));
        return list;
    }

    static string Quote(string name) => '"' + name.Replace("\"", "\"\"") + '"';
}
