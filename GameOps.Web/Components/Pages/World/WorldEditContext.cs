using GameOps.Web.Components.Shared;
using GameOps.Web.Resources;

namespace GameOps.Web.Components.Pages.World;

/// <summary>What a world detail page's editors and panels get from <c>WorldDetail</c>; <see cref="Saves"/> changes after every save so panels reload.</summary>
public sealed record WorldEditContext(EditState State, ResourceDescription Resource, bool CanWrite, int Saves)
{
    public ResourceField Field(string name) => Resource.Field(name);
}
