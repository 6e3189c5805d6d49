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
        // Every staff account for an access review: roles, 2FA and sign-in state. Never cached; no secret is a column; the email
        // masked unless the caller may export personal data and the export audited with its row count (both by the service).
        endpoints.MapGet("/admin/staff/export.csv", async (HttpContext http, StaffAdminService staff, CancellationToken ct) =>
            ListCsv.File(http, "staff", await staff.ExportCsvAsync(ct))).RequireAuthorization(GameOps.Web.Security.Policies.Administration);
        return endpoints;
    }
}
