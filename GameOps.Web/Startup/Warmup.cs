using System.Diagnostics;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using GameOps.Web.Services.Home;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
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
/// contexts (the factory's and Identity's scoped one), the sign-in lookup and password hashing, the home page's queries, the
/// resource catalog and the first page of the items list, then the server-rendered sign-in page through the app's own HTTP
/// pipeline. <c>/readyz</c> answers 503 until it has finished; <c>/healthz</c> (liveness) does not wait for it. A step that fails
/// is logged and skipped: warming is an optimisation, never a reason to stay unready.
/// </summary>
public sealed class Warmup(IServiceProvider services, WarmupState state, IHostApplicationLifetime lifetime, IConfiguration configuration, ILogger<Warmup> logger) : BackgroundService
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
        }
        finally
        {
            state.Complete(clock.Elapsed, steps);
            logger.LogInformation("Warm-up finished in {Elapsed} ms: {Steps}", (int)clock.Elapsed.TotalMilliseconds, string.Join("; ", steps));
        }
    }

    /// <summary>Renders the sign-in page once through the real pipeline (routing, antiforgery, Razor components, MudBlazor).</summary>
    async Task RequestSignInPageAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var _ = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(ct);
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
}

public static class WarmupExtensions
{
    public static IServiceCollection AddWarmup(this IServiceCollection services) =>
        services.AddSingleton<WarmupState>().AddHostedService<Warmup>();

    /// <summary><c>/readyz</c>: 200 once warm-up has finished, 503 before (liveness stays at <c>/healthz</c>).</summary>
    public static IEndpointRouteBuilder MapReadiness(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/readyz", (WarmupState state) => state.IsReady
            ? Results.Ok(new { status = "ready", warmupMs = (int)state.Elapsed.TotalMilliseconds })
            : Results.Json(new { status = "warming" }, statusCode: StatusCodes.Status503ServiceUnavailable)).AllowAnonymous();
        return endpoints;
    }
}
