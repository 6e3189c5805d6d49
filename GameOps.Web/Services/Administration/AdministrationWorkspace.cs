namespace GameOps.Web.Services.Administration;

/// <summary>The Administration workspace's services and endpoints, registered from Program.cs.</summary>
public static class AdministrationWorkspace
{
    public static IServiceCollection AddAdministrationWorkspace(this IServiceCollection services)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapAdministrationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
