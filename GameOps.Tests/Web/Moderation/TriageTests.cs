using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Services.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Moderation;

/// <summary>Fraud triage (confirm with a sanction in one step, dismiss) and security events, on both providers.</summary>
public sealed class TriageTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Fraud_flags_sort_by_risk_read_as_text_and_confirming_can_ban_in_the_same_step(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var world = await ModerationArrange.CreateAsync(db);
        var low = new FraudDetection { Id = Guid.NewGuid(), UserId = world.Reporter.Id, FraudType = "chargeback", RiskScore = 0.2m, Indicators = """{"chargebacks": 1}""", DetectedAt = DateTime.UtcNow.AddHours(-1) };
        var high = new FraudDetection { Id = Guid.NewGuid(), UserId = world.Target.Id, FraudType = "gold_farming", RiskScore = 0.95m, Indicators = """{"accounts_on_ip": 4, "ips": ["203.0.113.7", "203.0.113.8"]}""", DetectedAt = DateTime.UtcNow.AddHours(-2) };
        var ev = new SecurityEvent { Id = Guid.NewGuid(), UserId = world.Target.Id, EventType = "brute_force", Severity = "high", Description = "20 failed logins", IpAddress = "203.0.113.9", CreatedAt = DateTime.UtcNow };
        await using (var add = db.CreateContext())
        {
            add.FraudDetection.AddRange(low, high);
            add.SecurityEvents.Add(ev);
            await add.SaveChangesAsync(Ct);
        }
        await using var alice = world.As(world.Alice);
        var triage = alice.ServiceProvider.GetRequiredService<TriageService>();
        var (rows, total) = await triage.ListFraudAsync(true, 0, 10, Ct);
        Assert.Equal(2, total);
        Assert.Equal(high.Id, rows[0].Id);
        Assert.Contains(("Accounts on ip", "4"), rows[0].Indicators);
        Assert.Contains(("Ips", "203.0.113.7, 203.0.113.8"), rows[0].Indicators);

        Assert.False((await triage.DecideFraudAsync(high.Id, true, " ", null, Ct)).Ok);
        var confirmed = await triage.DecideFraudAsync(high.Id, true, "Same IP as 3 banned farmers", new SanctionRequest(SanctionKind.PermBan, "Gold farming"), Ct);
        Assert.True(confirmed.Ok, confirmed.Message);
        Assert.True((await triage.DecideFraudAsync(low.Id, false, "Bank error", null, Ct)).Ok);
        Assert.False((await triage.DecideFraudAsync(low.Id, false, "again", null, Ct)).Ok);

        Assert.True((await triage.ResolveSecurityEventAsync(ev.Id, "Password reset forced", Ct)).Ok);
        var (events, _) = await triage.ListSecurityAsync(null, false, 0, 10, Ct);
        Assert.Equal("Password reset forced", Assert.Single(events).ResolutionNote);

        await using var check = db.CreateContext();
        var flag = await check.FraudDetection.SingleAsync(f => f.Id == high.Id, Ct);
        Assert.True(flag.IsConfirmed);
        Assert.NotNull(flag.ResolvedAt);
        Assert.Equal("banned", (await check.Players.SingleAsync(p => p.Id == world.Target.Id, Ct)).Status);
        Assert.Equal("perm_ban", (await check.ModerationActions.SingleAsync(Ct)).ActionType);
        Assert.False((await check.FraudDetection.SingleAsync(f => f.Id == low.Id, Ct)).IsConfirmed);
        Assert.True((await check.SecurityEvents.SingleAsync(Ct)).IsResolved);
        Assert.Empty((await triage.ListFraudAsync(true, 0, 10, Ct)).Rows);
    }
}
