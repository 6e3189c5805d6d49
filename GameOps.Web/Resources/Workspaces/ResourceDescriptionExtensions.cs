namespace GameOps.Web.Resources.Workspaces;

public static class ResourceDescriptionExtensions
{
    /// <summary>Gives a table its home in a workspace: route, navigation entry and titles.</summary>
    public static ResourceDescription<T> InWorkspace<T>(this ResourceDescription<T> resource, string workspace, string route, string icon, string title, string singular)
        where T : class, new()
    {
        resource.Workspace = workspace;
        resource.Route = route;
        resource.Icon = icon;
        resource.Title = title;
        resource.SingularTitle = singular;
        return resource;
    }
}
