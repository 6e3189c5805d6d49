namespace GameOps.Web.Services.LiveOps;

/// <summary>The LiveOps workspace's services and endpoints, registered from Program.cs.</summary>
public static class LiveOpsWorkspace
{
    public static IServiceCollection AddLiveOpsWorkspace(this IServiceCollection services)
    {
        services.AddScoped<EventService>();
        services.AddScoped<BroadcastService>();
        services.AddScoped<LiveOpsCalendar>();
        return services;
    }

    public static IEndpointRouteBuilder MapLiveOpsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
