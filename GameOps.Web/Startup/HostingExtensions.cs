using GameOps.Data;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Startup;

public static class HostingExtensions
{
    /// <summary>
    /// The operator edits one file: <c>appsettings.json</c> at the repository root (or the file named by
    /// <c>GAMEOPS_CONFIG</c>). Environment variables and the command line still override it.
    /// </summary>
    public static void AddGameOpsConfiguration(this WebApplicationBuilder builder, string[] args)
    {
        var file = Environment.GetEnvironmentVariable("GAMEOPS_CONFIG");
        if (string.IsNullOrEmpty(file))
        {
            var dir = new DirectoryInfo(builder.Environment.ContentRootPath);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GameOps.sln"))) dir = dir.Parent;
            file = Path.Combine(dir?.FullName ?? builder.Environment.ContentRootPath, "appsettings.json");
        }
        builder.Configuration.AddJsonFile(file, optional: true, reloadOnChange: false);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args);
    }

    public static DatabaseOptions GetDatabaseOptions(this IConfiguration configuration)
    {
        var provider = configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);
        var connection = configuration.GetConnectionString("GameOps");
        if (string.IsNullOrWhiteSpace(connection))
            connection = provider == DatabaseProvider.Sqlite
                ? "Data Source=gameops.db"
                : throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:GameOps is empty.");
        return new DatabaseOptions { Provider = provider, ConnectionString = connection };
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
            "connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        await next();
    });

    public static void MapHealthEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/healthz", async (IDbContextFactory<GameOpsDbContext> factory, CancellationToken ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            bool reachable;
            try { reachable = await db.Database.CanConnectAsync(ct); }
            catch (Exception) { reachable = false; }
            var body = new { status = reachable ? "healthy" : "unhealthy", database = reachable ? "reachable" : "unreachable", provider = db.Provider.ToString() };
            return reachable ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
}
