using AngleSharp.Dom;

namespace GameOps.Tests.Infrastructure;

/// <summary>
/// An element's markup as it looks and reads: tag, classes (in any order) and attributes, without ids, event handlers, test ids
/// or inline styles, and without the drawing inside an SVG icon. Two shapes are equal when a browser would show and announce the
/// elements the same way; used to pin markup the app writes out by hand to the MudBlazor component it stands for.
/// </summary>
public static class MarkupShape
{
    /// <param name="depth">How many levels of elements to compare (1: the element alone).</param>
    /// <param name="ignored">Further attributes that differ by design (e.g. what the test passed only to one side).</param>
    public static string Of(IElement element, int depth = int.MaxValue, params string[] ignored)
    {
        var attributes = element.Attributes
            .Where(a => !a.Name.StartsWith("blazor:", StringComparison.Ordinal) && a.Name is not ("id" or "aria-controls" or "data-testid" or "style")
                && !ignored.Contains(a.Name, StringComparer.OrdinalIgnoreCase))
            .Select(a => a.Name.Equals("class", StringComparison.OrdinalIgnoreCase)
                ? "class=" + string.Join(' ', a.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal))
                : $"{a.Name.ToLowerInvariant()}={a.Value}")
            .Order(StringComparer.Ordinal);
        var children = depth <= 1 ? "" : string.Concat(element.Children.Where(c => c.LocalName is not ("path" or "g" or "rect" or "polygon" or "circle"))
            .Select(c => Of(c, depth - 1, ignored)));
        return $"<{element.LocalName} {string.Join(' ', attributes)}>{children}</{element.LocalName}>";
    }
}
