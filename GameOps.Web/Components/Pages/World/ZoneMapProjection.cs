using GameOps.Data.Json;

namespace GameOps.Web.Components.Pages.World;

/// <summary>
/// World units → SVG pixels for one zone. World y grows northwards (up, as on a map and in the game's top-down view);
/// SVG y grows downwards, so y is flipped: the zone's MaxY is the top edge of the drawing. x is kept left → right.
/// One scale for both axes, so circles stay round and distances compare.
/// </summary>
public sealed class ZoneMapProjection
{
    public const double Margin = 48;

    public ZoneMapProjection(MapBounds bounds, double maxSize = 760)
    {
        Bounds = bounds;
        var w = Math.Max(1, bounds.MaxX - bounds.MinX);
        var h = Math.Max(1, bounds.MaxY - bounds.MinY);
        Scale = maxSize / Math.Max(w, h);
        Width = w * Scale + 2 * Margin;
        Height = h * Scale + 2 * Margin;
    }

    public MapBounds Bounds { get; }
    /// <summary>Pixels per world unit.</summary>
    public double Scale { get; }
    public double Width { get; }
    public double Height { get; }

    public double X(double worldX) => Round(Margin + (worldX - Bounds.MinX) * Scale);
    public double Y(double worldY) => Round(Margin + (Bounds.MaxY - worldY) * Scale);
    public double Length(double worldLength) => Round(worldLength * Scale);

    /// <summary>A world-space rectangle whose (x, y) is its south-west (minimum) corner, as SVG x/y/width/height.</summary>
    public (double X, double Y, double Width, double Height) Rect(double x, double y, double width, double height) =>
        (X(x), Y(y + height), Length(width), Length(height));

    /// <summary>A "nice" grid step (1, 2 or 5 × 10ⁿ) giving about <paramref name="lines"/> lines across the larger side.</summary>
    public double GridStep(int lines = 8)
    {
        var span = Math.Max(Bounds.MaxX - Bounds.MinX, Bounds.MaxY - Bounds.MinY);
        var raw = span / lines;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        return step;
    }

    public IEnumerable<double> GridValues(double min, double max, double step)
    {
        for (var v = Math.Ceiling(min / step) * step; v <= max + 1e-9; v += step) yield return Math.Round(v, 6);
    }

    static double Round(double v) => Math.Round(v, 2);

    public static string Format(double v) => v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
