using System.Net;
using GameOps.Data;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Startup;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Startup;

/// <summary>Issue 19.3: the app warms its first pages before it says it is ready; liveness does not wait for that.</summary>
public sealed class WarmupTests
{
    [Fact]
    public async Task Readiness_answers_once_every_warm_up_step_has_run_and_none_of_the_in_process_steps_failed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var factory = new GameOpsWebFactory();
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureAppConfiguration(c =>
            c.AddInMemoryCollection(new Dictionary<string, string?> { ["Warmup:Enabled"] = "true" })));
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", ct)).StatusCode);

        var state = app.Services.GetRequiredService<WarmupState>();
        await state.Finished.WaitAsync(ct);

        // The HTTP step needs a real listening address, which the in-memory test server does not have.
        var failed = state.Steps.Where(s => s.Contains("failed", StringComparison.Ordinal) && !s.StartsWith("sign-in page over HTTP", StringComparison.Ordinal));
        Assert.Empty(failed);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz", ct)).StatusCode);
    }

    [Fact]
    public async Task Warm_up_renders_the_signed_in_home_and_items_pages_in_process_without_a_session_or_an_audit_row()
    {
        var ct = TestContext.Current.CancellationToken;
        var startedAt = DateTime.UtcNow.AddSeconds(-1);
        await using var factory = new GameOpsWebFactory();
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureAppConfiguration(c =>
            c.AddInMemoryCollection(new Dictionary<string, string?> { ["Warmup:Enabled"] = "true" })));
        var state = app.Services.GetRequiredService<WarmupState>();
        await state.Finished.WaitAsync(ct);

        // "<name>: <n> ms" means the page answered 200 in-process (a redirect to sign-in or an error is reported as failed).
        Assert.Contains(state.Steps, s => s.StartsWith("signed-in home page in-process: ", StringComparison.Ordinal) && s.EndsWith(" ms", StringComparison.Ordinal));
        Assert.Contains(state.Steps, s => s.StartsWith("signed-in /design/items in-process: ", StringComparison.Ordinal) && s.EndsWith(" ms", StringComparison.Ordinal));

        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync(ct);
        Assert.Equal(0, await db.StaffSessions.CountAsync(ct));
        Assert.Empty(await db.StaffAuditLogs.Where(a => a.CreatedAt >= startedAt).Select(a => a.Action).ToListAsync(ct));
    }
}
