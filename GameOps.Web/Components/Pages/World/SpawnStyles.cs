using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace GameOps.Web.Components.Pages.World;

/// <summary>How each spawn type looks on the map: a colour and a marker shape, so types read apart without colour alone.</summary>
public static class SpawnStyles
{
    public sealed record Style(string Label, string Color, string Shape);

    static readonly Dictionary<string, Style> Styles = new()
    {
        ["monster"] = new("Monster", "#d32f2f", "circle"),
        ["boss"] = new("Boss", "#6a1b9a", "star"),
        ["npc"] = new("NPC", "#1565c0", "square"),
        ["resource_node"] = new("Resource node", "#795548", "triangle"),
        ["treasure"] = new("Treasure", "#f9a825", "diamond"),
        ["player"] = new("Player respawn", "#00838f", "cross"),
    };

    public static Style For(string type) => Styles.GetValueOrDefault(type) ?? new(type.Replace('_', ' '), "#546e7a", "circle");

    /// <summary>The marker centred on (x, y) in pixels, <paramref name="size"/> being its half-width.</summary>
    public static RenderFragment Marker(string type, double x, double y, double size) => builder =>
    {
        var style = For(type);
        switch (style.Shape)
        {
            case "square":
                builder.OpenElement(0, "rect");
                builder.AddAttribute(1, "x", F(x - size));
                builder.AddAttribute(2, "y", F(y - size));
                builder.AddAttribute(3, "width", F(size * 2));
                builder.AddAttribute(4, "height", F(size * 2));
                break;
            case "circle":
                builder.OpenElement(5, "circle");
                builder.AddAttribute(6, "cx", F(x));
                builder.AddAttribute(7, "cy", F(y));
                builder.AddAttribute(8, "r", F(size));
                break;
            default:
                builder.OpenElement(9, "polygon");
                builder.AddAttribute(10, "points", Points(style.Shape, x, y, size));
                break;
        }
        builder.AddAttribute(11, "fill", style.Color);
        builder.AddAttribute(12, "stroke", "#ffffff");
        builder.AddAttribute(13, "stroke-width", "1.5");
        builder.AddAttribute(14, "data-marker", style.Shape);
        builder.CloseElement();
    };

    static string Points(string shape, double x, double y, double s)
    {
        IEnumerable<(double, double)> pts = shape switch
        {
            "triangle" => [(x, y - s * 1.1), (x + s, y + s * 0.8), (x - s, y + s * 0.8)],
            "diamond" => [(x, y - s * 1.2), (x + s, y), (x, y + s * 1.2), (x - s, y)],
            "cross" =>
            [
                (x - s * 0.35, y - s), (x + s * 0.35, y - s), (x + s * 0.35, y - s * 0.35), (x + s, y - s * 0.35), (x + s, y + s * 0.35), (x + s * 0.35, y + s * 0.35),
                (x + s * 0.35, y + s), (x - s * 0.35, y + s), (x - s * 0.35, y + s * 0.35), (x - s, y + s * 0.35), (x - s, y - s * 0.35), (x - s * 0.35, y - s * 0.35),
            ],
            _ => Enumerable.Range(0, 10).Select(i =>
            {
                var r = i % 2 == 0 ? s * 1.4 : s * 0.6;
                var angle = -Math.PI / 2 + i * Math.PI / 5;
                return (x + r * Math.Cos(angle), y + r * Math.Sin(angle));
            }),
        };
        return string.Join(" ", pts.Select(p => $"{F(p.Item1)},{F(p.Item2)}"));
    }

    static string F(double v) => Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
