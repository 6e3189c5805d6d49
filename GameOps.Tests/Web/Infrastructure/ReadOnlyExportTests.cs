using System.Net;
using GameOps.Data;
using GameOps.Tests.Infrastructure;
using GameOps.Tests.Security;
using GameOps.Tests.Web.Moderation;
using GameOps.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Infrastructure;

/// <summary>
/// Issue 18: resource exports (<c>/export/{table}.csv</c>) read through <c>ConnectionStrings:GameOpsReadOnly</c>. The
/// read-only connection here is a read-only role on a database of its own (a stand-in for a replica) whose rows differ
/// from the primary's: the export shows the replica's rows, and its audit row is written to the primary.
/// </summary>
public sealed class ReadOnlyExportTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    sealed class ReplicaHost(string readOnlyConnection) : SecurityHost(DatabaseProvider.Postgres)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            HostSettings.Apply(builder, new Dictionary<string, string?>
            {
                ["ConnectionStrings:GameOpsReadOnly"] = readOnlyConnection,
                ["Jobs:SchedulerName"] = HostSettings.NewSchedulerName("replica-tests"),
                ["Warmup:Enabled"] = "false",
            });
        }
    }

    [Fact]
    public async Task A_resource_export_reads_through_the_read_only_connection_and_is_audited_on_the_primary()
    {
        await using var replica = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Postgres);
        var onlyOnReplica = ModerationArrange.NewPlayer("replica-only-" + Guid.NewGuid().ToString("N")[..8]);
        await using (var db = replica.CreateContext())
        {
            db.Players.Add(onlyOnReplica);
            await db.SaveChangesAsync(Ct);
        }
        await using var host = new ReplicaHost((await ReadOnlyRoles.CreateAsync(replica, "gameops_replica_")).ConnectionString);
        await host.InitializeAsync();
        var moderator = await host.CreateStaffAsync(StaffRoles.Moderator);
        using var browser = host.NewBrowser();
        await browser.SignInOrThrowAsync(moderator.Email!);

        var response = await browser.GetAsync("/export/users.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csv = await response.Content.ReadAsStringAsync(Ct);
        var ids = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(',')[0].Trim('"')).ToList();
        Assert.Equal([onlyOnReplica.Id.ToString()], ids); // the primary's demo players are not there: the rows came from the replica

        var (primaryPlayers, exportAudited) = await host.InScopeAsync(async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync(Ct);
            return (await db.Players.CountAsync(Ct),
                await db.StaffAuditLogs.AnyAsync(a => a.Action == "export" && a.EntityType == "users" && a.StaffUserId == moderator.Id, Ct));
        });
        Assert.True(primaryPlayers > 0);
        Assert.True(exportAudited);
        await using (var db = replica.CreateContext())
            Assert.False(await db.StaffAuditLogs.AnyAsync(Ct));
    }
}
