using GameOps.Web.Components.Shared;
using GameOps.Web.Resources;

namespace GameOps.Web.Components.Pages.Design;

/// <summary>What a definition page's typed editors get from <c>DesignDetail</c>.</summary>
public sealed record DesignEditContext(EditState State, ResourceDescription Resource, bool CanWrite)
{
    public ResourceField Field(string name) => Resource.Field(name);
}
