using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Services.Administration;

/// <summary>Console-wide security settings kept in <c>staff_settings</c> (changes are audited like any other).</summary>
public sealed class SecuritySettings(IDbContextFactory<GameOpsDbContext> contextFactory)
{
    public const string RequireTwoFactorRolesKey = "security.require_2fa_roles";

    public async Task<IReadOnlyList<string>> RolesRequiringTwoFactorAsync(CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var value = await db.StaffSettings.Where(s => s.Key == RequireTwoFactorRolesKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(StaffRoles.All.Contains).ToList();
    }

    public async Task SetRolesRequiringTwoFactorAsync(IEnumerable<string> roles, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var setting = await db.StaffSettings.FirstOrDefaultAsync(s => s.Key == RequireTwoFactorRolesKey, ct);
        if (setting is null) db.StaffSettings.Add(setting = new StaffSetting { Id = Guid.CreateVersion7(), Key = RequireTwoFactorRolesKey });
        setting.Value = string.Join(",", roles.Where(StaffRoles.All.Contains).Distinct().Order());
        await db.SaveChangesAsync(ct);
    }

    public async Task<bool> MustEnrollAsync(IEnumerable<string> roles, bool twoFactorEnabled, CancellationToken ct = default) =>
        !twoFactorEnabled && (await RolesRequiringTwoFactorAsync(ct)).Intersect(roles).Any();
}
