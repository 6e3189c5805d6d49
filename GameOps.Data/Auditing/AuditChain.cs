using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace GameOps.Data;

/// <summary>
/// The hash chain of <c>staff_audit_logs</c>: every new row gets the next <see cref="StaffAuditEntry.ChainSequence"/>,
/// the previous row's hash and its own SHA-256 over a canonical form of its fields plus that previous hash.
/// Changing, removing or inserting a row anywhere but at the end breaks the chain from that row on.
/// </summary>
/// <remarks>
/// Several app instances may write at once: the tip is read and extended inside one transaction that holds a
/// transaction-level advisory lock on PostgreSQL (<c>pg_advisory_xact_lock</c>) and the write lock on SQLite
/// (<c>BEGIN IMMEDIATE</c>, which Microsoft.Data.Sqlite issues for every transaction it starts).
/// </remarks>
public static class AuditChain
{
    /// <summary>The advisory lock key that serialises chain writers (an arbitrary constant: "GOAUDIT").</summary>
    public const long AdvisoryLockKey = 0x474F_4155_4449_54;

    sealed class SaveState
    {
        public IDbContextTransaction? OwnedTransaction;
        public long TipSequence;
        public string? Tip;
        public bool TipRead;
        public readonly List<StaffAuditEntry> Stamped = [];
    }

    static readonly ConditionalWeakTable<DbContext, SaveState> States = new();

