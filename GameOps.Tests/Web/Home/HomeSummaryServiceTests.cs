using System.Security.Claims;
using GameOps.Data;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Security;
using GameOps.Web.Services.Home;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Home;

/// <summary>The home page's figures are decided by the signed-in staff member's own permissions, read by the service itself.</summary>
public sealed class HomeSummaryServiceTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static ServiceProvider Services(TestDatabase db, ClaimsPrincipal? staff)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGameOpsWebData(db);
        services.AddScoped<HomeSummaryService>();
        var provider = services.BuildServiceProvider(validateScopes: false);
        if (staff is not null) provider.GetRequiredService<CurrentStaff>().Use(staff, "127.0.0.1", "tests");
        return provider;
    }

    [Fact]
    public async Task A_caller_who_is_not_signed_in_is_refused()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var services = Services(db, staff: null);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => services.GetRequiredService<HomeSummaryService>().LoadAsync(Ct));
    }

    [Fact]
    public async Task A_caller_without_any_of_the_home_page_permissions_is_refused()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var services = Services(db, WebServices.Staff("Player"));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => services.GetRequiredService<HomeSummaryService>().LoadAsync(Ct));
    }

    [Fact]
    public async Task Each_role_gets_only_the_figures_its_permissions_allow()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);

        await using (var designer = Services(db, WebServices.Staff(StaffRoles.Designer)))
        {
            var summary = await designer.GetRequiredService<HomeSummaryService>().LoadAsync(Ct);
            Assert.NotNull(summary.RecentDesignEdits);
            Assert.NotNull(summary.RunningEvents);
            Assert.Null(summary.OpenReports);
            Assert.Null(summary.Players);
            Assert.Null(summary.Revenue7dUsd);
        }

        await using (var moderator = Services(db, WebServices.Staff(StaffRoles.Moderator)))
        {
            var summary = await moderator.GetRequiredService<HomeSummaryService>().LoadAsync(Ct);
            Assert.NotNull(summary.OpenReports);
            Assert.NotNull(summary.MyReports);
            Assert.Null(summary.RecentDesignEdits);
            Assert.Null(summary.Players);
        }

        await using (var system = Services(db, StaffPrincipals.System(StaffRoles.Admin)))
        {
            var summary = await system.GetRequiredService<HomeSummaryService>().LoadAsync(Ct);
            Assert.NotNull(summary.OpenReports);
            Assert.NotNull(summary.RecentDesignEdits);
            Assert.NotNull(summary.RunningEvents);
            Assert.NotNull(summary.Players);
        }
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
