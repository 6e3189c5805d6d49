using System.Net;
using GameOps.Data;
using GameOps.Web.Security;
using Microsoft.AspNetCore.HttpOverrides;
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

    /// <summary>
    /// Outside Development the UI's scripts and styles come from the published <c>wwwroot</c> under the content root (the working
    /// folder). Started from another folder, the app would answer every asset with an empty 200 and no page would ever become
    /// interactive; it refuses to start instead, saying why.
    /// </summary>
    public static void EnsurePublishedAssets(this WebApplication app)
    {
        if (app.Environment.IsDevelopment() || app.Environment.WebRootFileProvider.GetFileInfo("_framework/blazor.web.js").Exists) return;
        throw new InvalidOperationException(
            $"The UI's static files are not under {app.Environment.WebRootPath ?? Path.Combine(app.Environment.ContentRootPath, "wwwroot")}. " +
            $"Start the published app from its own folder (cd {AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)}; dotnet GameOps.Web.dll), " +
            "or pass --contentRoot with that folder; `dotnet run` serves them only in Development.");
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

    /// <summary>
    /// Behind a reverse proxy that ends TLS: trust <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> only from the proxies named in
    /// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR), plus loopback; outside
    /// Development, plain-HTTP requests are redirected to HTTPS (<c>Security:HttpsRedirection</c>, port <c>Security:HttpsPort</c>,
    /// default 443) and HTTPS responses carry HSTS.
    /// </summary>
    public static void AddGameOpsHttps(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = config.GetValue("ForwardedHeaders:ForwardLimit", 1);
            foreach (var proxy in config.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in config.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(config.GetValue("Security:HstsDays", 365));
            o.IncludeSubDomains = config.GetValue("Security:HstsIncludeSubDomains", false);
        });
        builder.Services.AddHttpsRedirection(o =>
        {
            o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
            o.HttpsPort = config.GetValue<int?>("Security:HttpsPort") ?? 443;
        });
    }

    public static void UseGameOpsHttpsRedirection(this WebApplication app)
    {
        if (app.Configuration.GetValue("Security:HttpsRedirection", true)) app.UseHttpsRedirection();
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
            "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        await next();
    });

    public static void MapHealthEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/healthz", async (HttpContext http, IDbContextFactory<GameOpsDbContext> factory, CancellationToken ct) =>
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            bool reachable;
            try { reachable = await db.Database.CanConnectAsync(ct); }
            catch (Exception) { reachable = false; }
            var status = reachable ? "healthy" : "unhealthy";
            // Anonymous callers (load balancers, the internet) learn only healthy/unhealthy; Admins also see what was checked.
            object body = http.User.Has(Permission.StaffAdmin)
                ? new { status, database = reachable ? "reachable" : "unreachable", provider = db.Provider.ToString() }
                : new { status };
            return Results.Json(body, statusCode: reachable ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
}
