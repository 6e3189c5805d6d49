using GameOps.Data;
using GameOps.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace GameOps.Tests.Infrastructure;

/// <summary>
/// Settings for a test host of the real app. They go in with <c>UseSetting</c>, never <c>ConfigureAppConfiguration</c>:
/// the scale-out registration reads the provider while services are added, before configuration added that way
/// reaches the app, so a PostgreSQL host would silently run Quartz in RAM and change notices in-process (issue 18).
/// </summary>
public static class HostSettings
{
    public static void Apply(IWebHostBuilder builder, IReadOnlyDictionary<string, string?> settings)
    {
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    /// <summary>A scheduler name of the host's own, so that PostgreSQL hosts of other tests in this process never share a scheduler.</summary>
    public static string NewSchedulerName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>
    /// Throws unless the started host runs what its provider calls for: on PostgreSQL the clustered Quartz store and
    /// LISTEN/NOTIFY change notices, on SQLite the RAM store and in-process notices.
    /// </summary>
    public static async Task AssertScaleOutAsync(IServiceProvider services, DatabaseProvider provider)
    {
        var postgres = provider == DatabaseProvider.Postgres;
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var metadata = await scheduler.GetMetadata();
        if (metadata.JobStoreClustered != postgres)
            throw new InvalidOperationException($"The {provider} host runs Quartz on {metadata.JobStoreTypeName}; the settings did not reach the registration.");
        var notices = services.GetRequiredService<IChangeNotices>();
        if (notices is PostgresChangeNotices != postgres)
            throw new InvalidOperationException($"The {provider} host publishes change notices through {notices.GetType().Name}; the settings did not reach the registration.");
    }
}
