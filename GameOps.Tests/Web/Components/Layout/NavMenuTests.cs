using Bunit;
using GameOps.Data;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Components.Layout;
using GameOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Components.Layout;

/// <summary>The drawer marks the page you are on, and only that page: a workspace's overview is not "current" on its sub-pages.</summary>
public sealed class NavMenuTests
{
    [Fact]
    public async Task On_the_revenue_dashboard_only_revenue_is_the_current_link_not_the_analytics_overview()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var ctx = ComponentContexts.SignedIn(db, StaffRoles.Manager);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/analytics/revenue");

        var menu = ctx.Render<NavMenu>();

        var active = menu.FindAll("a.active").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/analytics/revenue"], active);
    }
}
