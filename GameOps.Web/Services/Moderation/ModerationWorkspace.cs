namespace GameOps.Web.Services.Moderation;

/// <summary>The Moderation workspace's services and endpoints, registered from Program.cs.</summary>
public static class ModerationWorkspace
{
    public static IServiceCollection AddModerationWorkspace(this IServiceCollection services)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapModerationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
