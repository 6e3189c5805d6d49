using System.Security.Claims;
using GameOps.Data;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Security;
using GameOps.Web.Services.Home;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Home;

/// <summary>The home page's figures are decided by the signed-in staff member's own permissions, read by the service itself.</summary>
public sealed class HomeSummaryServiceTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<HomeSummary> LoadAsAsync(TestDatabase db, ClaimsPrincipal? staff)
    {
        await using var services = WebServices.Build(db, staff);
        var summaries = new HomeSummaryService(services.GetRequiredService<CurrentStaff>(), services.GetRequiredService<IDbContextFactory<GameOpsDbContext>>());
        return await summaries.LoadAsync(Ct);
    }

    [Fact]
    public async Task A_caller_who_is_not_signed_in_is_refused()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => LoadAsAsync(db, staff: null));
    }

    [Fact]
    public async Task A_caller_without_any_of_the_home_page_permissions_is_refused()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => LoadAsAsync(db, WebServices.Staff("Player")));
    }

    [Theory]
    [InlineData(StaffRoles.Designer, false, true, true, false)]
    [InlineData(StaffRoles.Moderator, true, false, true, false)]
    [InlineData(StaffRoles.Manager, false, false, true, true)]
    [InlineData(StaffRoles.Admin, true, true, true, true)]
    public async Task Each_role_gets_only_the_figures_its_permissions_allow(string role, bool moderation, bool designEdits, bool events, bool analytics)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var summary = await LoadAsAsync(db, WebServices.Staff(role));
        Assert.Equal(moderation, summary.OpenReports is not null && summary.MyReports is not null);
        Assert.Equal(designEdits, summary.RecentDesignEdits is not null);
        Assert.Equal(events, summary.RunningEvents is not null && summary.UpcomingEvents is not null);
        Assert.Equal(analytics, summary.Players is not null && summary.Revenue7dUsd is not null);
    }

    [Fact]
    public async Task A_designer_sees_recent_design_edits_by_the_editors_name_never_their_email()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var alice = GameOps.Tests.Web.Moderation.ModerationArrange.NewStaff("alice");
        await using (var context = db.CreateContext())
        {
            context.Users.Add(alice);
            await context.SaveChangesAsync(Ct);
        }
        await using (var asAlice = WebServices.Build(db, WebServices.Staff(StaffRoles.Designer, alice.Id, alice.Email)))
            await asAlice.GetRequiredService<GameOps.Web.Auditing.StaffAuditRecorder>().RecordAsync("update", "items", Guid.NewGuid().ToString());

        var edit = Assert.Single((await LoadAsAsync(db, WebServices.Staff(StaffRoles.Designer))).RecentDesignEdits!);
        Assert.Equal("alice", edit.Staff);
        Assert.Equal("alice (alice@tests.local)", Assert.Single((await LoadAsAsync(db, WebServices.Staff(StaffRoles.Admin))).RecentDesignEdits!).Staff);
    }

    [Fact]
    public void A_system_principal_holds_its_role_but_has_no_identity_to_audit()
    {
        var system = StaffPrincipals.System(StaffRoles.Designer);
        Assert.True(system.Identity?.IsAuthenticated);
        Assert.True(system.Has(Permission.DesignWrite));
        Assert.False(system.Has(Permission.StaffAdmin));
        Assert.Null(CurrentStaff.IdOf(system));
        Assert.Null(CurrentStaff.EmailOf(system));
    }

    [Theory, InlineData(Permission.PlayersSupport), InlineData(Permission.RawDataRead)]
    public void A_permission_policy_names_its_permission(Permission permission) =>
        Assert.Equal(permission, Policies.PermissionOf(Policies.For(permission)));
}
