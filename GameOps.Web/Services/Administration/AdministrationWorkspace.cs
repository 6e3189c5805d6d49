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
        return endpoints;
    }
}
