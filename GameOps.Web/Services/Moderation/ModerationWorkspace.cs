using Microsoft.Extensions.Options;

namespace GameOps.Web.Services.Moderation;

/// <summary>The Moderation workspace's services and endpoints, registered from Program.cs.</summary>
public static class ModerationWorkspace
{
    public static IServiceCollection AddModerationWorkspace(this IServiceCollection services)
    {
        services.AddSingleton<ReportQueueNotifier>();
        services.AddOptions<ModerationOptions>().Configure<IServiceProvider>((options, provider) => provider.GetService<IConfiguration>()?.GetSection("Moderation").Bind(options));
        services.AddSingleton(provider => new ModerationSla(provider.GetRequiredService<IOptions<ModerationOptions>>().Value));
        services.AddScoped<ModerationService>();
        services.AddScoped<ModerationQueries>();
        services.AddScoped<PlayerSupportService>();
        services.AddScoped<TriageService>();
        services.AddScoped<ChatReviewService>();
        services.AddScoped<CharacterSheets>();
        return services;
    }

    public static IEndpointRouteBuilder MapModerationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapModerationExports();
        return endpoints;
    }
}
