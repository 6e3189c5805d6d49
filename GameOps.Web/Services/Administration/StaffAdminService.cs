using System.Security.Cryptography;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using GameOps.Web.Services.Shell;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Services.Administration;

public sealed record StaffRow(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool IsDisabled, bool IsLockedOut,
    bool TwoFactorEnabled, bool MustChangePassword, DateTime? LastSignInAt, DateTime CreatedAt);

/// <summary>
/// Staff accounts: create with a one-time password, roles, disable, unlock, reset, sign out everywhere.
/// Every change goes through Identity's stores, so the audit interceptor records it.
/// </summary>
/// <remarks>
/// Each operation uses a fresh scope (and so a fresh UserManager and context): a Blazor circuit's own scope lives as
/// long as the page, and its tracked accounts would go stale while other requests (sign-ins, lockouts) change them.
/// The acting staff member is carried into that scope so that the audit trail still names them.
/// </remarks>
public sealed class StaffAdminService(IServiceScopeFactory scopeFactory, CurrentStaff currentStaff, IDbContextFactory<GameOpsDbContext> contextFactory,
    StaffSessions sessions, GameOps.Web.Auditing.StaffAuditRecorder audit)
{
    public async Task<IReadOnlyList<StaffRow>> ListAsync(CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.StaffAdmin);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = DateTimeOffset.UtcNow;
        var staff = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        return staff.Select(u => new StaffRow(u.Id, u.Email ?? "", u.DisplayName, roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(),
            u.IsDisabled, u.LockoutEnd > now, u.TwoFactorEnabled, u.MustChangePassword, u.LastSignInAt, u.CreatedAt)).ToList();
    }

    public async Task<StaffRow?> FindAsync(Guid id, CancellationToken ct = default) => (await ListAsync(ct)).FirstOrDefault(r => r.Id == id);

    /// <summary>The export's columns: the header, the <c>staff_users</c> property it shows (null for a derived one) and the cell.</summary>
    static readonly (string Header, string? Property, Func<StaffRow, string?> Cell)[] ExportColumns =
    [
        ("id", nameof(StaffUser.Id), s => s.Id.ToString()),
        ("email", nameof(StaffUser.Email), s => s.Email),
        ("display_name", nameof(StaffUser.DisplayName), s => s.DisplayName),
        ("roles", null, s => string.Join(" ", s.Roles)),
        ("disabled", nameof(StaffUser.IsDisabled), s => YesNo(s.IsDisabled)),
        ("locked_out", nameof(StaffUser.LockoutEnd), s => YesNo(s.IsLockedOut)),
        ("two_factor", nameof(StaffUser.TwoFactorEnabled), s => YesNo(s.TwoFactorEnabled)),
        ("must_change_password", nameof(StaffUser.MustChangePassword), s => YesNo(s.MustChangePassword)),
        ("last_sign_in_at", nameof(StaffUser.LastSignInAt), s => ListCsv.Utc(s.LastSignInAt)),
        ("created_at", nameof(StaffUser.CreatedAt), s => ListCsv.Utc(s.CreatedAt)),
    ];

    static string YesNo(bool value) => value ? "yes" : "no";

    /// <summary>
    /// Every staff account for an access review (<c>/admin/staff/export.csv</c>), as CSV. Like every export it follows the model's marks:
    /// a personal column (the email) leaves unmasked only for a caller who may export personal data; audited with its row count.
    /// </summary>
    public async Task<string> ExportCsvAsync(CancellationToken ct = default)
    {
        var user = await currentStaff.DemandAsync(Permission.StaffAdmin);
        var rows = await ListAsync(ct);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var account = db.Model.FindEntityType(typeof(StaffUser))!;
        var columns = ExportColumns.Select(c => c.Property is null ? default : PersonalExportColumn.Of<StaffUser>(user, db.Model, c.Property)).ToArray();
        await audit.RecordExportAsync("staff_users", "csv", rows.Count, null,
            ExportColumns.SelectMany((c, i) => c.Property is null ? [] : columns[i].Left(account.FindProperty(c.Property)!.GetColumnName())).ToArray());
        return ListCsv.Write(ExportColumns.Select(c => c.Header).ToList(),
            rows.Select(s => (IReadOnlyList<string?>)ExportColumns.Select((c, i) => columns[i].Cell(c.Cell(s))).ToList()));
    }


    public async Task<OperationResult<string>> CreateAsync(string email, string displayName, IReadOnlyCollection<string> roles)
    {
        await currentStaff.DemandAsync(Permission.StaffAdmin);
        return await WithUsersAsync(async users =>
        {
            email = email.Trim();
            if (!System.Net.Mail.MailAddress.TryCreate(email, out _) || email.Length > 256) return OperationResult<string>.Refused("Enter a valid email address (at most 256 characters).");
            if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > 128) return OperationResult<string>.Refused("Enter a display name (at most 128 characters).");
            if (roles.Count == 0 || roles.Any(r => !StaffRoles.All.Contains(r))) return OperationResult<string>.Refused("Choose at least one role.");
            if (await users.FindByEmailAsync(email) is not null) return OperationResult<string>.Refused($"A staff account with {email} already exists.");
            var password = OneTimePassword();
            var user = new StaffUser
            {
                Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName.Trim(),
                MustChangePassword = true, LockoutEnabled = true, CreatedAt = VersioningInterceptor.Truncate(DateTime.UtcNow),
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded) return OperationResult<string>.Refused(Describe(created));
            var added = await users.AddToRolesAsync(user, roles);
            if (!added.Succeeded)
            {
                await users.DeleteAsync(user);
                return OperationResult<string>.Refused(Describe(added));
            }
            return new OperationResult<string>(true, $"{email} created. Give them the one-time password below; they must change it at first sign-in.", password, user.Id);
        });
    }

    public async Task<OperationResult<string>> SetRolesAsync(Guid id, IReadOnlyCollection<string> roles, Guid actingAdminId)
    {
        await currentStaff.DemandAsync(Permission.StaffAdmin);
        return await WithUsersAsync(async users =>
        {
            var user = await users.FindByIdAsync(id.ToString());
            if (user is null) return OperationResult<string>.Refused("This account no longer exists.");
            if (roles.Count == 0) return OperationResult<string>.Refused("A staff member needs at least one role; disable the account instead.");
            var current = await users.GetRolesAsync(user);
            var losesAdmin = current.Contains(StaffRoles.Admin) && !roles.Contains(StaffRoles.Admin);
            if (losesAdmin && id == actingAdminId) return OperationResult<string>.Refused("You cannot remove your own Admin role. Ask another Admin.");
            if (losesAdmin && await ActiveAdminCountAsync(users) <= 1) return OperationResult<string>.Refused("This is the last Admin: give another account the Admin role first.");
            var removed = await users.RemoveFromRolesAsync(user, current.Except(roles));
            if (!removed.Succeeded) return OperationResult<string>.Refused(Describe(removed));
            var added = await users.AddToRolesAsync(user, roles.Except(current));
            if (!added.Succeeded) return OperationResult<string>.Refused(Describe(added));
            await users.UpdateSecurityStampAsync(user); // new roles take effect at once: open sessions sign in again
            await EndSessionsAsync(id, StaffSessions.ReasonRolesChanged);
            return new OperationResult<string>(true, "Roles saved. Their sessions have ended: the staff member signs in again to use them.");
        });
    }

    public async Task<OperationResult<string>> SetDisabledAsync(Guid id, bool disabled, Guid actingAdminId)
    {
        await currentStaff.DemandAsync(Permission.StaffAdmin);
        return await WithUsersAsync(async users =>
        {
            var user = await users.FindByIdAsync(id.ToString());
            if (user is null) return OperationResult<string>.Refused("This account no longer exists.");
            if (disabled && id == actingAdminId) return OperationResult<string>.Refused("You cannot disable your own account.");
            if (disabled && await users.IsInRoleAsync(user, StaffRoles.Admin) && await ActiveAdminCountAsync(users) <= 1)
                return OperationResult<string>.Refused("This is the last active Admin and cannot be disabled.");
            user.IsDisabled = disabled;
            var result = await users.UpdateAsync(user);
            if (!result.Succeeded) return OperationResult<string>.Refused(Describe(result));
            if (disabled)
            {
                await users.UpdateSecurityStampAsync(user);
                await EndSessionsAsync(id, StaffSessions.ReasonDisabled);
            }
            return new OperationResult<string>(true, disabled ? "Account disabled; its sessions have ended." : "Account enabled.");
        });
    }

    public async Task<OperationResult<string>> UnlockAsync(Guid id)
    {
        await currentStaff.DemandAsync(Permission.StaffAdmin);
        return await WithUsersAsync(async users =>
        {
            var user = await users.FindByIdAsync(id.ToString());
            if (user is null) return OperationResult<string>.Refused("This account no longer exists.");
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            return new OperationResult<string>(true, "Account unlocked.");
        });
    }

    public async Task<OperationResult<string>> ResetPasswordAsync(Guid id)
    {
        await currentStaff.DemandAsync(Permission.StaffAdmin);
        return await WithUsersAsync(async users =>
        {
            var user = await users.FindByIdAsync(id.ToString());
            if (user is null) return OperationResult<string>.Refused("This account no longer exists.");
            var password = OneTimePassword();
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, password);
            if (!reset.Succeeded) return OperationResult<string>.Refused(Describe(reset));
            user.MustChangePassword = true;
            await users.UpdateAsync(user);
            await users.UpdateSecurityStampAsync(user);
            await EndSessionsAsync(id, StaffSessions.ReasonPasswordReset);
            return new OperationResult<string>(true, "Password reset. Give them the one-time password below; they must change it at next sign-in.", password);
        });
    }

    public async Task<OperationResult<string>> SignOutEverywhereAsync(Guid id)
    {
        await currentStaff.DemandAsync(Permission.StaffAdmin);
        return await WithUsersAsync(async users =>
        {
            var user = await users.FindByIdAsync(id.ToString());
            if (user is null) return OperationResult<string>.Refused("This account no longer exists.");
            await users.UpdateSecurityStampAsync(user);
            await EndSessionsAsync(id, StaffSessions.ReasonSignOutEverywhere);
            return new OperationResult<string>(true, "Signed out everywhere: every session of this account has ended.");
        });
    }

    /// <summary>The staff member's active sessions (device, address, last seen), for the staff detail page.</summary>
    public async Task<IReadOnlyList<StaffSessionRow>> ListSessionsAsync(Guid id, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.StaffAdmin);
        return await sessions.ListActiveAsync(id, ct);
    }

    public async Task<OperationResult<string>> EndSessionAsync(Guid id, Guid sessionId)
    {
        await currentStaff.DemandAsync(Permission.StaffAdmin);
        if (!await sessions.RevokeAsync(id, sessionId, StaffSessions.ReasonEndedByAdmin)) return OperationResult<string>.Refused("That session has already ended.");
        await audit.RecordAsync("session_ended", "staff_sessions", sessionId.ToString(), new { staff_user_id = id, reason = StaffSessions.ReasonEndedByAdmin });
        return new OperationResult<string>(true, "Session ended.");
    }

    async Task EndSessionsAsync(Guid id, string reason)
    {
        var ended = await sessions.RevokeAllAsync(id, reason);
        if (ended > 0) await audit.RecordAsync("sessions_ended", "staff_users", id.ToString(), new { sessions = ended, reason });
    }

    static async Task<int> ActiveAdminCountAsync(UserManager<StaffUser> users) =>
        (await users.GetUsersInRoleAsync(StaffRoles.Admin)).Count(u => !u.IsDisabled);

    async Task<OperationResult<string>> WithUsersAsync(Func<UserManager<StaffUser>, Task<OperationResult<string>>> work)
    {
        var actor = await currentStaff.DemandAsync(Permission.StaffAdmin);
        await using var scope = scopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentStaff>().Use(actor, currentStaff.IpAddress, currentStaff.UserAgent);
        return await work(scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>());
    }

    static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));

    /// <summary>Meets the password policy: 16 characters with every character class.</summary>
    public static string OneTimePassword()
    {
        const string letters = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        string password;
        do password = "Ot-" + RandomNumberGenerator.GetString(letters, 12) + "7a!";
        while (CommonPasswordValidator.IsRepetitive(password) || CommonPasswordValidator.IsCommon(password));
        return password;
    }
}
