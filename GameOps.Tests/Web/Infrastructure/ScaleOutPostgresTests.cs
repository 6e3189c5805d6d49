using GameOps.Web.Security;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Infrastructure;
using GameOps.Web.Services.Analytics;
using GameOps.Web.Services.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace GameOps.Tests.Web.Infrastructure;

/// <summary>The scale-out pieces on a real PostgreSQL: the read-only connection and change notices between instances.</summary>
public sealed class ScaleOutPostgresTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dashboards_read_through_a_read_only_role_and_nothing_writes_through_it()
    {
        await using var database = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Postgres);
        var (role, readerConnection) = await ReadOnlyRoles.CreateAsync(database);

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGameOpsWebData(database);
        services.AddSingleton(new ReadOnlyDatabaseOptions(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = readerConnection }));
        services.AddScoped<IReadOnlyDbContextFactory, ReadOnlyDbContextFactory>();
        services.AddScoped<AnalyticsService>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();

        var readOnly = scope.ServiceProvider.GetRequiredService<IReadOnlyDbContextFactory>();
        Assert.True(readOnly.IsSeparate);
        await using (var db = await readOnly.CreateDbContextAsync(Ct))
            Assert.Equal(role, await db.Database.SqlQueryRaw<string>("SELECT current_user AS \"Value\"").SingleAsync(Ct));

        // The dashboards work through it.
        scope.ServiceProvider.GetRequiredService<CurrentStaff>().Use(WebServices.Staff(StaffRoles.Manager)); // the service demands AnalyticsRead
        var analytics = scope.ServiceProvider.GetRequiredService<AnalyticsService>();
        var range = DayRange.LastDays(30);
        Assert.NotEmpty(await analytics.OverviewAsync(range, Ct));
        Assert.NotNull(await analytics.RevenueKpisAsync(range, Ct));
        Assert.NotNull(await analytics.CohortsAsync(range, Ct));

        // Nothing writes through it: the context refuses to save, and the role's transactions are read-only.
        await using (var db = await readOnly.CreateDbContextAsync(Ct))
        {
            db.StaffSettings.Add(new StaffSetting { Id = Guid.NewGuid(), Key = "read-only-probe", Value = "x", UpdatedAt = DateTime.UtcNow });
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));
            var raw = await Assert.ThrowsAsync<PostgresException>(() =>
                db.Database.ExecuteSqlRawAsync("INSERT INTO staff_settings (id, key, value, updated_at) VALUES (gen_random_uuid(), 'probe', 'x', now())", Ct));
            Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, raw.SqlState);
        }
        await using (var primary = database.CreateContext())
            Assert.False(await primary.StaffSettings.AnyAsync(Ct));
    }

    [Fact]
    public async Task A_change_notice_published_on_one_instance_reaches_the_other_once()
    {
        await using var database = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Postgres);
        var instanceA = new PostgresChangeNotices(database.Options, NullLogger<PostgresChangeNotices>.Instance);
        var instanceB = new PostgresChangeNotices(database.Options, NullLogger<PostgresChangeNotices>.Instance);
        await instanceA.StartAsync(Ct);
        await instanceB.StartAsync(Ct);
        try
        {
            await Task.WhenAll(instanceA.Listening, instanceB.Listening).WaitAsync(TimeSpan.FromSeconds(30), Ct);
            var queueOnA = new ReportQueueNotifier(instanceA);
            var queueOnB = new ReportQueueNotifier(instanceB);
            var changedOnA = 0;
            var changedOnB = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            queueOnA.Changed += () => Interlocked.Increment(ref changedOnA);
            queueOnB.Changed += () => changedOnB.TrySetResult();

            queueOnA.Notify();
            Assert.Equal(1, changedOnA); // raised on the publisher at once
            await changedOnB.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

            // A notice the other way round: by the time it reaches A, A's own first notice has come back from the
            // database too, and must have been dropped (A saw it once, not twice).
            var backOnA = new TaskCompletionSource<ChangeNotice>(TaskCreationOptions.RunContinuationsAsynchronously);
            instanceA.Received += n => { if (n.Topic == "probe") backOnA.TrySetResult(n); };
            instanceB.Publish(new ChangeNotice("probe", ["42"]));
            var probe = await backOnA.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
            Assert.Equal(["42"], probe.Ids);
            Assert.Equal(1, changedOnA);
        }
        finally
        {
            await instanceA.StopAsync(CancellationToken.None);
            await instanceB.StopAsync(CancellationToken.None);
        }
    }
}
