using GameOps.Web.Resources;
using GameOps.Web.Security;
using MudBlazor;

namespace GameOps.Web.Components.Layout;

public sealed record NavLinkItem(string Title, string Href, string Icon, Permission Permission);

public sealed record NavGroupItem(string Workspace, string Icon, string Policy, IReadOnlyList<NavLinkItem> Links);

/// <summary>
/// The drawer: each workspace's resource pages (from the catalog) plus its hand-written pages, in one place.
/// The layout shows a group only to roles allowed by the workspace policy, and a link only with its permission.
/// </summary>
public static class Navigation
{
    public static readonly (string Workspace, string Icon, string Policy)[] Workspaces =
    [
        ("Design", Icons.Material.Filled.Architecture, Policies.Design),
        ("Moderation", Icons.Material.Filled.Gavel, Policies.Moderation),
        ("Players", Icons.Material.Filled.People, Policies.Players),
        ("Live Ops", Icons.Material.Filled.Event, Policies.LiveOps),
        ("World", Icons.Material.Filled.Public, Policies.World),
        ("Analytics", Icons.Material.Filled.Insights, Policies.Analytics),
        ("Administration", Icons.Material.Filled.AdminPanelSettings, Policies.Administration),
    ];

    /// <summary>Hand-written pages (their workflows are their own), added as the workspaces land.</summary>
    public static readonly List<(string Workspace, NavLinkItem Link)> Pages =
    [
        ("Administration", new NavLinkItem("All tables", "/data", Icons.Material.Filled.TableChart, Permission.RawDataRead)),
    ];

    public static IReadOnlyList<NavGroupItem> Build(ResourceCatalog catalog) =>
        Workspaces.Select(w => new NavGroupItem(w.Workspace, w.Icon, w.Policy,
                catalog.All.Where(r => r.Workspace == w.Workspace && r.Route is not null)
                    .Select(r => new NavLinkItem(r.Title, r.Route!, r.Icon ?? Icons.Material.Filled.List, r.ReadPermission))
                    .Concat(Pages.Where(p => p.Workspace == w.Workspace).Select(p => p.Link))
                    .OrderBy(l => l.Title)
                    .ToList()))
            .Where(g => g.Links.Count > 0)
            .ToList();
}
