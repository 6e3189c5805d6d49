using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Auditing;

public sealed record AuditStaffOption(Guid Id, string Label);

/// <summary>What the audit pages read besides the list itself: who can be filtered on, and the name of the thing a row is about.</summary>
public sealed class AuditTrailService(IDbContextFactory<GameOpsDbContext> contextFactory, CurrentStaff currentStaff, ResourceCatalog catalog, ResourceStore store)
{
    /// <summary>Staff members who appear in the trail, by name.</summary>
    public async Task<IReadOnlyList<AuditStaffOption>> StaffMembersAsync(CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.AuditRead);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var staff = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        var reveal = await currentStaff.HasAsync(Permission.RevealPersonalData);
        return staff.Select(s => new AuditStaffOption(s.Id, StaffLabel.Of(s.Id, s.DisplayName, s.Email, reveal))).ToList();
    }

    public async Task<StaffAuditEntry?> EntryAsync(Guid id, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.AuditRead);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.StaffAuditLogs.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
    }

    /// <summary>Who wrote an entry, named as the audit pages name staff (<see cref="StaffLabel"/>); null when no staff account did.</summary>
    public async Task<string?> ActorAsync(StaffAuditEntry entry, CancellationToken ct = default)
    {
        var reveal = (await currentStaff.DemandAsync(Permission.AuditRead)).Has(Permission.RevealPersonalData);
        if (entry.StaffUserId is not { } id) return null;
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return (await StaffLabel.ActorsAsync(db, [entry], reveal, ct))[id];
    }

    /// <summary>The name of the row an audit entry is about (the table's display column), when its key is a single id; else null.</summary>
    public async Task<(string Name, string? Link)?> SubjectAsync(StaffAuditEntry entry, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.AuditRead);
        if (!Guid.TryParse(entry.EntityKey, out var id)) return null;
        if (entry.EntityType == "staff_users")
        {
            await using var db = await contextFactory.CreateDbContextAsync(ct);
            var staff = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.DisplayName, u.Email }).FirstOrDefaultAsync(ct);
            if (staff is null) return null;
            return (StaffLabel.Of(id, staff.DisplayName, staff.Email, await currentStaff.HasAsync(Permission.RevealPersonalData)), $"/admin/staff/{id}");
        }
        if (catalog.Find(entry.EntityType) is not { } resource || resource.Field(resource.DisplayField).IsPrimaryKey) return null;
        if (!await currentStaff.HasAsync(resource.ReadPermission) || resource.Field(resource.DisplayField).PersonalData) return null;
        var row = await store.LoadAsync(resource, id, ct);
        if (row is null) return null;
        var name = resource.Field(resource.DisplayField).GetValue(row)?.ToString();
        return string.IsNullOrWhiteSpace(name) ? null : (name, $"{resource.ListRoute}/{id}");
    }
}
