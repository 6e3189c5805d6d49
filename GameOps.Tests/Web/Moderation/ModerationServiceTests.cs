using GameOps.Data;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Services.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Moderation;

/// <summary>Claims, the one-transaction sanction, expiry, lifting and appeals, on both providers.</summary>
public sealed class ModerationServiceTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Two_moderators_claiming_at_once_exactly_one_wins_and_the_other_is_told(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var world = await ModerationArrange.CreateAsync(db);
        await using var alice = world.As(world.Alice);
        await using var bob = world.As(world.Bob);
        var results = await Task.WhenAll(
            Task.Run(() => alice.ServiceProvider.GetRequiredService<ModerationService>().ClaimAsync(world.Report.Id, Ct), Ct),
            Task.Run(() => bob.ServiceProvider.GetRequiredService<ModerationService>().ClaimAsync(world.Report.Id, Ct), Ct));

        Assert.Single(results, r => r.Ok);
        var loser = Assert.Single(results, r => !r.Ok);
        Assert.Contains("Already claimed by", loser.Message);
        await using var check = db.CreateContext();
        var report = await check.PlayerReports.SingleAsync(r => r.Id == world.Report.Id, Ct);
        Assert.Equal("in_review", report.Status);
        var winner = results[0].Ok ? world.Alice : world.Bob;
        Assert.Equal(winner.Id, report.AssigneeStaffId);
        Assert.Equal(1, await check.StaffAuditLogs.CountAsync(a => a.Action == "claim" && a.EntityKey == world.Report.Id.ToString(), Ct));

        // The winner can release it; then the other can claim it.
        var loserScope = results[0].Ok ? bob : alice;
        var winnerScope = results[0].Ok ? alice : bob;
        Assert.True((await winnerScope.ServiceProvider.GetRequiredService<ModerationService>().ReleaseAsync(world.Report.Id, Ct)).Ok);
        Assert.True((await loserScope.ServiceProvider.GetRequiredService<ModerationService>().ClaimAsync(world.Report.Id, Ct)).Ok);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Temp_ban_from_a_report_is_one_transaction_with_every_effect(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var world = await ModerationArrange.CreateAsync(db);
        await using var alice = world.As(world.Alice);
        var service = alice.ServiceProvider.GetRequiredService<ModerationService>();
        var result = await service.ActOnReportAsync(world.Report.Id, new SanctionRequest(SanctionKind.TempBan, "Repeated harassment", 3 * 24 * 60), Ct);
        Assert.True(result.Ok, result.Message);

        await using var check = db.CreateContext();
        var action = await check.ModerationActions.SingleAsync(Ct);
        Assert.Equal("temp_ban", action.ActionType);
        Assert.Equal("Repeated harassment", action.Reason);
        Assert.Equal(3 * 24 * 60, action.Duration);
        Assert.Equal(world.Alice.Id, action.ModeratorId);
        Assert.Equal("global_en", action.ChannelId);
        Assert.Equal(world.Reported.MessageId, action.MessageId);
        Assert.InRange(action.ExpiresAt!.Value, DateTime.UtcNow.AddDays(3).AddMinutes(-5), DateTime.UtcNow.AddDays(3).AddMinutes(5));
        Assert.Equal("suspended", (await check.Players.SingleAsync(p => p.Id == world.Target.Id, Ct)).Status);
        Assert.False(await check.UserSessions.AnyAsync(s => s.UserId == world.Target.Id && s.IsActive, Ct));
        var report = await check.PlayerReports.SingleAsync(Ct);
        Assert.Equal(("resolved", "temp_banned", world.Alice.Id), (report.Status, report.Resolution, report.AssigneeStaffId));
        Assert.NotNull(report.ResolvedAt);
        var notification = await check.Notifications.SingleAsync(Ct);
        Assert.Equal((world.Target.Id, "queued"), (notification.UserId, notification.Status));
        var audited = await check.StaffAuditLogs.Select(a => a.EntityType).ToListAsync(Ct);
        Assert.Contains("moderation_actions", audited);
        Assert.Contains("users", audited);
        Assert.Contains("player_reports", audited);
        Assert.Contains("notifications", audited);
        Assert.Contains("user_sessions", audited);

        var status = await ModerationQueries.EffectiveStatusAsync(check, world.Target.Id, DateTime.UtcNow, Ct);
        Assert.Equal("suspended", status.Status);
        Assert.Equal(action.ExpiresAt, status.BannedUntil);

        var again = await service.ActOnReportAsync(world.Report.Id, new SanctionRequest(SanctionKind.Warn, "again"), Ct);
        Assert.False(again.Ok);
        Assert.Equal(1, await check.ModerationActions.CountAsync(Ct));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_failure_midway_leaves_nothing_half_done(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var world = await ModerationArrange.CreateAsync(db);
        await using (var ddl = db.CreateContext())
        {
            // The notification insert (the last row of the sanction) fails inside the database.
            if (provider == DatabaseProvider.Postgres)
            {
                await ddl.Database.ExecuteSqlRawAsync("CREATE FUNCTION fail_notifications() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'forced failure'; END $$ LANGUAGE plpgsql", Ct);
                await ddl.Database.ExecuteSqlRawAsync("CREATE TRIGGER fail_notifications BEFORE INSERT ON notifications FOR EACH ROW EXECUTE FUNCTION fail_notifications()", Ct);
            }
            else
                await ddl.Database.ExecuteSqlRawAsync("CREATE TRIGGER fail_notifications BEFORE INSERT ON notifications BEGIN SELECT RAISE(ABORT, 'forced failure'); END", Ct);
        }
        await using var alice = world.As(world.Alice);
        var service = alice.ServiceProvider.GetRequiredService<ModerationService>();
        Assert.True((await service.ClaimAsync(world.Report.Id, Ct)).Ok);
        await Assert.ThrowsAnyAsync<Exception>(() => service.ActOnReportAsync(world.Report.Id, new SanctionRequest(SanctionKind.PermBan, "Cheating"), Ct));
        await Assert.ThrowsAnyAsync<Exception>(() => service.ActOnReportAsync(world.Report.Id, new SanctionRequest(SanctionKind.DeleteMessage, "Slur"), Ct));

        await using var check = db.CreateContext();
        Assert.Empty(await check.ModerationActions.ToListAsync(Ct));
        Assert.Empty(await check.Notifications.ToListAsync(Ct));
        Assert.Equal("active", (await check.Players.SingleAsync(p => p.Id == world.Target.Id, Ct)).Status);
        Assert.Equal(2, await check.UserSessions.CountAsync(s => s.UserId == world.Target.Id && s.IsActive, Ct));
        Assert.False((await check.ChatMessages.SingleAsync(m => m.Id == world.Reported.Id, Ct)).IsDeleted);
        var report = await check.PlayerReports.SingleAsync(Ct);
        Assert.Equal("in_review", report.Status);
        Assert.Null(report.Resolution);
        Assert.DoesNotContain(await check.StaffAuditLogs.Select(a => a.EntityType).ToListAsync(Ct), t => t is "moderation_actions" or "users");
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Expired_bans_stop_counting_and_lifted_bans_restore_the_status(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var world = await ModerationArrange.CreateAsync(db);
        await using var alice = world.As(world.Alice);
        var service = alice.ServiceProvider.GetRequiredService<ModerationService>();
        var ban = await service.SanctionPlayerAsync(world.Target.Id, new SanctionRequest(SanctionKind.TempBan, "Cool-down", 60), Ct);
        Assert.True(ban.Ok, ban.Message);

        await using (var check = db.CreateContext())
        {
            Assert.Equal("suspended", (await ModerationQueries.EffectiveStatusAsync(check, world.Target.Id, DateTime.UtcNow, Ct)).Status);
            var later = DateTime.UtcNow.AddMinutes(61);
            var expired = await ModerationQueries.EffectiveStatusAsync(check, world.Target.Id, later, Ct);
            Assert.Equal(("suspended", "active"), (expired.StoredStatus, expired.Status));
            var rows = await ModerationQueries.EffectiveStatuses(check, check.Players.Where(p => p.Id == world.Target.Id), later).ToListAsync(Ct);
            Assert.Equal("active", Assert.Single(rows).Status);
            var nowRows = await ModerationQueries.EffectiveStatuses(check, check.Players.Where(p => p.Id == world.Target.Id), DateTime.UtcNow).ToListAsync(Ct);
            Assert.Equal("suspended", Assert.Single(nowRows).Status);
        }

        Assert.False((await service.ShortenAsync(ban.Id!.Value, DateTime.UtcNow.AddHours(5), "longer", Ct)).Ok);
        Assert.True((await service.ShortenAsync(ban.Id!.Value, DateTime.UtcNow.AddMinutes(30), "first offence", Ct)).Ok);
        Assert.False((await service.LiftAsync(ban.Id!.Value, " ", Ct)).Ok);
        Assert.True((await service.LiftAsync(ban.Id!.Value, "Mistaken identity", Ct)).Ok);
        await using (var check = db.CreateContext())
        {
            Assert.Equal("active", (await check.Players.SingleAsync(p => p.Id == world.Target.Id, Ct)).Status);
            var action = await check.ModerationActions.SingleAsync(Ct);
            Assert.Equal((world.Alice.Id, "Mistaken identity"), (action.LiftedByStaffId, action.LiftReason));
        }
        Assert.False((await service.LiftAsync(ban.Id!.Value, "twice", Ct)).Ok);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task An_appeal_is_decided_by_another_moderator_and_overturning_lifts_the_ban(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var world = await ModerationArrange.CreateAsync(db);
        await using var alice = world.As(world.Alice);
        await using var bob = world.As(world.Bob);
        var aliceService = alice.ServiceProvider.GetRequiredService<ModerationService>();
        var ban = await aliceService.SanctionPlayerAsync(world.Target.Id, new SanctionRequest(SanctionKind.PermBan, "Botting"), Ct);
        var appeal = await aliceService.FileAppealAsync(ban.Id!.Value, "It was my brother", Ct);
        Assert.True(appeal.Ok);

        var own = await aliceService.DecideAppealAsync(appeal.Id!.Value, true, "ok", Ct);
        Assert.False(own.Ok);
        Assert.Contains("another moderator", own.Message);
        Assert.True((await bob.ServiceProvider.GetRequiredService<ModerationService>().DecideAppealAsync(appeal.Id!.Value, true, "Evidence was weak", Ct)).Ok);

        await using var check = db.CreateContext();
        Assert.Equal("active", (await check.Players.SingleAsync(p => p.Id == world.Target.Id, Ct)).Status);
        var decided = await check.SanctionAppeals.SingleAsync(Ct);
        Assert.Equal(("overturned", world.Bob.Id), (decided.Status, decided.DecidedByStaffId));
        Assert.NotNull((await check.ModerationActions.SingleAsync(Ct)).LiftedAt);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Bad_input_is_refused_and_changes_nothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var world = await ModerationArrange.CreateAsync(db);
        await using var alice = world.As(world.Alice);
        var service = alice.ServiceProvider.GetRequiredService<ModerationService>();
        Assert.Equal("A reason is required.", (await service.ActOnReportAsync(world.Report.Id, new SanctionRequest(SanctionKind.Warn, "  "), Ct)).Message);
        Assert.False((await service.ActOnReportAsync(world.Report.Id, new SanctionRequest(SanctionKind.TempBan, "x", 0), Ct)).Ok);
        Assert.False((await service.ActOnReportAsync(Guid.NewGuid(), new SanctionRequest(SanctionKind.Warn, "x"), Ct)).Ok);
        await using var bob = world.As(world.Bob);
        Assert.True((await bob.ServiceProvider.GetRequiredService<ModerationService>().ClaimAsync(world.Report.Id, Ct)).Ok);
        Assert.False((await service.ActOnReportAsync(world.Report.Id, new SanctionRequest(SanctionKind.Warn, "mine now"), Ct)).Ok);
        await using var check = db.CreateContext();
        Assert.Equal(0, await check.ModerationActions.CountAsync(Ct));
        Assert.Equal("in_review", (await check.PlayerReports.SingleAsync(Ct)).Status);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Queue_sorts_by_priority_then_age_and_evidence_has_the_conversation(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var world = await ModerationArrange.CreateAsync(db);
        await using (var add = db.CreateContext())
        {
            add.PlayerReports.AddRange(
                new() { Id = Guid.NewGuid(), ReporterUserId = world.Reporter.Id, TargetUserId = world.Target.Id, Category = "spam", Priority = 2, Status = "open", CreatedAt = DateTime.UtcNow.AddHours(-50) },
                new() { Id = Guid.NewGuid(), ReporterUserId = world.Reporter.Id, TargetUserId = world.Target.Id, Category = "spam", Priority = 1, Status = "open", CreatedAt = DateTime.UtcNow.AddHours(-1) },
                new() { Id = Guid.NewGuid(), ReporterUserId = world.Reporter.Id, TargetUserId = world.Target.Id, Category = "spam", Priority = 1, Status = "resolved", CreatedAt = DateTime.UtcNow.AddHours(-80) });
            await add.SaveChangesAsync(Ct);
        }
        await using var alice = world.As(world.Alice);
        var queries = alice.ServiceProvider.GetRequiredService<ModerationQueries>(); // the queue demands ModerationRead of its caller
        var page = await queries.ListQueueAsync(new ReportQueueFilter(), null, Ct);
        Assert.Equal(3, page.Total);
        Assert.Equal([1, 1, 2], page.Rows.Select(r => r.Priority));
        Assert.Equal(world.Report.Id, page.Rows[0].Id); // priority 1, 30 h old before the 1 h old one
        Assert.Equal(2, page.OverSla);
        Assert.Equal(2, (await queries.ListQueueAsync(new ReportQueueFilter { Category = "spam" }, null, Ct)).Total);

        var evidence = await queries.EvidenceAsync(world.Report.Id, Ct);
        Assert.NotNull(evidence);
        Assert.Equal(world.Reported.Content, evidence.Message!.Content);
        Assert.Equal(world.Conversation.Take(5).Select(m => m.Id), evidence.Before.Select(m => m.Id));
        Assert.Equal(world.Conversation.Skip(6).Select(m => m.Id), evidence.After.Select(m => m.Id));
        Assert.Equal("troll_king", evidence.Target.Username);
        Assert.Equal(2, evidence.Target.Sessions.Count);
        Assert.Equal(["203.0.113.7", "203.0.113.8"], evidence.Target.RecentIps.Order());
        Assert.Equal(3, evidence.Target.ReportsAgainst.Count(r => r.Category == "spam") + 0);
    }
}
