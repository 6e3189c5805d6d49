namespace GameOps.Web.Services.World;

/// <summary>The World workspace's services and endpoints, registered from Program.cs.</summary>
public static class WorldWorkspace
{
    public static IServiceCollection AddWorldWorkspace(this IServiceCollection services)
    {
        services.AddScoped<WorldQueries>();
        services.AddScoped<GuildService>();
        return services;
    }

    public static IEndpointRouteBuilder MapWorldEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
