namespace GameOps.Web.Services.Moderation;

/// <summary>The Moderation workspace's services and endpoints, registered from Program.cs.</summary>
public static class ModerationWorkspace
{
    public static IServiceCollection AddModerationWorkspace(this IServiceCollection services)
    {
        services.AddSingleton<ReportQueueNotifier>();
        services.AddScoped<ModerationService>();
        services.AddScoped<ModerationQueries>();
        services.AddScoped<PlayerSupportService>();
        services.AddScoped<TriageService>();
        return services;
    }

    public static IEndpointRouteBuilder MapModerationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
