using System.Security.Claims;
using GameOps.Data;
using GameOps.Web.Services.Administration;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Security;

/// <summary>What a signed-in staff member must do before using the console: change a one-time password, enrol two-factor sign-in.</summary>
public sealed class StaffGate(IDbContextFactory<GameOpsDbContext> contextFactory, SecuritySettings settings)
{
    public async Task<string?> RequiredStepAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (CurrentStaff.IdOf(user) is not { } id) return null;
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var staff = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new { u.MustChangePassword, u.TwoFactorEnabled }).FirstOrDefaultAsync(ct);
        if (staff is null) return null;
        if (staff.MustChangePassword) return "/account/security?mustChange=true";
        var roles = user.RolesOf();
        return await settings.MustEnrollAsync(roles, staff.TwoFactorEnabled, ct) ? "/account/security?enroll=required" : null;
    }
}
