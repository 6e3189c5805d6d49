namespace GameOps.Web.Services.Analytics;

/// <summary>The Analytics workspace's services and endpoints, registered from Program.cs.</summary>
public static class AnalyticsWorkspace
{
    public static IServiceCollection AddAnalyticsWorkspace(this IServiceCollection services)
    {
        return services;
    }

    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
