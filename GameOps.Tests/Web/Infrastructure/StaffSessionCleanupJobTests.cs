using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Tests.Web.Moderation;
using GameOps.Web.Infrastructure.Jobs;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace GameOps.Tests.Web.Infrastructure;

/// <summary>Issue 18: ended and expired staff sessions do not stay in <c>staff_sessions</c> forever.</summary>
public sealed class StaffSessionCleanupJobTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_cleanup_is_a_registered_job_that_never_overlaps_itself()
    {
        var job = BackgroundJobs.Find("staff-session-cleanup");
        Assert.NotNull(job);
        Assert.Equal(typeof(StaffSessionCleanupJob), job.JobType);
        Assert.True(Attribute.IsDefined(job.JobType, typeof(DisallowConcurrentExecutionAttribute)));
        Assert.NotEmpty(job.MisfirePolicy);
    }

    [Fact]
    public async Task The_jobs_page_lists_the_new_jobs_with_their_schedule_and_refuses_a_non_admin()
    {
        await using var database = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var host = await new JobsHost(DatabaseProvider.Sqlite, database.ConnectionString,
            new Dictionary<string, string?> { ["Jobs:StartDelaySeconds"] = "3600" }).StartAsync();

        var rows = await host.AsStaffAsync(WebServices.Staff(StaffRoles.Admin), sp => sp.GetRequiredService<JobsService>().ListAsync(Ct));
        var cleanup = Assert.Single(rows, r => r.Key == "staff-session-cleanup");
        Assert.True(cleanup.Scheduled);
        Assert.Equal("every 6 h", cleanup.Schedule);
        Assert.NotNull(cleanup.NextRunUtc);
        Assert.Contains(rows, r => r.Key == "data-export-sweep" && r.Scheduled && r.Schedule == "every 1 min");
        await Assert.ThrowsAsync<PermissionDeniedException>(() =>
            host.AsStaffAsync(WebServices.Staff(StaffRoles.Manager), sp => sp.GetRequiredService<JobsService>().ListAsync(Ct)));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Sessions_ended_or_expired_more_than_the_retention_ago_are_deleted_in_batches_and_the_others_kept(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        var staff = ModerationArrange.NewStaff("sessions-" + Guid.NewGuid().ToString("N")[..8]);
        var now = VersioningInterceptor.Truncate(DateTime.UtcNow);
        StaffSession Session(DateTime lastSeen, DateTime? revoked) => new()
        {
            Id = Guid.NewGuid(), StaffUserId = staff.Id, CreatedAt = lastSeen.AddHours(-1), LastSeenAt = lastSeen, IpAddress = "10.0.0.1", UserAgent = "tests",
            RevokedAt = revoked, RevokedReason = revoked is null ? null : "signed out",
        };
        // Retention 30 days, sessions live 8 h (the defaults).
        var oldRevoked = Enumerable.Range(0, 23).Select(i => Session(now.AddDays(-60 - i), now.AddDays(-31 - i))).ToList();
        var longExpired = Session(now.AddDays(-40), null);
        var recentlyRevoked = Session(now.AddDays(-10), now.AddDays(-10));
        var expiredLessThanRetentionAgo = Session(now.AddDays(-30).AddHours(-2), null); // its cookie died 29 d 18 h ago
        var active = Session(now.AddMinutes(-3), null);
        await using (var db = database.CreateContext())
        {
            db.Users.Add(staff);
            db.StaffSessions.AddRange([.. oldRevoked, longExpired, recentlyRevoked, expiredLessThanRetentionAgo, active]);
            await db.SaveChangesAsync(Ct);
        }

        // Run by hand, as an Admin would from /admin/jobs, not by its first scheduled fire: on a machine loaded past the
        // store's misfire threshold (60 s) that fire is skipped, by this job's policy, to the next one 6 h later.
        // Batches of 5 make it loop.
        await using var host = await new JobsHost(provider, database.ConnectionString, new Dictionary<string, string?>
        {
            ["Jobs:StaffSessionCleanupBatchSize"] = "5", ["Jobs:DataExportSweepSeconds"] = "0", ["Jobs:StartDelaySeconds"] = "3600",
        }).StartAsync();
        await host.AsStaffAsync(WebServices.Staff(StaffRoles.Admin, staff.Id, staff.Email), sp => sp.GetRequiredService<JobsService>().RunNowAsync(StaffSessionCleanupJob.Key.Name, Ct));
        var run = await Eventually.Async(async () =>
        {
            await using var db = database.CreateContext();
            return await db.StaffJobRuns.AsNoTracking().FirstOrDefaultAsync(r => r.JobKey == StaffSessionCleanupJob.Key.ToString() && r.LastFinishedAt != null, Ct);
        }, TimeSpan.FromSeconds(90), "the staff session cleanup to run");
        Assert.True(run.LastSucceeded, run.LastError);

        await using var check = database.CreateContext();
        var left = await check.StaffSessions.AsNoTracking().Where(s => s.StaffUserId == staff.Id).Select(s => s.Id).ToListAsync(Ct);
        Assert.Equal(new[] { recentlyRevoked.Id, expiredLessThanRetentionAgo.Id, active.Id }.Order(), left.Order());
    }
}
