using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Tests.Web.Moderation;
using GameOps.Web.Infrastructure.Jobs;
using GameOps.Web.Security;
using GameOps.Web.Services.DataRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quartz;

namespace GameOps.Tests.Web.Infrastructure;

/// <summary>
/// Issue 20: players' data exports run as Quartz jobs (clustered store on PostgreSQL, RAM on SQLite), so a restart or a
/// dead instance does not leave one "running" forever.
/// </summary>
public sealed class DataExportJobTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static readonly TimeSpan Within = TimeSpan.FromSeconds(90);

    static async Task<(Player Player, StaffUser Staff)> ArrangeAsync(TestDatabase database)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var player = ModerationArrange.NewPlayer("exported-" + suffix);
        var staff = ModerationArrange.NewStaff("exporter-" + suffix);
        await using var db = database.CreateContext();
        db.Players.Add(player);
        db.Users.Add(staff);
        await db.SaveChangesAsync(Ct);
        return (player, staff);
    }

    static Task<DataRequest> CompletedAsync(TestDatabase database, Guid requestId) => Eventually.Async(async () =>
    {
        await using var db = database.CreateContext();
        var request = await db.DataRequests.AsNoTracking().SingleAsync(r => r.Id == requestId, Ct);
        Assert.NotEqual(DataRequestStatus.Failed, request.Status);
        return request.Status == DataRequestStatus.Completed ? request : null;
    }, Within, $"export {requestId} to complete");

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_requested_export_is_completed_by_its_Quartz_job(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        var (player, staff) = await ArrangeAsync(database);
        // No sweep: the export must be run by the one-off job its request scheduled.
        await using var host = await new JobsHost(provider, database.ConnectionString, new Dictionary<string, string?> { ["Jobs:DataExportSweepSeconds"] = "0" }).StartAsync();
        var moderator = WebServices.Staff(StaffRoles.Moderator, staff.Id, staff.Email);

        var requested = await host.AsStaffAsync(moderator, sp => sp.GetRequiredService<DataRequestService>().RequestExportAsync(player.Id, Ct));
        Assert.True(requested.Ok, requested.Message);
        var done = await CompletedAsync(database, requested.Id!.Value);
        Assert.Equal(100, done.Progress);
        Assert.NotNull(done.ExpiresAt);

        var (zip, error) = await host.AsStaffAsync(moderator, sp => sp.GetRequiredService<DataRequestService>().DownloadAsync(requested.Id.Value, Ct));
        Assert.Null(error);
        Assert.NotEmpty(zip!);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);
        Assert.Null(await scheduler.GetTrigger(JobScheduleSync.TriggerKeyOf(BackgroundJobs.Find("data-export-sweep")!), Ct));
        await using var db = database.CreateContext();
        Assert.False(await db.StaffJobRuns.AnyAsync(r => r.JobKey.StartsWith(DataExportJob.Group + "."), Ct)); // no row per request in the jobs table
    }

    [Fact]
    public async Task An_export_requested_on_one_instance_is_run_by_another_of_the_cluster()
    {
        await using var database = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Postgres);
        var (player, staff) = await ArrangeAsync(database);
        var cluster = new Dictionary<string, string?> { ["Jobs:SchedulerName"] = "cluster-" + Guid.NewGuid().ToString("N")[..8], ["Jobs:DataExportSweepSeconds"] = "0" };
        await using var instanceB = await new JobsHost(DatabaseProvider.Postgres, database.ConnectionString, cluster).StartAsync();
        var schedulerB = await instanceB.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);
        var moderator = WebServices.Staff(StaffRoles.Moderator, staff.Id, staff.Email);

        Guid requestId;
        await using (var instanceA = await new JobsHost(DatabaseProvider.Postgres, database.ConnectionString, cluster).StartAsync())
        {
            // A takes the request but runs no job (then goes away): the export is B's to run.
            var schedulerA = await instanceA.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);
            await schedulerA.Standby(Ct);
            Assert.NotEqual((await schedulerA.GetMetadata(Ct)).SchedulerInstanceId, (await schedulerB.GetMetadata(Ct)).SchedulerInstanceId);
            var requested = await instanceA.AsStaffAsync(moderator, sp => sp.GetRequiredService<DataRequestService>().RequestExportAsync(player.Id, Ct));
            Assert.True(requested.Ok, requested.Message);
            requestId = requested.Id!.Value;
            // Stored in the cluster, not in A's memory (unless B has already run it and the one-off job is gone).
            await using var db = database.CreateContext();
            Assert.True(await schedulerB.Exists(DataExportJob.KeyFor(requestId), Ct)
                || await db.DataRequests.AnyAsync(r => r.Id == requestId && r.Status == DataRequestStatus.Completed, Ct));
        }

        var done = await CompletedAsync(database, requestId);
        Assert.NotNull(done.ResultZip);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task An_export_left_running_by_a_dead_process_is_picked_up_and_finished(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        var (player, staff) = await ArrangeAsync(database);
        // What a process killed in the middle of an export leaves behind: the request running at 40 %, and no job for it
        // (the RAM store died with the process; on PostgreSQL the job row is gone too, as after a crash before it was stored).
        var orphan = new DataRequest
        {
            Id = Guid.CreateVersion7(), PlayerId = player.Id, Kind = DataRequestKinds.Export, Status = DataRequestStatus.Running, Progress = 40,
            RequestedBy = staff.Id, RequestedByEmail = staff.Email!, CreatedAt = VersioningInterceptor.Truncate(DateTime.UtcNow.AddMinutes(-10)),
        };
        var queued = new DataRequest
        {
            Id = Guid.CreateVersion7(), PlayerId = player.Id, Kind = DataRequestKinds.Export, Status = DataRequestStatus.Queued,
            RequestedBy = staff.Id, RequestedByEmail = staff.Email!, CreatedAt = VersioningInterceptor.Truncate(DateTime.UtcNow.AddMinutes(-9)),
        };
        await using (var db = database.CreateContext())
        {
            db.DataRequests.AddRange(orphan, queued);
            await db.SaveChangesAsync(Ct);
        }

        await using var host = await new JobsHost(provider, database.ConnectionString, new Dictionary<string, string?> { ["Jobs:DataExportSweepSeconds"] = "1" }).StartAsync();

        var finished = await CompletedAsync(database, orphan.Id);
        Assert.Equal(100, finished.Progress);
        Assert.NotNull(finished.ResultZip);
        Assert.NotNull((await CompletedAsync(database, queued.Id)).ResultZip);
        var moderator = WebServices.Staff(StaffRoles.Moderator, staff.Id, staff.Email);
        var (zip, error) = await host.AsStaffAsync(moderator, sp => sp.GetRequiredService<DataRequestService>().DownloadAsync(orphan.Id, Ct));
        Assert.Null(error);
        Assert.NotEmpty(zip!);
    }

    static async Task ExecuteAsync(string connectionString, string sql, NpgsqlTransaction? transaction = null, NpgsqlConnection? connection = null)
    {
        if (connection is not null)
        {
            await using var onConnection = new NpgsqlCommand(sql, connection, transaction);
            await onConnection.ExecuteNonQueryAsync(Ct);
            return;
        }
        await using var own = new NpgsqlConnection(connectionString);
        await own.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, own);
        await command.ExecuteNonQueryAsync(Ct);
    }

    static async Task<long> CountAsync(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct));
    }

    /// <summary>
    /// Quartz <c>RequestRecovery</c> on the clustered store. A process cannot be killed inside the test process, so the
    /// closest honest stand-in is used: instance A <b>loses the database for good in the middle of the export</b> (it runs
    /// as a role of its own, which is made NOLOGIN, and its connections are terminated). From the cluster's point of view
    /// that is a dead instance: A can neither finish the export, record a failure, complete its fired trigger nor check in,
    /// so its row in qrtz_scheduler_state goes stale. Instance B must then recover the job and complete the export; the
    /// export sweep is off, so only the recovery can do it. The export is held mid-run by a lock the test takes on a
    /// table the export reads (no hook in the job): A's export starts, then waits on it.
    /// </summary>
    [Fact]
    public async Task An_export_whose_instance_dies_mid_run_is_recovered_and_completed_by_another_instance()
    {
        await using var database = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Postgres);
        var (player, staff) = await ArrangeAsync(database);
        var roleA = "gameops_instance_a_" + Guid.NewGuid().ToString("N")[..8];
        var databaseName = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
        await ExecuteAsync(database.ConnectionString, $"""
            CREATE ROLE {roleA} LOGIN;
            GRANT CONNECT ON DATABASE "{databaseName}" TO {roleA};
            GRANT USAGE, CREATE ON SCHEMA public TO {roleA}; -- the app's start checks the migrations history (CREATE TABLE IF NOT EXISTS)
            GRANT ALL ON ALL TABLES IN SCHEMA public TO {roleA};
            GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {roleA};
            """);
        var connectionA = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = roleA }.ConnectionString;
        // Check-ins every second: a silent instance counts as dead after two.
        var cluster = new Dictionary<string, string?>
        {
            ["Jobs:SchedulerName"] = "recovery-" + Guid.NewGuid().ToString("N")[..8], ["Jobs:DataExportSweepSeconds"] = "0", ["Jobs:ClusterCheckinSeconds"] = "1",
        };
        var moderator = WebServices.Staff(StaffRoles.Moderator, staff.Id, staff.Email);

        // The gate: while the test holds this lock, any export waits at its read of chat_messages.
        await using var gate = new NpgsqlConnection(database.ConnectionString);
        await gate.OpenAsync(Ct);
        var gateTransaction = await gate.BeginTransactionAsync(Ct);
        await ExecuteAsync("", "LOCK TABLE chat_messages IN ACCESS EXCLUSIVE MODE", gateTransaction, gate);

        var instanceA = await new JobsHost(DatabaseProvider.Postgres, connectionA, cluster).StartAsync();
        JobsHost? instanceB = null;
        try
        {
            var instanceIdA = (await instanceA.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct)).SchedulerInstanceId;
            var requested = await instanceA.AsStaffAsync(moderator, sp => sp.GetRequiredService<DataRequestService>().RequestExportAsync(player.Id, Ct));
            Assert.True(requested.Ok, requested.Message);
            var requestId = requested.Id!.Value;

            // A runs the export (a fired trigger of A's, asking for recovery) and is stuck inside it, waiting on the gate.
            await Eventually.Async(async () =>
                await CountAsync(database.ConnectionString,
                    "SELECT COUNT(*) FROM qrtz_fired_triggers WHERE job_name = @job AND instance_name = @instance AND state = 'EXECUTING' AND requests_recovery",
                    ("job", requestId.ToString()), ("instance", instanceIdA)) == 1
                && await CountAsync(database.ConnectionString,
                    "SELECT COUNT(*) FROM pg_stat_activity WHERE usename = @role AND wait_event_type = 'Lock'", ("role", roleA)) > 0
                    ? "" : null, Within, "instance A to be inside the export");
            await using (var db = database.CreateContext())
                Assert.Equal(DataRequestStatus.Running, (await db.DataRequests.AsNoTracking().SingleAsync(r => r.Id == requestId, Ct)).Status);

            // A dies: it may never reach the database again. Then the gate opens (for whoever runs the export next).
            await ExecuteAsync(database.ConnectionString, $"""
                ALTER ROLE {roleA} NOLOGIN;
                SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{roleA}';
                """);
            await gateTransaction.CommitAsync(Ct);

            instanceB = await new JobsHost(DatabaseProvider.Postgres, database.ConnectionString, cluster).StartAsync();
            var done = await CompletedAsync(database, requestId);
            Assert.Equal(100, done.Progress);
            Assert.NotNull(done.ResultZip);
            // B found A dead and took over its work: A's state row is gone (B's recovery removed it), and A never came back.
            Assert.Equal(0, await CountAsync(database.ConnectionString, "SELECT COUNT(*) FROM qrtz_scheduler_state WHERE instance_name = @instance", ("instance", instanceIdA)));
            Assert.Equal(0, await CountAsync(database.ConnectionString, "SELECT COUNT(*) FROM pg_stat_activity WHERE usename = @role", ("role", roleA)));
            var (zip, error) = await instanceB.AsStaffAsync(moderator, sp => sp.GetRequiredService<DataRequestService>().DownloadAsync(requestId, Ct));
            Assert.Null(error);
            Assert.NotEmpty(zip!);
        }
        finally
        {
            await gate.DisposeAsync(); // rolls the gate back if the test failed before opening it
            // Let A reach the database again only so that its host can shut down (its scheduler retries until it can).
            await ExecuteAsync(database.ConnectionString, $"ALTER ROLE {roleA} LOGIN");
            await instanceA.DisposeAsync();
            if (instanceB is not null) await instanceB.DisposeAsync();
        }
    }
}
