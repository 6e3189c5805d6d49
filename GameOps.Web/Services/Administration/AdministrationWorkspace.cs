using GameOps.Web.Services.Shell;

namespace GameOps.Web.Services.Administration;

/// <summary>The Administration workspace's services and endpoints, registered from Program.cs.</summary>
public static class AdministrationWorkspace
{
    public static IServiceCollection AddAdministrationWorkspace(this IServiceCollection services)
    {
        services.AddScoped<StaffAdminService>();
        services.AddScoped<SecuritySettings>();
        services.AddScoped<GameOps.Web.Security.StaffGate>();
        return services;
    }

    public static IEndpointRouteBuilder MapAdministrationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Every staff account for an access review: roles, 2FA and sign-in state. Audited, never cached; no secret is a column.
        endpoints.MapGet("/admin/staff/export.csv", async (HttpContext http, StaffAdminService staff, GameOps.Web.Auditing.StaffAuditRecorder audit, CancellationToken ct) =>
        {
            var rows = await staff.ListAsync(ct);
            await audit.RecordAsync("export", "staff_users", null, new { format = "csv", rows = rows.Count });
            return ListCsv.File(http, "staff", ListCsv.Write(
                ["id", "email", "display_name", "roles", "disabled", "locked_out", "two_factor", "must_change_password", "last_sign_in_at", "created_at"],
                rows.Select(s => (IReadOnlyList<string?>)[s.Id.ToString(), s.Email, s.DisplayName, string.Join(" ", s.Roles), YesNo(s.IsDisabled), YesNo(s.IsLockedOut),
                    YesNo(s.TwoFactorEnabled), YesNo(s.MustChangePassword), ListCsv.Utc(s.LastSignInAt), ListCsv.Utc(s.CreatedAt)])));
        }).RequireAuthorization(GameOps.Web.Security.Policies.Administration);
        return endpoints;
    }

    static string YesNo(bool value) => value ? "yes" : "no";
}