    /// <summary>The hash a row must carry, from its fields and <see cref="StaffAuditEntry.PreviousHash"/>.</summary>
    public static string ComputeHash(StaffAuditEntry row)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            w.WriteStringValue("gameops-audit-v1");
            if (row.ChainSequence is { } seq) w.WriteNumberValue(seq); else w.WriteNullValue();
            w.WriteStringValue(row.Id.ToString("D"));
            w.WriteStringValue(DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            WriteNullable(w, row.StaffUserId?.ToString("D"));
            WriteNullable(w, row.StaffEmail);
            w.WriteStringValue(row.Action);
            w.WriteStringValue(row.EntityType);
            WriteNullable(w, row.EntityKey);
            if (row.Changes is null) w.WriteNullValue(); else WriteCanonicalJson(w, row.Changes);
            WriteNullable(w, row.IpAddress);
            WriteNullable(w, row.UserAgent);
            WriteNullable(w, row.PreviousHash);
            w.WriteEndArray();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    static void WriteNullable(Utf8JsonWriter w, string? value)
    {
        if (value is null) w.WriteNullValue(); else w.WriteStringValue(value);
    }

    /// <summary>
    /// JSON in a form that survives PostgreSQL's jsonb (which reorders keys, drops whitespace and normalises numbers):
    /// keys sorted ordinally, numbers in their decimal form. Text that is not JSON is hashed as a string.
    /// </summary>
    static void WriteCanonicalJson(Utf8JsonWriter w, string json)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(json); }
        catch (JsonException)
        {
            w.WriteStringValue(json);
            return;
        }
        using (document) WriteCanonical(w, document.RootElement);
    }

    static void WriteCanonical(Utf8JsonWriter w, JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                w.WriteStartObject();
                foreach (var p in e.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    w.WritePropertyName(p.Name);
                    WriteCanonical(w, p.Value);
                }
                w.WriteEndObject();
                break;
            case JsonValueKind.Array:
                w.WriteStartArray();
                foreach (var item in e.EnumerateArray()) WriteCanonical(w, item);
                w.WriteEndArray();
                break;
            case JsonValueKind.Number:
                var raw = e.GetRawText();
                w.WriteStringValue(decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                    ? "n:" + d.ToString(CultureInfo.InvariantCulture)
                    : "n:" + double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                break;
            default:
                e.WriteTo(w);
                break;
        }
    }

    /// <summary>
    /// Gives every added audit row of this SaveChanges its place in the chain. Starts (and later commits) a
    /// transaction when the caller has none, so that reading the tip and writing the rows are one atomic step.
    /// Safe to call more than once per SaveChanges: rows already placed keep their place.
    /// </summary>
    public static async Task StampAsync(DbContext db, CancellationToken ct = default)
    {
        var added = db.ChangeTracker.Entries<StaffAuditEntry>().Where(e => e.State == EntityState.Added).ToList();
        var state = States.GetOrCreateValue(db);
        var pending = added.Where(e => !state.Stamped.Contains(e.Entity)).ToList();
        if (pending.Count == 0)
        {
            Rehash(db);
            return;
        }
        if (db.Database.CurrentTransaction is null)
            state.OwnedTransaction = await db.Database.BeginTransactionAsync(ct);
        if (!state.TipRead)
        {
            var connection = db.Database.GetDbConnection();
            var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
                await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", ct);
            (state.TipSequence, state.Tip) = await ReadTipAsync(connection, transaction, ct);
            state.TipRead = true;
        }
        state.Stamped.AddRange(pending.Select(e => e.Entity).OrderBy(e => e.CreatedAt));
        // Recomputed from the tip each time: a later interceptor may have stamped the server's identity on a row meanwhile.
        var (sequence, previous) = (state.TipSequence, state.Tip);
        foreach (var row in state.Stamped)
        {
            row.ChainSequence = ++sequence;
            row.PreviousHash = previous;
            row.Hash = ComputeHash(row);
            previous = row.Hash;
        }
    }

    /// <summary>Recomputes the hashes of this SaveChanges' rows after a field of one changed (see <see cref="StampAsync"/>).</summary>
    public static void Rehash(DbContext db)
    {
        if (!States.TryGetValue(db, out var state) || state.Stamped.Count == 0) return;
        var previous = state.Tip;
        foreach (var row in state.Stamped)
        {
            row.PreviousHash = previous;
            row.Hash = ComputeHash(row);
            previous = row.Hash;
        }
    }

    public static void Stamp(DbContext db) => StampAsync(db).GetAwaiter().GetResult();

    /// <summary>Start of a SaveChanges: drops what an earlier, interrupted one left behind (its tip may be stale by now).</summary>
    public static Task BeginSaveAsync(DbContext db) =>
        States.TryGetValue(db, out _) ? CompleteAsync(db, succeeded: false) : Task.CompletedTask;

    /// <summary>After SaveChanges: commits the transaction <see cref="StampAsync"/> started, if any.</summary>
    public static async Task CompleteAsync(DbContext db, bool succeeded, CancellationToken ct = default)
    {
        if (!States.TryGetValue(db, out var state)) return;
        States.Remove(db);
        if (state.OwnedTransaction is not { } owned) return;
        try
        {
            if (succeeded) await owned.CommitAsync(ct);
            else await owned.RollbackAsync(CancellationToken.None);
        }
        finally
        {
            await owned.DisposeAsync();
        }
    }

    static async Task<(long, string?)> ReadTipAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT chain_sequence, hash FROM staff_audit_logs WHERE chain_sequence IS NOT NULL ORDER BY chain_sequence DESC LIMIT 1";
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return (0, null);
        return (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>
/// Registered on every context (<see cref="GameOpsDatabase.Configure"/>): chains added audit rows and refuses to
/// change or delete one through EF (the database refuses it as well).
/// </summary>
public sealed class AuditChainInterceptor : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            await AuditChain.BeginSaveAsync(db);
            RefuseEdits(db);
            await AuditChain.StampAsync(db, cancellationToken);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db)
        {
            AuditChain.BeginSaveAsync(db).GetAwaiter().GetResult();
            RefuseEdits(db);
            AuditChain.Stamp(db);
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) await AuditChain.CompleteAsync(db, succeeded: true, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } db) AuditChain.CompleteAsync(db, succeeded: true).GetAwaiter().GetResult();
        return result;
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) await AuditChain.CompleteAsync(db, succeeded: false, cancellationToken);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } db) AuditChain.CompleteAsync(db, succeeded: false).GetAwaiter().GetResult();
    }

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) await AuditChain.CompleteAsync(db, succeeded: false, CancellationToken.None);
    }

    static void RefuseEdits(DbContext db)
    {
        if (db.ChangeTracker.Entries<StaffAuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("staff_audit_logs is append-only: audit rows cannot be changed or deleted.");
    }
}
