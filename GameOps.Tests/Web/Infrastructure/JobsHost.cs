using System.Security.Claims;
using GameOps.Data;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace GameOps.Tests.Web.Infrastructure;

/// <summary>
/// The real app (in-memory test server) on a database the test prepared, without demo data, its jobs starting at once.
/// On PostgreSQL each host gets a scheduler name of its own (unless the test gives one, to restart "the same" instance),
/// so that hosts of other tests in this process never share a scheduler.
/// </summary>
public sealed class JobsHost(DatabaseProvider provider, string connectionString, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        var values = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:GameOps"] = connectionString,
            ["Seed:DemoData"] = "false",
            ["Analytics:RollupIntervalMinutes"] = "0",
            ["Warmup:Enabled"] = "false",
            ["Jobs:StartDelaySeconds"] = "0",
        };
        if (provider == DatabaseProvider.Postgres) values["Jobs:SchedulerName"] = "jobs-tests-" + Guid.NewGuid().ToString("N")[..8];
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        HostSettings.Apply(builder, values);
    }

    /// <summary>Starts the host (migrations are already applied; the scheduler starts with it) on the store of its provider.</summary>
    public async Task<JobsHost> StartAsync()
    {
        await HostSettings.AssertScaleOutAsync(Services, provider);
        return this;
    }

    /// <summary>Runs work in a fresh scope acting as the given staff member.</summary>
    public async Task<T> AsStaffAsync<T>(ClaimsPrincipal staff, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentStaff>().Use(staff, "127.0.0.1", "tests");
        return await work(scope.ServiceProvider);
    }
}

public static class Eventually
{
    /// <summary>Polls <paramref name="probe"/> until it answers non-null, failing after <paramref name="within"/> (a deadline, not a speed claim).</summary>
    public static async Task<T> Async<T>(Func<Task<T?>> probe, TimeSpan within, string what) where T : class
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            if (await probe() is { } found) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Still waiting after {within.TotalSeconds:0} s for {what}.");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
