using System.Security.Claims;
using Bunit;
using GameOps.Data;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Components.Pages.Moderation;
using GameOps.Web.Security;
using GameOps.Web.Services.Moderation;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Moderation;

/// <summary>
/// The moderation workspace names staff as the audit pages do (<c>StaffLabel</c>): by display name, with the email (personal data) beside it
/// only for a caller who may reveal it. Moderators and Admins may; a Moderator's token scoped without reveal, and the Managers and LiveOps
/// who read a player's summary and notes, may not.
/// </summary>
public sealed class ModerationStaffLabelTests
{
    static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    /// <summary>Alice bans the target and writes a note about them; Bob claims the report.</summary>
    static async Task<ModerationArrange> ArrangeAsync(TestDatabase db)
    {
        var world = await ModerationArrange.CreateAsync(db);
        await using (var alice = world.As(world.Alice))
        {
            Assert.True((await alice.ServiceProvider.GetRequiredService<ModerationService>().SanctionPlayerAsync(world.Target.Id, new SanctionRequest(SanctionKind.TempBan, "Threats", 60), Ct)).Ok);
            Assert.True((await alice.ServiceProvider.GetRequiredService<PlayerSupportService>().AddNoteAsync(world.Target.Id, "Warned twice in chat", Ct)).Ok);
        }
        await using (var bob = world.As(world.Bob))
            Assert.True((await bob.ServiceProvider.GetRequiredService<ModerationService>().ClaimAsync(world.Report.Id, Ct)).Ok);
        return world;
    }

    AsyncServiceScope As(ModerationArrange world, ClaimsPrincipal caller)
    {
        var scope = world.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentStaff>().Use(caller, "127.0.0.1", "tests");
        return scope;
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_caller_who_may_not_reveal_gets_moderators_assignees_and_note_authors_by_name_with_no_email_in_the_rows(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var world = await ArrangeAsync(db);
        var token = WebServices.ApiToken(StaffRoles.Moderator, Permission.ModerationRead, Permission.PlayersRead);
        Assert.False(token.Has(Permission.RevealPersonalData));

        foreach (var (caller, alice, bob) in new[]
        {
            (ModerationArrange.Principal(world.Alice), "alice (alice@tests.local)", "bob (bob@tests.local)"),
            (token, "alice", "bob"),
        })
        {
            await using var scope = As(world, caller);
            var queries = scope.ServiceProvider.GetRequiredService<ModerationQueries>();
            var sanction = Assert.Single((await queries.ListSanctionsAsync(new SanctionFilter(), Ct)).Rows);
            Assert.Equal(alice, sanction.Moderator);
            Assert.Equal(alice, Assert.Single(await queries.ModeratorsAsync(Ct)).Label);
            var report = Assert.Single((await queries.ListQueueAsync(new ReportQueueFilter { Status = "all" }, null, Ct)).Rows, r => r.Id == world.Report.Id);
            Assert.Equal(bob, report.Assignee);
            var evidence = (await queries.EvidenceAsync(world.Report.Id, Ct))!;
            Assert.Equal(bob, evidence.Report.Assignee);
            Assert.Equal(alice, Assert.Single((await queries.SearchNotesAsync("warned", cancellationToken: Ct)).Rows).Author);
            // The rows carry no email at all for a caller who may not reveal it (the API hands them out as they are).
            if (caller == token)
                Assert.Null(sanction.ModeratorEmail ?? report.AssigneeEmail ?? evidence.Report.AssigneeEmail ?? Assert.Single(evidence.Target.Sanctions).ModeratorEmail);
        }

        // Managers and LiveOps read a player's summary and notes, and may not reveal personal data.
        foreach (var role in new[] { StaffRoles.Manager, StaffRoles.LiveOps })
        {
            await using var scope = As(world, WebServices.Staff(role));
            var sanction = Assert.Single((await scope.ServiceProvider.GetRequiredService<ModerationQueries>().PlayerSummaryAsync(world.Target.Id, Ct))!.Sanctions);
            Assert.Equal(("alice", null), (sanction.ModeratorName, sanction.ModeratorEmail));
            Assert.Equal("alice", Assert.Single(await scope.ServiceProvider.GetRequiredService<PlayerSupportService>().NotesAsync(world.Target.Id, cancellationToken: Ct)).Author);
        }
    }

    [Fact]
    public async Task The_sanctions_page_and_the_queue_show_a_caller_who_may_not_reveal_staff_by_name_and_no_email()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var world = await ArrangeAsync(db);
        var wait = TimeSpan.FromSeconds(20);

        await using (var moderator = ModerationPageTests.NewContext(db, world.Bob))
        {
            var sanctions = moderator.Render<Sanctions>();
            await sanctions.WaitForAssertionAsync(() => Assert.Equal("alice (alice@tests.local)", sanctions.Find("[data-testid=sanction-moderator]").TextContent.Trim()), wait);
        }

        await using var ctx = ModerationPageTests.NewContext(db, world.Alice, StaffRoles.Moderator, Permission.ModerationRead, Permission.ModerationAct);
        var page = ctx.Render<Sanctions>();
        await page.WaitForAssertionAsync(() => Assert.Equal("alice", page.Find("[data-testid=sanction-moderator]").TextContent.Trim()), wait);
        Assert.DoesNotContain("@tests.local", page.Markup);

        var queue = ctx.Render<ReportQueue>(p => p.Add(q => q.PollInterval, TimeSpan.FromMinutes(5)));
        await queue.WaitForAssertionAsync(() => Assert.Equal("bob", queue.Find("[data-testid=queue-row-assignee]").TextContent.Trim()), wait);
        Assert.DoesNotContain("@tests.local", queue.Markup);

        var detail = ctx.Render<ReportDetail>(p => p.Add(d => d.Id, world.Report.Id));
        await detail.WaitForAssertionAsync(() => Assert.Contains("assigned to bob", detail.Markup), wait);
        Assert.DoesNotContain("@tests.local", detail.Markup);
    }
}
