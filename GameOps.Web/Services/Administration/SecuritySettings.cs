using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace GameOps.Web.Services.Administration;

/// <summary>Console-wide security settings kept in <c>staff_settings</c> (changes are audited like any other).</summary>
/// <remarks>
/// Until an Admin chooses, Production requires two-factor sign-in of Admins and Moderators (the roles that hold personal data
/// and the staff accounts); other environments require it of nobody. The setting is read on every request by the enrolment
/// gate, so it is cached briefly; a change made on this instance is seen at once.
/// </remarks>
public sealed class SecuritySettings(IDbContextFactory<GameOpsDbContext> contextFactory, IMemoryCache cache, IWebHostEnvironment environment,
    CurrentStaff currentStaff)
{
    public const string RequireTwoFactorRolesKey = "security.require_2fa_roles";
    const string CacheKey = "staff-settings:" + RequireTwoFactorRolesKey;

    public IReadOnlyList<string> DefaultRolesRequiringTwoFactor =>
        environment.IsProduction() ? [StaffRoles.Admin, StaffRoles.Moderator] : [];

    public async Task<IReadOnlyList<string>> RolesRequiringTwoFactorAsync(CancellationToken ct = default)
    {
        if (cache.TryGetValue(CacheKey, out IReadOnlyList<string>? cached) && cached is not null) return cached;
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var value = await db.StaffSettings.Where(s => s.Key == RequireTwoFactorRolesKey).Select(s => s.Value).FirstOrDefaultAsync(ct);
        IReadOnlyList<string> roles = value is null
            ? DefaultRolesRequiringTwoFactor
            : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(StaffRoles.All.Contains).ToList();
        cache.Set(CacheKey, roles, StaffSessions.CacheFor);
        return roles;
    }

    public async Task SetRolesRequiringTwoFactorAsync(IEnumerable<string> roles, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.StaffAdmin);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var setting = await db.StaffSettings.FirstOrDefaultAsync(s => s.Key == RequireTwoFactorRolesKey, ct);
        if (setting is null) db.StaffSettings.Add(setting = new StaffSetting { Id = Guid.CreateVersion7(), Key = RequireTwoFactorRolesKey });
        setting.Value = string.Join(",", roles.Where(StaffRoles.All.Contains).Distinct().Order());
        await db.SaveChangesAsync(ct);
        cache.Remove(CacheKey);
    }

    public async Task<bool> MustEnrollAsync(IEnumerable<string> roles, bool twoFactorEnabled, CancellationToken ct = default) =>
        !twoFactorEnabled && (await RolesRequiringTwoFactorAsync(ct)).Intersect(roles).Any();
}
