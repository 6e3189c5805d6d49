namespace GameOps.Web.Services.Design;

/// <summary>The Design workspace's services and endpoints, registered from Program.cs.</summary>
public static class DesignWorkspace
{
    public static IServiceCollection AddDesignWorkspace(this IServiceCollection services)
    {
        services.AddScoped<DesignDefinitions>();
        services.AddScoped<DesignHistory>();
        services.AddScoped<DesignImport>();
        return services;
    }

    public static IEndpointRouteBuilder MapDesignEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
