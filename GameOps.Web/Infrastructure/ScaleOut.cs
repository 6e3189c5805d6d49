using System.Security.Cryptography;
using System.Text;
using GameOps.Data;
using GameOps.Web.Infrastructure.Jobs;
using GameOps.Web.Startup;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Quartz;

namespace GameOps.Web.Infrastructure;

/// <summary>
/// What lets several GameOps instances run behind a load balancer on one PostgreSQL: shared Data Protection keys,
/// the clustered Quartz scheduler, change notices between instances, the optional read-only connection, telemetry and
/// the proxy/shutdown settings. On SQLite (one instance) the same services run in-process.
/// </summary>
public static class ScaleOut
{
    /// <summary>Every instance must use the same name, or cookies from one are rejected by the others.</summary>
    public const string ApplicationName = "GameOps";

    public static WebApplicationBuilder AddGameOpsScaleOut(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        var database = configuration.GetDatabaseOptions();
        var postgres = database.Provider == DatabaseProvider.Postgres;

        // 1. Shared Data Protection keys (cookies, antiforgery tokens) in staff_data_protection_keys.
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<DatabaseKeyRepository>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = sp.GetRequiredService<DatabaseKeyRepository>()));

        // 2. Background jobs on Quartz: clustered ADO.NET store on PostgreSQL, RAM store on SQLite.
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o =>
            {
                // Clustered instances share one scheduler name (their rows in qrtz_*); a RAM scheduler gets its own,
                // so that test hosts in one process never meet.
                o.InstanceName = configuration["Jobs:SchedulerName"] ?? (postgres ? "GameOps" : "GameOps-" + Guid.NewGuid().ToString("N")[..8]);
                o.InstanceId = "AUTO";
                o.GenerateInstanceId = true;
            });
            q.UseDefaultThreadPool(2);
            // Players' data exports run one at a time per instance, so the second thread stays free for the recurring jobs.
            q.UseExecutionLimits(limits => limits.ForGroup(DataExportJob.Group, 1, ExecutionLimitScope.Node));
            if (postgres)
            {
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(database.ConnectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(configuration.GetValue("Jobs:ClusterCheckinSeconds", 10.0));
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(configuration.GetValue("Jobs:ClusterCheckinSeconds", 10.0) * 2);
                    });
                    store.ConfigureStore(o =>
                    {
                        o.TablePrefix = "qrtz_";
                        o.SchemaProvisioning = SchemaProvisioning.Validate; // the tables come from our migrations
                    });
                });
            }
            else q.UseInMemoryStore(_ => { });

            // The jobs are declared here; their triggers are put in place by JobScheduleSync, which keeps a stored trigger
            // whose schedule did not change instead of replacing it at every start.
            foreach (var job in BackgroundJobs.All)
                q.AddJob(job.JobType, j => j.WithIdentity(job.Key).WithDescription(job.Description).StoreDurably());
            q.AddJobListener<JobRunListener>(sp => new JobRunListener(sp.GetRequiredService<DatabaseOptions>(), sp.GetRequiredService<ILogger<JobRunListener>>()), []);
        });
        services.AddHostedService<JobScheduleSync>(); // before the scheduler starts (it waits for the application to start)
        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            o.AwaitApplicationStarted = true;
        });
        services.AddScoped<JobsService>();

        // 3. Change notices between instances.
        if (postgres)
        {
            services.AddSingleton<PostgresChangeNotices>();
            services.AddSingleton<IChangeNotices>(sp => sp.GetRequiredService<PostgresChangeNotices>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgresChangeNotices>());
        }
        else services.AddSingleton<IChangeNotices, InProcessChangeNotices>();

        // 4. The read-only connection (dashboards, exports, big lists) when ConnectionStrings:GameOpsReadOnly is set.
        services.AddSingleton(sp => ReadOnlyDatabaseOptions.From(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<DatabaseOptions>()));
        services.AddScoped<IReadOnlyDbContextFactory, ReadOnlyDbContextFactory>();

        // 5. Telemetry: traces and metrics over OTLP when an endpoint is configured, metrics for a Prometheus scrape.
        services.AddScoped<CircuitHandler, CircuitMetricsHandler>();
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var signedIn = o.Events.OnSignedIn;
            o.Events.OnSignedIn = context =>
            {
                GameOpsTelemetry.SignIns.Add(1);
                return signedIn(context);
            };
        });
        var instance = configuration["Deployment:InstanceName"] is { Length: > 0 } named ? named : $"{Environment.MachineName}-{Environment.ProcessId}";
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("gameops", serviceInstanceId: instance))
            .WithTracing(t => t
                .AddSource(GameOpsTelemetry.Name, "Quartz*")
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/_framework"))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(m =>
            {
                m.AddMeter(GameOpsTelemetry.Name, "Quartz*", "Microsoft.AspNetCore.Identity", "Microsoft.AspNetCore.Components*")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation();
                if (PrometheusEnabled(configuration)) m.AddPrometheusExporter();
            });
        var otlp = configuration["Telemetry:OtlpEndpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (!string.IsNullOrWhiteSpace(otlp)) telemetry.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(otlp));

        // Structured JSON logs in Production, with the request's scope (RequestId, TraceId, SpanId, path).
        if (builder.Environment.IsProduction())
        {
            builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }

        // 6. Behind the balancer: forwarded headers from the proxy, and time to drain on SIGTERM.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in configuration.GetSection("Deployment:KnownProxies").Get<string[]>() ?? [])
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        });
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(configuration.GetValue("Deployment:ShutdownSeconds", 25.0)));
        return builder;
    }

    static bool PrometheusEnabled(IConfiguration configuration) =>
        configuration.GetValue<int?>("Telemetry:PrometheusPort") is > 0 || !string.IsNullOrEmpty(configuration["Telemetry:ScrapeToken"]);

    /// <summary>Early in the pipeline: forwarded headers, the instance header, and the scrape endpoint when enabled.</summary>
    public static WebApplication UseGameOpsScaleOut(this WebApplication app)
    {
        var configuration = app.Configuration;
        if (configuration.GetValue("Deployment:ForwardedHeaders", false)) app.UseForwardedHeaders();
        if (configuration["Deployment:InstanceName"] is { Length: > 0 } instance)
            app.Use((context, next) =>
            {
                context.Response.Headers["X-GameOps-Instance"] = instance;
                return next(context);
            });

        if (PrometheusEnabled(configuration))
        {
            var endpoint = app.MapPrometheusScrapingEndpoint("/metrics");
            // Never open to the world: either only on a port of its own (bind it to a private interface), or only with the token.
            if (configuration.GetValue<int?>("Telemetry:PrometheusPort") is > 0 and var port) endpoint.RequireHost($"*:{port}");
            if (configuration["Telemetry:ScrapeToken"] is { Length: > 0 } token)
                endpoint.AddEndpointFilter(async (context, next) =>
                    HasToken(context.HttpContext, token) ? await next(context) : Results.Unauthorized());
        }
        return app;
    }

    static bool HasToken(HttpContext context, string token)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.Ordinal)) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[prefix.Length..]), Encoding.UTF8.GetBytes(token));
    }
}
