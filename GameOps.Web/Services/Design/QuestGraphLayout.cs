namespace GameOps.Web.Services.Design;

/// <summary>Where one quest card sits, in SVG units.</summary>
public readonly record struct NodePosition(double X, double Y);

/// <summary>
/// Layers of a quest graph, left to right by depth (the longest prerequisite path), wrapped into bands of
/// <c>columnsPerBand</c> layers so a long main story reads like lines of text instead of one strip running off the page.
/// </summary>
public static class QuestGraphLayout
{
    public const double NodeWidth = 190, NodeHeight = 48, ColumnGap = 70, RowGap = 18, BandGap = 56, Margin = 10;

    public static (IReadOnlyDictionary<string, NodePosition> Positions, double Width, double Height) Layout(IReadOnlyList<QuestNode> nodes, int columnsPerBand)
    {
        if (nodes.Count == 0) return (new Dictionary<string, NodePosition>(), 0, 0);
        columnsPerBand = Math.Max(1, columnsPerBand);
        var bands = nodes.GroupBy(n => n.Depth / columnsPerBand).OrderBy(b => b.Key).ToList();
        var positions = new Dictionary<string, NodePosition>();
        var top = Margin;
        foreach (var band in bands)
        {
            foreach (var node in band)
                positions[node.QuestId] = new NodePosition(Margin + node.Depth % columnsPerBand * (NodeWidth + ColumnGap), top + node.Row * (NodeHeight + RowGap));
            var rows = band.Max(n => n.Row) + 1;
            top += rows * (NodeHeight + RowGap) - RowGap + BandGap;
        }
        var columns = Math.Min(columnsPerBand, nodes.Max(n => n.Depth) + 1);
        return (positions, Margin * 2 + columns * (NodeWidth + ColumnGap) - ColumnGap, top - BandGap + Margin);
    }

    /// <summary>An edge from the right of a prerequisite to the left of the quest that needs it; a curve when it wraps to the next band.</summary>
    public static string EdgePath(NodePosition from, NodePosition to)
    {
        var (x1, y1) = (from.X + NodeWidth, from.Y + NodeHeight / 2);
        var (x2, y2) = (to.X, to.Y + NodeHeight / 2);
        if (x2 > x1) return FormattableString.Invariant($"M {x1} {y1} C {x1 + ColumnGap / 2} {y1}, {x2 - ColumnGap / 2} {y2}, {x2} {y2}");
        // Wrapped: leave to the right, run down between the bands, come in from the left.
        var midY = to.Y - BandGap / 2;
        return FormattableString.Invariant($"M {x1} {y1} C {x1 + 40} {y1}, {x1 + 40} {midY}, {x1} {midY} L {x2 - 20} {midY} C {x2 - 40} {midY}, {x2 - 40} {y2}, {x2} {y2}");
    }
}
