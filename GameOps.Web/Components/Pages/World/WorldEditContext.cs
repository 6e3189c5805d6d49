using GameOps.Web.Components.Shared;
using GameOps.Web.Resources;

namespace GameOps.Web.Components.Pages.World;

/// <summary>
/// What a world detail page's editors and panels get from <c>WorldDetail</c>: <see cref="Saves"/> changes after every save so
/// panels reload; <see cref="Reload"/> reloads the shell after a workflow changed the row underneath it.
/// </summary>
public sealed record WorldEditContext(EditState State, ResourceDescription Resource, bool CanWrite, int Saves, Func<Task> Reload)
{
    public ResourceField Field(string name) => Resource.Field(name);
}
