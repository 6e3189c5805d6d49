using GameOps.Web.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace GameOps.Web.Components.Shared;

/// <summary>
/// The markup of one personal value: "—", the value once revealed, or its mask with a reveal button for a role that may reveal.
/// <see cref="PersonalValue"/> renders it, and lists render it straight into each row's cell: every open circuit keeps each
/// component it renders (two render trees of at least 32 frames each), and a component per row was a third of a list's memory.
/// The button is MudIconButton's own markup and classes for the same reason; a title, not a MudTooltip (a popover per row).
/// </summary>
public static class PersonalValueMarkup
{
    static readonly MarkupString RevealIcon = new(Icons.Material.Outlined.Visibility);

    /// <param name="field">The column, e.g. <c>email</c> or <c>ip_address</c>; the button names it.</param>
    /// <param name="reveal">The audited reveal; null for a role that may not reveal (no button).</param>
    public static RenderFragment Render(string? value, bool revealed, string field, EventCallback? reveal) => builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", "personal-value");
        builder.AddAttribute(2, "data-testid", "personal-value");
        if (value is null)
            builder.AddMarkupContent(3, "<span>—</span>");
        else if (revealed)
        {
            builder.OpenElement(4, "span");
            builder.AddAttribute(5, "data-testid", "personal-value-revealed");
            builder.AddContent(6, value);
            builder.CloseElement();
        }
        else
        {
            builder.OpenElement(7, "span");
            builder.AddAttribute(8, "title", "Masked personal data");
            builder.AddContent(9, ResourceField.Mask(value));
            builder.CloseElement();
            if (reveal is { } onReveal) RevealButton(builder, field.Replace('_', ' '), onReveal);
        }
        builder.CloseElement();
    };

    static void RevealButton(RenderTreeBuilder builder, string label, EventCallback onReveal)
    {
        builder.OpenElement(10, "button");
        builder.AddAttribute(11, "type", "button");
        builder.AddAttribute(12, "class", "mud-button-root mud-icon-button mud-ripple mud-ripple-icon mud-icon-button-size-small ml-1 pa-0");
        builder.AddAttribute(13, "aria-label", $"Reveal {label}");
        builder.AddAttribute(14, "title", $"Reveal the {label} (recorded in the audit trail)");
        builder.AddAttribute(15, "onclick", onReveal);
        builder.AddEventStopPropagationAttribute(16, "onclick", true); // as MudIconButton: the click is not also the row's (which opens the row)
        builder.AddAttribute(17, "data-testid", "reveal");
        builder.OpenElement(18, "span");
        builder.AddAttribute(19, "class", "mud-icon-button-label");
        builder.OpenElement(20, "svg");
        builder.AddAttribute(21, "class", "mud-icon-root mud-svg-icon mud-icon-size-small");
        builder.AddAttribute(22, "focusable", "false");
        builder.AddAttribute(23, "viewBox", "0 0 24 24");
        builder.AddAttribute(24, "aria-hidden", "true");
        builder.AddAttribute(25, "role", "img");
        builder.AddMarkupContent(26, RevealIcon.Value);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    }
}
