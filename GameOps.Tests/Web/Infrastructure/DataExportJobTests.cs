using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Tests.Web.Moderation;
using GameOps.Web.Infrastructure.Jobs;
using GameOps.Web.Security;
using GameOps.Web.Services.DataRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
}
