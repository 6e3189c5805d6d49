using System.Net;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Startup;
using Microsoft.AspNetCore.Hosting;
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
}
