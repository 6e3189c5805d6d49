using System.Diagnostics;
using System.Net;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Web.Auditing;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using GameOps.Web.Services.Home;
using GameOps.Web.Services.Shell;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Startup;

/// <summary>Whether the start-up warm-up has finished (readiness), and how long it took.</summary>
public sealed class WarmupState
{
    readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public bool IsReady => finished.Task.IsCompleted;
    public TimeSpan Elapsed { get; private set; }
    public IReadOnlyList<string> Steps { get; private set; } = [];
    public Task Finished => finished.Task;

    internal void Complete(TimeSpan elapsed, IReadOnlyList<string> steps)
    {
        (Elapsed, Steps) = (elapsed, steps);
        finished.TrySetResult();
    }
}

/// <summary>
/// Warms the app at start so the first staff member waits no longer than the tenth: EF's model and query pipeline for the app's
/// contexts (the factory's and Identity's scoped one), the sign-in lookup and password hashing, the sign-in's writes (made and
/// rolled back), the home page's queries, the
/// resource catalog and the first page of the items list, then the server-rendered sign-in page through the app's own HTTP
/// pipeline, then the signed-in home page and <c>/design/items</c> (layout, navigation, page components, MudBlazor) through the
/// same pipeline invoked in-process as a nameless system principal: no network, no cookie, no session, no account. <c>/readyz</c> answers 503 until it has finished; <c>/healthz</c> (liveness) does not wait for it. A step that fails
/// is logged and skipped: warming is an optimisation, never a reason to stay unready.
/// </summary>
public sealed class Warmup(IServiceProvider services, WarmupState state, WarmupPipeline pipeline, IHostApplicationLifetime lifetime, IConfiguration configuration, ILogger<Warmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var clock = Stopwatch.StartNew();
        var steps = new List<string>();
        // Warmup:Enabled=false (the benchmark's "before"): ready at once, nothing warmed.
        if (!configuration.GetValue("Warmup:Enabled", true))
        {
            state.Complete(TimeSpan.Zero, ["disabled"]);
            return;
        }
        async Task Step(string name, Func<IServiceProvider, Task> warm)
        {
            var started = clock.Elapsed;
            try
            {
                await using var scope = services.CreateAsyncScope();
                await warm(scope.ServiceProvider);
                steps.Add($"{name}: {(clock.Elapsed - started).TotalMilliseconds:0} ms");
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                steps.Add($"{name}: failed ({e.GetType().Name})");
                logger.LogWarning(e, "Warm-up step {Step} failed; the app serves anyway", name);
            }
        }

        try
        {
            await Step("EF model and factory context", async sp =>
            {
                await using var db = await sp.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync(stoppingToken);
                _ = db.Model;
                await db.Players.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).FirstOrDefaultAsync(stoppingToken);
            });
            await Step("sign-in (Identity's context, password hashing)", async sp =>
            {
                var users = sp.GetRequiredService<UserManager<StaffUser>>();
                await users.FindByEmailAsync("warmup@gameops.invalid");
                var hasher = sp.GetRequiredService<IPasswordHasher<StaffUser>>();
                var nobody = new StaffUser();
                hasher.VerifyHashedPassword(nobody, hasher.HashPassword(nobody, Guid.NewGuid().ToString()), "warm-up");
            });
            await Step("sign-in writes, rolled back", sp => RehearseSignInWritesAsync(sp, stoppingToken));
            await Step("home page", async sp =>
            {
                // As a nameless Admin: every section of the home page is queried once.
                sp.GetRequiredService<CurrentStaff>().Use(StaffPrincipals.System(StaffRoles.Admin));
                await sp.GetRequiredService<HomeSummaryService>().LoadAsync(stoppingToken);
            });
            await Step("resource catalog and /design/items first page", async sp =>
            {
                // The store demands DesignRead of its caller: warm up as a nameless Designer (no id, so nothing is audited as anyone).
                sp.GetRequiredService<CurrentStaff>().Use(StaffPrincipals.System(StaffRoles.Designer));
                var catalog = sp.GetRequiredService<ResourceCatalog>();
                await sp.GetRequiredService<ResourceStore>().ListAsync(catalog.For(typeof(Item)), new ResourceQuery { PageSize = catalog.For(typeof(Item)).DefaultPageSize }, stoppingToken);
            });
            await Step("sign-in page over HTTP", async _ => await RequestSignInPageAsync(stoppingToken));
            // The timed first sign-in ends on the prerendered home page and the first list is /design/items: render both once
            // in-process so routing, authorization, MainLayout, NavMenu, the pages and MudBlazor are compiled before readiness.
            await Step("signed-in home page in-process", sp => RenderInProcessAsync(sp, "/", StaffRoles.Admin, stoppingToken));
            await Step("signed-in /design/items in-process", sp => RenderInProcessAsync(sp, "/design/items", StaffRoles.Designer, stoppingToken));
        }
        finally
        {
            state.Complete(clock.Elapsed, steps);
            logger.LogInformation("Warm-up finished in {Elapsed} ms: {Steps}", (int)clock.Elapsed.TotalMilliseconds, string.Join("; ", steps));
        }
    }

    /// <summary>
    /// A sign-in writes what nothing else at start writes: the account (Identity's update), a staff session and an audit row
    /// (the hash chain). The same writes are made here for a phantom account in one transaction that is rolled back, so EF's
    /// update pipeline, the interceptors, the chain and the JSON of the audit details are ready, and no row remains. The scope
    /// has no staff principal: the interceptor audits nothing as anyone. Then the session lookup of the first request after, and the
    /// theme lookup of its layout.
    /// </summary>
    public static async Task RehearseSignInWritesAsync(IServiceProvider sp, CancellationToken ct)
    {
        var db = sp.GetRequiredService<GameOpsDbContext>(); // the context Identity's stores use in this scope
        var users = sp.GetRequiredService<UserManager<StaffUser>>();
        var phantom = new StaffUser { Id = Guid.NewGuid(), DisplayName = "warm-up", CreatedAt = DateTime.UtcNow };
        System.Security.Claims.ClaimsPrincipal? principal = null;
        phantom.UserName = phantom.Email = $"warm-up-{phantom.Id:N}@gameops.invalid";
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            try
            {
                await users.CreateAsync(phantom);
                phantom.LastSignInAt = VersioningInterceptor.Truncate(DateTime.UtcNow);
                await users.UpdateAsync(phantom);
                principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<StaffUser>>().CreateAsync(phantom);
                db.StaffSessions.Add(StaffSessions.NewSession(phantom.Id, "127.0.0.1", "warm-up"));
                db.StaffAuditLogs.Add(await sp.GetRequiredService<StaffAuditRecorder>().EntryAsync("sign_in", "staff_users", phantom.Id.ToString(),
                    SignInEndpoints.SignInDetails(phantom.Email, "password"), phantom.Id, phantom.Email));
                await db.SaveChangesAsync(ct);
            }
            finally
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }
        }
        await sp.GetRequiredService<StaffSessions>().FindActiveAsync(Guid.NewGuid(), phantom.Id, ct);
        // The layout of the first page reads the account's theme by its id (the in-process pages run with no id). The phantom is
        // gone: the query finds nothing, and nothing is written.
        if (principal is not null)
        {
            sp.GetRequiredService<CurrentStaff>().Use(principal);
            await sp.GetRequiredService<StaffPreferences>().IsDarkModeAsync();
        }
    }

    /// <summary>Renders the sign-in page once through the real pipeline (routing, antiforgery, Razor components, MudBlazor).</summary>
    async Task RequestSignInPageAsync(CancellationToken ct)
    {
        await WaitForApplicationStartedAsync(ct);
        // Plain HTTP only: the app calls itself on localhost and never relaxes certificate checks to do so.
        var address = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            .FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
        if (address is null) return;
        var uri = new Uri(address.Replace("://+", "://localhost").Replace("://*", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost"));
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = uri, Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            using var response = await client.GetAsync("/account/login", ct);
            await response.Content.ReadAsByteArrayAsync(ct);
        }
        catch (HttpRequestException e)
        {
            // In-memory test hosts report an address they do not listen on.
            logger.LogDebug(e, "Warm-up could not reach {Address}", uri);
        }
    }

    async Task WaitForApplicationStartedAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var _ = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(ct);
    }

    /// <summary>
    /// GETs <paramref name="path"/> through the app's own pipeline, in-process, as <see cref="StaffPrincipals.System"/> in
    /// <paramref name="role"/>: authenticated but nameless, with no staff id and no session claim, so the staff gate finds no
    /// enrolment step, preferences fall back to defaults and nothing is audited as anyone. The context never leaves the process:
    /// the answer (and any cookie header the page would set, such as antiforgery's) goes into a discarded buffer.
    /// </summary>
    async Task RenderInProcessAsync(IServiceProvider requestServices, string path, string role, CancellationToken ct)
    {
        await WaitForApplicationStartedAsync(ct);
        var application = pipeline.Application ?? throw new InvalidOperationException("The request pipeline was not captured.");
        var request = new HttpRequestFeature { Method = HttpMethods.Get, Scheme = "https", Protocol = "HTTP/1.1", Path = path };
        request.Headers.Host = "localhost";
        request.Headers.Accept = "text/html";
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(request);
        features.Set<IHttpResponseFeature>(new HttpResponseFeature());
        using var body = new MemoryStream();
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(body));
        features.Set<IHttpConnectionFeature>(new HttpConnectionFeature { ConnectionId = "warm-up", RemoteIpAddress = IPAddress.Loopback, LocalIpAddress = IPAddress.Loopback });
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = ct });
        features.Set<IServiceProvidersFeature>(new ServiceProvidersFeature { RequestServices = requestServices });
        var contexts = requestServices.GetRequiredService<IHttpContextFactory>();
        var context = contexts.Create(features);
        try
        {
            context.User = StaffPrincipals.System(role);
            await application(context);
            if (context.Response.StatusCode != StatusCodes.Status200OK)
                throw new InvalidOperationException($"GET {path} answered {context.Response.StatusCode} in-process.");
        }
        finally
        {
            contexts.Dispose(context);
        }
    }
}

