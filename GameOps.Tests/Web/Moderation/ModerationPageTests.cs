using System.Security.Claims;
using Bunit;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Components.Pages.Moderation;
using GameOps.Web.Security;
using GameOps.Web.Services.Moderation;
using GameOps.Web.Services.Shell;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace GameOps.Tests.Web.Moderation;

/// <summary>The report queue and the report detail page rendered with bUnit on a real SQLite database.</summary>
public sealed class ModerationPageTests
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    /// <param name="tokenScopes">When given, the staff member is signed in with a personal access token holding only these permissions.</param>
    internal static BunitContext NewContext(TestDatabase database, StaffUser staff, string role = StaffRoles.Moderator, params Permission[] tokenScopes)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddGameOpsWebData(database);
        ctx.Services.AddModerationWorkspace();
        ctx.Services.AddScoped<PageContext>();
        ctx.Services.AddScoped<StaffPreferences>();
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized(staff.Email!);
        auth.SetRoles(role);
        auth.SetClaims([new Claim(ClaimTypes.NameIdentifier, staff.Id.ToString()), new Claim(ClaimTypes.Email, staff.Email!),
            .. tokenScopes.Length == 0 ? [] : tokenScopes.Select(p => new Claim(ApiTokenScopes.ScopeClaim, p.ToString())).Prepend(new Claim(ApiTokenScopes.TokenIdClaim, Guid.NewGuid().ToString()))]);
        ctx.Render<MudPopoverProvider>();
        return ctx;
    }

    [Theory, InlineData(StaffRoles.Manager), InlineData(StaffRoles.LiveOps)]
    public async Task The_sanctions_tab_of_a_profile_tells_a_role_without_moderation_read_it_cannot_see_sanctions_instead_of_failing(string role)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var world = await ModerationArrange.CreateAsync(db);
        await using var ctx = NewContext(db, world.Alice, role);

        // A player profile's first tab, read by Managers and LiveOps too: it queried the sanctions (ModerationRead) for them,
        // and their profile page ended on "This needs the ModerationRead permission".
        var tab = ctx.Render<Sanctions>(p => p.Add(s => s.PlayerId, world.Target.Id).Add(s => s.Embedded, true));

        Assert.Contains("Your role cannot see sanctions.", tab.Find("[data-testid=list-not-permitted]").TextContent);
    }

    [Fact]
    public async Task Queue_lists_by_priority_highlights_old_reports_claims_with_keys_and_shows_new_reports_on_its_own()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var world = await ModerationArrange.CreateAsync(db);
        await using (var add = db.CreateContext())
        {
            add.PlayerReports.Add(new PlayerReport { Id = Guid.NewGuid(), ReporterUserId = world.Reporter.Id, TargetUserId = world.Target.Id, Category = "spam", Priority = 2, Status = "open", Description = "<b>bold</b> spam", CreatedAt = DateTime.UtcNow.AddMinutes(-10) });
            await add.SaveChangesAsync(Ct);
        }
        await using var ctx = NewContext(db, world.Alice);
        var page = ctx.Render<ReportQueue>(p => p.Add(q => q.PollInterval, TimeSpan.FromSeconds(1)));

        await page.WaitForAssertionAsync(() => Assert.Equal(2, page.FindAll("[data-testid=queue-row]").Count), Wait);
        var rows = page.FindAll("[data-testid=queue-row]");
        Assert.Equal(world.Report.Id.ToString(), rows[0].GetAttribute("data-report-id")); // urgent first
        Assert.Contains("report-over-sla", rows[0].ClassName);                           // 30 h old
        Assert.DoesNotContain("report-over-sla", rows[1].ClassName ?? "");
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", page.Markup);                         // report text is text
        Assert.Equal("true", rows[0].GetAttribute("data-selected"));

        await page.Find("[data-testid=queue-keys]").KeyDownAsync(new KeyboardEventArgs { Key = "j" });
        await page.WaitForAssertionAsync(() => Assert.Equal("true", page.FindAll("[data-testid=queue-row]")[1].GetAttribute("data-selected")), Wait);
        await page.Find("[data-testid=queue-keys]").KeyDownAsync(new KeyboardEventArgs { Key = "k" });
        await page.WaitForAssertionAsync(() => Assert.Equal("true", page.FindAll("[data-testid=queue-row]")[0].GetAttribute("data-selected")), Wait);
        await page.Find("[data-testid=queue-keys]").KeyDownAsync(new KeyboardEventArgs { Key = "c" });
        await page.WaitForAssertionAsync(() => Assert.Contains("The report is yours.", page.Find("[data-testid=queue-message]").TextContent), Wait);
        await using (var check = db.CreateContext())
            Assert.Equal(world.Alice.Id, (await check.PlayerReports.SingleAsync(r => r.Id == world.Report.Id, Ct)).AssigneeStaffId);

        // A report filed by the game appears without reloading.
        await using (var add = db.CreateContext())
        {
            add.PlayerReports.Add(new PlayerReport { Id = Guid.NewGuid(), ReporterUserId = world.Reporter.Id, TargetUserId = world.Target.Id, Category = "scam", Priority = 3, Status = "open", CreatedAt = DateTime.UtcNow });
            await add.SaveChangesAsync(Ct);
        }
        await page.WaitForAssertionAsync(() => Assert.Equal(3, page.FindAll("[data-testid=queue-row]").Count), Wait);

        await page.Find("[data-testid=queue-keys]").KeyDownAsync(new KeyboardEventArgs { Key = "Enter" });
        await page.WaitForAssertionAsync(() => Assert.EndsWith($"/moderation/reports/{world.Report.Id}", ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri), Wait);
    }

    [Fact]
    public async Task Detail_shows_the_conversation_as_text_and_bans_in_one_click()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var world = await ModerationArrange.CreateAsync(db);
        await using var ctx = NewContext(db, world.Alice);
        var page = ctx.Render<ReportDetail>(p => p.Add(d => d.Id, world.Report.Id));

        await page.WaitForAssertionAsync(() => page.Find("[data-testid=chat-reported]"), Wait);
        Assert.Contains("&lt;script&gt;alert('x')&lt;/script&gt;", page.Find("[data-testid=chat-reported]").InnerHtml);
        Assert.Empty(page.FindAll("script"));
        Assert.Equal(10, page.FindAll("[data-testid=chat-line]").Count);
        Assert.Equal("active", page.Find("[data-testid=target-status]").TextContent.Trim());
        // Session IPs are masked until a moderator deliberately reveals one (which is audited).
        Assert.DoesNotContain("203.0.113.7", page.Find("[data-testid=target-sessions]").TextContent);
        // Reveal each masked IP in the section (sessions come in no fixed order), one audited click at a time.
        for (var i = 0; i < 20 && page.FindAll("[data-testid=target-sessions] [data-testid=reveal]").Count > 0; i++)
        {
            var before = page.FindAll("[data-testid=target-sessions] [data-testid=personal-value-revealed]").Count;
            await page.Find("[data-testid=target-sessions] [data-testid=reveal]").ClickAsync(new MouseEventArgs());
            await page.WaitForAssertionAsync(() => Assert.True(page.FindAll("[data-testid=target-sessions] [data-testid=personal-value-revealed]").Count > before), Wait);
        }
        Assert.Contains("203.0.113.7", page.Find("[data-testid=target-sessions]").TextContent);

        // The ban asks first, in one confirmation that says what happens to whom and holds the reason.
        var dialogs = ctx.Render<MudDialogProvider>();
        // Not awaited: the click's handler waits for the dialog's answer, which this test gives below.
        var ban = page.Find("[data-testid=action-temp-ban]").ClickAsync(new MouseEventArgs());
        await dialogs.WaitForAssertionAsync(() => Assert.Contains("Ban troll_king for 3 days", dialogs.Find("[data-testid=confirm-consequence]").TextContent), Wait);
        Assert.Contains("2 open sessions end", dialogs.Find("[data-testid=confirm-consequence]").TextContent);
        // No reason: refused in the dialog, nothing changes.
        await dialogs.Find("[data-testid=confirm-ok]").ClickAsync(new MouseEventArgs());
        await dialogs.WaitForAssertionAsync(() => Assert.Contains("Give a reason", dialogs.Markup), Wait);
        await using (var none = db.CreateContext()) Assert.Equal(0, await none.ModerationActions.CountAsync(Ct));

        await dialogs.Find("textarea[data-testid=confirm-reason]").InputAsync(new ChangeEventArgs { Value = "Threats in global chat" });
        await dialogs.Find("[data-testid=confirm-ok]").ClickAsync(new MouseEventArgs());
        await ban.WaitAsync(Wait, Xunit.TestContext.Current.CancellationToken);
        await page.WaitForAssertionAsync(() => Assert.Contains("Temporary ban applied", page.Find("[data-testid=action-message]").TextContent), Wait);
        await page.WaitForAssertionAsync(() => Assert.Equal("suspended", page.Find("[data-testid=target-status]").TextContent.Trim()), Wait);
        Assert.Contains("resolved", page.Find("[data-testid=report-status]").TextContent);

        await using var check = db.CreateContext();
        var action = await check.ModerationActions.SingleAsync(Ct);
        Assert.Equal(("temp_ban", 3 * 1440, "Threats in global chat"), (action.ActionType, action.Duration, action.Reason));
    }

    [Fact]
    public async Task A_role_without_moderation_read_gets_no_evidence_from_the_service_behind_the_page()
    {
        // No role reads reports without acting on them any more; a Manager reaching the page's service is refused there,
        // not only by the route's policy.
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var world = await ModerationArrange.CreateAsync(db);
        await using var ctx = NewContext(db, world.Alice, StaffRoles.Manager);
        var queries = ctx.Services.GetRequiredService<ModerationQueries>();
        var staff = ctx.Services.GetRequiredService<CurrentStaff>();
        staff.Use(WebServices.Staff(StaffRoles.Manager), "127.0.0.1", "tests");
        await Assert.ThrowsAsync<PermissionDeniedException>(() => queries.EvidenceAsync(world.Report.Id, Xunit.TestContext.Current.CancellationToken));
    }
}
