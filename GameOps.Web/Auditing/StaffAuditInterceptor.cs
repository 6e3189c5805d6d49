using System.Text.Json;
using System.Text.Json.Nodes;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Data.Json;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GameOps.Web.Auditing;

/// <summary>
/// Writes one <c>staff_audit_logs</c> row per changed entity, in the same SaveChanges (and so the same
/// transaction) as the change itself. Pages never write audit rows.
/// </summary>
public sealed class StaffAuditInterceptor(CurrentStaff currentStaff) : SaveChangesInterceptor
{
    /// <summary>What an audit row holds instead of a secret column's value: that it changed, never what to.</summary>
    public const string Redacted = "[redacted]";

    const int EntityKeyLength = 256;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is GameOpsDbContext db)
        {
            await AddAuditRowsAsync(db);
            await AuditChain.StampAsync(db, cancellationToken);
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is GameOpsDbContext db)
        {
            AddAuditRowsAsync(db).GetAwaiter().GetResult();
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

    async Task AddAuditRowsAsync(GameOpsDbContext db)
    {
        var user = await currentStaff.GetPrincipalAsync();
        // Who acted is the server's knowledge, never the caller's: an audit row added by code gets the signed-in identity.
        if (user is not null)
            foreach (var added in db.ChangeTracker.Entries<StaffAuditEntry>().Where(e => e.State == EntityState.Added))
            {
                added.Entity.StaffUserId = CurrentStaff.IdOf(user);
                added.Entity.StaffEmail = CurrentStaff.EmailOf(user);
            }
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not StaffAuditEntry && !IsSignInBookkeeping(e))
            .ToList();
        if (entries.Count == 0) return;
        if (user is null) return; // System work (migrations, seeding) is not a staff change.
        var staffId = CurrentStaff.IdOf(user);
        var email = CurrentStaff.EmailOf(user);
        var now = VersioningInterceptor.Truncate(DateTime.UtcNow);
        foreach (var entry in entries)
            db.Add(Describe(entry, staffId, email, now));
    }

    /// <summary>
    /// What the sign-in endpoint writes on every sign-in, after Identity has already set the new principal (so it would be
    /// audited): the sign_in row says it, a staff_users "update" beside it would say the same thing twice.
    /// </summary>
    static readonly HashSet<string> SignInBookkeeping = [nameof(StaffUser.LastSignInAt), nameof(StaffUser.ConcurrencyStamp)];

    static bool IsSignInBookkeeping(EntityEntry entry) =>
        entry is { Entity: StaffUser, State: EntityState.Modified }
        && entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).All(p => SignInBookkeeping.Contains(p.Metadata.Name));

    StaffAuditEntry Describe(EntityEntry entry, Guid? staffId, string? email, DateTime now)
    {
        var before = new JsonObject();
        var after = new JsonObject();
        foreach (var property in entry.Properties.Where(p => !p.Metadata.IsSystemColumn()))
        {
            var name = property.Metadata.GetColumnName();
            // Redacted by the model's mark, whatever the column is called: the row says that it changed, never the value.
            var secret = property.Metadata.IsSecret();
            JsonNode? Value(object? value) => secret ? value is null ? null : JsonValue.Create(Redacted) : ToNode(value);
            switch (entry.State)
            {
                case EntityState.Added:
                    after[name] = Value(property.CurrentValue);
                    break;
                case EntityState.Deleted:
                    before[name] = Value(property.OriginalValue);
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    before[name] = Value(property.OriginalValue);
                    after[name] = Value(property.CurrentValue);
                    break;
            }
        }
        var key = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => p.IsSecret() ? Redacted : entry.Property(p.Name).CurrentValue?.ToString()));
        if (key.Length > EntityKeyLength) key = key[..(EntityKeyLength - 1)] + "…"; // a long composite key must not fail the change it describes
        return new StaffAuditEntry
        {
            Id = Guid.CreateVersion7(),
            StaffUserId = staffId,
            StaffEmail = email,
            Action = entry.State switch { EntityState.Added => "create", EntityState.Deleted => "delete", _ => "update" },
            EntityType = entry.Metadata.GetTableName() ?? entry.Metadata.ClrType.Name,
            EntityKey = key,
            Changes = new JsonObject { ["before"] = before, ["after"] = after }.ToJsonString(),
            IpAddress = currentStaff.IpAddress,
            UserAgent = currentStaff.UserAgent,
            CreatedAt = now,
        };
    }

    static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        DateTime d => JsonValue.Create(d.ToString("O")),
        string s => JsonValue.Create(s),
        _ => JsonSerializer.SerializeToNode(value, value.GetType(), GameJsonSerializer.Options),
    };
}

/// <summary>Audit rows for things that are not entity changes: sign-ins, failed sign-ins, lockouts, exports.</summary>
public sealed class StaffAuditRecorder(IDbContextFactory<GameOpsDbContext> contextFactory, CurrentStaff currentStaff)
{
    public async Task RecordAsync(string action, string entityType, string? entityKey, object? details = null, Guid? staffId = null, string? staffEmail = null)
    {
        var entry = await EntryAsync(action, entityType, entityKey, details, staffId, staffEmail);
        await using var db = await contextFactory.CreateDbContextAsync();
        db.StaffAuditLogs.Add(entry);
        await db.SaveChangesAsync();
    }

    /// <summary>The row <see cref="RecordAsync"/> writes (not saved).</summary>
    public async Task<StaffAuditEntry> EntryAsync(string action, string entityType, string? entityKey, object? details = null, Guid? staffId = null, string? staffEmail = null)
    {
        currentStaff.CaptureConnection();
        var user = await currentStaff.GetPrincipalAsync();
        return new StaffAuditEntry
        {
            Id = Guid.CreateVersion7(),
            // The signed-in identity wins; the explicit one is for sign-in events, which happen before there is one.
            StaffUserId = user is not null ? CurrentStaff.IdOf(user) : staffId,
            StaffEmail = user is not null ? CurrentStaff.EmailOf(user) : staffEmail,
            Action = action,
            EntityType = entityType,
            EntityKey = entityKey,
            Changes = details is null ? null : JsonSerializer.Serialize(details, GameJsonSerializer.Options),
            IpAddress = currentStaff.IpAddress,
            UserAgent = currentStaff.UserAgent,
            CreatedAt = VersioningInterceptor.Truncate(DateTime.UtcNow),
        };
    }

    /// <summary>
    /// A bulk export (action <c>export</c>): its format, row count and criteria, and the personal columns that left unmasked
    /// (none unless the caller may export personal data). Every export, the tables' and the hand-written lists', is recorded so.
    /// </summary>
    public Task RecordExportAsync(string table, string format, int rows, string? query, IReadOnlyCollection<string> personalColumnsUnmasked) =>
        RecordAsync("export", table, null, new
        {
            format, rows, query, personalDataRevealed = personalColumnsUnmasked.Count > 0, personalFields = personalColumnsUnmasked,
        });
}
