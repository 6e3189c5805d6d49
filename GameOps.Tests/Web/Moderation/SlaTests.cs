using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Services.Moderation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Moderation;

/// <summary>The queue's SLA: per priority and per category from configuration, counted in SQL on both providers.</summary>
public sealed class SlaTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static ModerationSla FromConfiguration(Dictionary<string, string?> values)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddModerationWorkspace();
        return services.BuildServiceProvider().GetRequiredService<ModerationSla>();
    }

    [Fact]
    public void Defaults_apply_without_configuration_and_bad_values_fall_back()
    {
        var defaults = FromConfiguration([]);
        Assert.Equal([4.0, 24.0, 72.0], defaults.ByPriority.OrderBy(p => p.Key).Select(p => p.Value.TotalHours));
        Assert.Empty(defaults.ByCategory);
        Assert.Equal(TimeSpan.FromHours(24), defaults.For(7, "spam")); // unknown priority: normal

        var configured = FromConfiguration(new()
        {
            ["Moderation:Sla:PriorityHours:urgent"] = "2",
            ["Moderation:Sla:PriorityHours:low"] = "-5",
            ["Moderation:Sla:CategoryHours:cheating"] = "6",
            ["Moderation:Sla:CategoryHours:spam"] = "100",
        });
        Assert.Equal(TimeSpan.FromHours(2), configured.For(1, "harassment"));
        Assert.Equal(TimeSpan.FromHours(72), configured.For(3, "other"));   // -5 is ignored
        Assert.Equal(TimeSpan.FromHours(6), configured.For(2, "cheating"));  // the category is stricter
        Assert.Equal(TimeSpan.FromHours(2), configured.For(1, "cheating"));  // the priority is stricter
        Assert.Equal(TimeSpan.FromHours(24), configured.For(2, "spam"));     // a looser category never extends the priority's target
        Assert.Equal("urgent 2 h · normal 24 h · low 3 d · cheating 6 h · spam 100 h", configured.Describe());
    }

    [Fact]
    public void The_root_appsettings_declares_the_sla_section()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(Repository.Root, "appsettings.json")).Build();
        Assert.True(configuration.GetSection("Moderation:Sla:PriorityHours").Exists());
        var sla = FromConfiguration(configuration.AsEnumerable().ToDictionary(kv => kv.Key, kv => kv.Value));
        Assert.Equal(TimeSpan.FromHours(4), sla.For(1, "other"));
        Assert.Equal(TimeSpan.FromHours(12), sla.For(2, "cheating"));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task The_queue_counts_reports_over_their_own_sla(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var world = await ModerationArrange.CreateAsync(db); // an urgent report, 30 h old: over
        PlayerReport Report(int priority, string category, double hoursOld, string status = "open") => new()
        {
            Id = Guid.NewGuid(), ReporterUserId = world.Reporter.Id, TargetUserId = world.Target.Id, Category = category, Priority = priority,
            Status = status, Description = $"{category} {priority} {hoursOld}", CreatedAt = DateTime.UtcNow.AddHours(-hoursOld),
        };
        await using (var add = db.CreateContext())
        {
            add.PlayerReports.AddRange(
                Report(1, "spam", 5),           // urgent, 4 h: over
                Report(2, "spam", 5),           // normal, 24 h: fine
                Report(3, "other", 80),         // low, 72 h: over
                Report(3, "other", 60),         // low: fine
                Report(2, "cheating", 13),      // cheating, 12 h: over
                Report(2, "cheating", 30, "resolved")); // closed: never over
            await add.SaveChangesAsync(Ct);
        }
        var sla = new ModerationSla(new ModerationOptions { Sla = { CategoryHours = { ["cheating"] = 12 } } });
        await using var scope = world.As(world.Alice);
        var queries = new ModerationQueries(scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<GameOps.Data.GameOpsDbContext>>(),
            scope.ServiceProvider.GetRequiredService<GameOps.Web.Security.CurrentStaff>(), sla);

        var open = await queries.ListQueueAsync(new ReportQueueFilter(), null, Ct);
        Assert.Equal((6, 4), (open.Total, open.OverSla));
        var now = queries.Now();
        Assert.Equal(4, open.Rows.Count(r => sla.IsOver(r, now))); // the rows agree with the SQL count
        var all = await queries.ListQueueAsync(new ReportQueueFilter { Status = "all" }, null, Ct);
        Assert.Equal((7, 4), (all.Total, all.OverSla));
        Assert.Equal(1, (await queries.ListQueueAsync(new ReportQueueFilter { Category = "cheating" }, null, Ct)).OverSla);
    }
}
