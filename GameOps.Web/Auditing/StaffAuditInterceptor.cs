using System.Text.Json;
using System.Text.Json.Nodes;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Data.Json;
using GameOps.Web.Security;
using Microsoft.AspNetCore.Identity;
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
    static readonly HashSet<string> SecretProperties =
        [nameof(IdentityUser.PasswordHash), nameof(IdentityUser.SecurityStamp), nameof(IdentityUser.ConcurrencyStamp)];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is GameOpsDbContext db) await AddAuditRowsAsync(db);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is GameOpsDbContext db) AddAuditRowsAsync(db).GetAwaiter().GetResult();
        return result;
    }

    async Task AddAuditRowsAsync(GameOpsDbContext db)
    {
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not StaffAuditEntry)
            .ToList();
        if (entries.Count == 0) return;
        var user = await currentStaff.GetPrincipalAsync();
        if (user is null) return; // System work (migrations, seeding) is not a staff change.
        var staffId = CurrentStaff.IdOf(user);
        var email = CurrentStaff.EmailOf(user);
        var now = VersioningInterceptor.Truncate(DateTime.UtcNow);
        foreach (var entry in entries)
            db.Add(Describe(entry, staffId, email, now));
    }

    StaffAuditEntry Describe(EntityEntry entry, Guid? staffId, string? email, DateTime now)
    {
        var before = new JsonObject();
        var after = new JsonObject();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.GetColumnName();
            var secret = SecretProperties.Contains(property.Metadata.Name) || property.Metadata.IsSecret();
            switch (entry.State)
            {
                case EntityState.Added:
                    after[name] = secret ? "***" : ToNode(property.CurrentValue);
                    break;
                case EntityState.Deleted:
                    before[name] = secret ? "***" : ToNode(property.OriginalValue);
                    break;
                case EntityState.Modified when property.IsModified && !Equals(property.OriginalValue, property.CurrentValue):
                    before[name] = secret ? "***" : ToNode(property.OriginalValue);
                    after[name] = secret ? "***" : ToNode(property.CurrentValue);
                    break;
            }
        }
        var key = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString()));
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
        currentStaff.CaptureConnection();
        var user = await currentStaff.GetPrincipalAsync();
        await using var db = await contextFactory.CreateDbContextAsync();
        db.StaffAuditLogs.Add(new StaffAuditEntry
        {
            Id = Guid.CreateVersion7(),
            StaffUserId = staffId ?? CurrentStaff.IdOf(user),
            StaffEmail = staffEmail ?? CurrentStaff.EmailOf(user),
            Action = action,
            EntityType = entityType,
            EntityKey = entityKey,
            Changes = details is null ? null : JsonSerializer.Serialize(details, GameJsonSerializer.Options),
            IpAddress = currentStaff.IpAddress,
            UserAgent = currentStaff.UserAgent,
            CreatedAt = VersioningInterceptor.Truncate(DateTime.UtcNow),
        });
        await db.SaveChangesAsync();
    }
}
