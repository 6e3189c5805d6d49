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

    /// <summary>Hand-written pages (their workflows are their own) declare themselves with <see cref="NavEntryAttribute"/>.</summary>
    public static readonly IReadOnlyList<(string Workspace, NavLinkItem Link)> Pages =
        typeof(Navigation).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes(typeof(NavEntryAttribute), false).Cast<NavEntryAttribute>())
            .Select(a => (a.Workspace, new NavLinkItem(a.Title, a.Href, a.Icon, a.Permission)))
            .ToList();

    /// <summary>A resource whose list page (<c>.ListPage&lt;TPage&gt;()</c>) puts itself in the drawer is listed once, by that page's entry.</summary>
    static bool HasOwnEntry(Type? listPage) => listPage?.GetCustomAttributes(typeof(NavEntryAttribute), false).Length > 0;

    public static IReadOnlyList<NavGroupItem> Build(ResourceCatalog catalog) =>
        Workspaces.Select(w => new NavGroupItem(w.Workspace, w.Icon, w.Policy,
                catalog.All.Where(r => r.Workspace == w.Workspace && r.Route is not null && !Pages.Any(p => p.Link.Href == r.Route) && !HasOwnEntry(r.ListPageComponent))
                    .Select(r => new NavLinkItem(r.Title, r.Route!, r.Icon ?? Icons.Material.Filled.List, r.ReadPermission))
                    .Concat(Pages.Where(p => p.Workspace == w.Workspace).Select(p => p.Link))
                    .OrderBy(l => l.Title)
                    .ToList()))
            .Where(g => g.Links.Count > 0)
            .ToList();
}

/// <summary>Puts a hand-written page in the navigation drawer: <c>[NavEntry("Moderation", "Report queue", "/moderation/reports", Permission.ModerationRead)]</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class NavEntryAttribute(string workspace, string title, string href, Permission permission) : Attribute
{
    public string Workspace { get; } = workspace;
    public string Title { get; } = title;
    public string Href { get; } = href;
    public Permission Permission { get; } = permission;
    /// <summary>A MudBlazor icon (Icons.Material.Filled.*); the list icon when empty.</summary>
    public string Icon { get; init; } = Icons.Material.Filled.Dashboard;
}
