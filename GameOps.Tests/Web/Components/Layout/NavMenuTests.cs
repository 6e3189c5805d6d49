using Bunit;
using GameOps.Data;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Components.Layout;
using GameOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace GameOps.Tests.Web.Components.Layout;

/// <summary>The drawer marks the page you are on, and only that page: a workspace's overview is not "current" on its sub-pages.
/// Its workspace groups are MudNavGroup's markup, written out to keep fewer components per circuit.</summary>
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

    [Theory]
    [InlineData("Design", false)]
    [InlineData("Analytics", true)]
    public async Task A_workspace_group_has_MudNavGroups_own_markup_so_it_looks_and_reads_the_same(string workspace, bool expanded)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var ctx = ComponentContexts.SignedIn(db, StaffRoles.Manager);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/analytics/revenue"); // Analytics open, Design closed
        var ours = ctx.Render<NavMenu>().Find($"nav[data-testid='nav-{workspace}']");
        var icon = ours.QuerySelector("button svg")!.InnerHtml;

        var mud = ctx.Render<MudNavMenu>(menu => menu.AddChildContent<MudNavGroup>(group => group
            .Add(g => g.Title, workspace).Add(g => g.Icon, icon).Add(g => g.Expanded, expanded)
            .AddChildContent("<div class=\"mud-nav-item\"></div>"))).Find("nav.mud-nav-group");

        Assert.Equal(MarkupShape.Of(mud.QuerySelector("button")!), MarkupShape.Of(ours.QuerySelector("button")!));
        Assert.Equal(MarkupShape.Of(mud.QuerySelector(".mud-collapse-container")!, depth: 3), MarkupShape.Of(ours.QuerySelector(".mud-collapse-container")!, depth: 3));
        Assert.Equal(expanded, ours.QuerySelectorAll("a.mud-nav-link").Length > 0); // a closed group renders no links
    }
}