/// <summary>The app's own request pipeline, captured at start for the in-process warm-up of signed-in pages.</summary>
public sealed class WarmupPipeline
{
    public RequestDelegate? Application { get; internal set; }
}

/// <summary>
/// Captures the pipeline without changing it: the middleware it adds first returns the rest of the pipeline as is, so a
/// real request runs exactly the same delegates as without it.
/// </summary>
sealed class CaptureWarmupPipeline(WarmupPipeline holder) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(rest =>
        {
            holder.Application = rest;
            return rest;
        });
        next(app);
    };
}

public static class WarmupExtensions
{
    public static IServiceCollection AddWarmup(this IServiceCollection services) =>
        services.AddSingleton<WarmupState>().AddSingleton<WarmupPipeline>().AddTransient<IStartupFilter, CaptureWarmupPipeline>().AddHostedService<Warmup>();

    /// <summary><c>/readyz</c>: 200 once warm-up has finished, 503 before (liveness stays at <c>/healthz</c>).</summary>
    public static IEndpointRouteBuilder MapReadiness(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/readyz", (WarmupState state) => state.IsReady
            ? Results.Ok(new { status = "ready", warmupMs = (int)state.Elapsed.TotalMilliseconds })
            : Results.Json(new { status = "warming" }, statusCode: StatusCodes.Status503ServiceUnavailable)).AllowAnonymous();
        return endpoints;
    }
}
