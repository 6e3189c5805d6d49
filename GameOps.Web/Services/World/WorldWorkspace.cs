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
        // The leaderboard on screen (one game mode, top 100) as CSV: permission checked by the query, audited, never cached.
        endpoints.MapGet("/leaderboards/export.csv", async (string? mode, HttpContext http, WorldQueries queries, GameOps.Web.Auditing.StaffAuditRecorder audit, CancellationToken ct) =>
        {
            var modes = await queries.GameModesAsync(ct);
            if (mode is null || !modes.Contains(mode))
                return Results.Problem($"Choose a game mode: {string.Join(", ", modes)}.", statusCode: StatusCodes.Status400BadRequest);
            var lines = await queries.LeaderboardAsync(mode, ct: ct);
            await audit.RecordAsync("export", "ratings", null, new { format = "csv", rows = lines.Count, game_mode = mode });
            static string N(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return GameOps.Web.Services.Shell.ListCsv.File(http, $"leaderboard-{mode}", GameOps.Web.Services.Shell.ListCsv.Write(
                ["rank", "character", "level", "rating", "wins", "losses", "draws", "win_rate", "win_streak", "loss_streak", "last_played", "player_id"],
                lines.Select(l => (IReadOnlyList<string?>)[N(l.Rank), l.ActorName, N(l.ActorLevel), N(l.Rating), N(l.Wins), N(l.Losses), N(l.Draws),
                    l.WinRate.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture), N(l.WinStreak), N(l.LossStreak),
                    GameOps.Web.Services.Shell.ListCsv.Utc(l.LastPlayed), l.PlayerId.ToString()])));
        }).RequireAuthorization(GameOps.Web.Security.Policies.World);
        return endpoints;
    }
}
