using MudBlazor;

namespace GameOps.Web.Services.Shell;

/// <summary>Per-circuit page chrome: the breadcrumbs the layout shows above the current page.</summary>
public sealed class PageContext
{
    public IReadOnlyList<BreadcrumbItem> Breadcrumbs { get; private set; } = [];
    public event Action? Changed;

    /// <summary>Sets the trail; the last item is the current page and is not a link.</summary>
    public void SetBreadcrumbs(params (string Text, string? Href)[] items)
    {
        Breadcrumbs = items.Select((item, i) => new BreadcrumbItem(item.Text, i == items.Length - 1 ? null : item.Href, disabled: i == items.Length - 1)).ToList();
        Changed?.Invoke();
    }
}
