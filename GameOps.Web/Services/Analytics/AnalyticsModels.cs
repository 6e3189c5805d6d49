using System.Globalization;

namespace GameOps.Web.Services.Analytics;

public enum Granularity { Day, Week, Month }

/// <summary>A range of whole UTC days, both ends included.</summary>
public sealed record DayRange(DateTime From, DateTime To)
{
    public DateTime Start => RollupService.DayOf(From);
    /// <summary>The exclusive end: the day after <see cref="To"/>.</summary>
    public DateTime End => RollupService.DayOf(To).AddDays(1);
    public int Days => (End - Start).Days;
    public DayRange Previous => new(Start.AddDays(-Days), Start.AddDays(-1));

    public static DayRange LastDays(int days, DateTime? today = null)
    {
        var t = RollupService.DayOf(today ?? DateTime.UtcNow);
        return new DayRange(t.AddDays(1 - days), t);
    }

    /// <summary>Parses yyyy-MM-dd bounds; null when missing, malformed, reversed or longer than two years.</summary>
    public static DayRange? Parse(string? from, string? to)
    {
        if (!DateTime.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var f)) return null;
        if (!DateTime.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)) return null;
        var range = new DayRange(RollupService.DayOf(f), RollupService.DayOf(t));
        return range.Days is < 1 or > 731 ? null : range;
    }

    public string Query(Granularity g) =>
        $"from={Start:yyyy-MM-dd}&to={To:yyyy-MM-dd}&g={g.ToString().ToLowerInvariant()}";
}

/// <summary>A figure for a range and the same figure for the previous range of the same length.</summary>
public sealed record Kpi(MetricDefinition Metric, double? Value, double? Previous)
{
    /// <summary>
    /// The first day the figure's data exists, when that day falls after the start of the previous period: the previous figure
    /// then counts only the end of its period (e.g. matches from the day matchmaking went live), and a change against it would
    /// read as growth. Null when the data covers the whole previous period.
    /// </summary>
    public DateTime? DataFrom { get; init; }

    /// <summary>Relative change against the previous period; null when there is nothing, or only part of a period, to compare with.</summary>
    public double? Change => DataFrom is null && Value is { } v && Previous is { } p && p != 0 ? (v - p) / Math.Abs(p) : null;

    /// <summary>The previous period has no figure (absent, or zero for a count that cannot be compared as a percentage).</summary>
    public bool NoPreviousData => Previous is null or 0 || double.IsNaN(Previous.Value);
}

public sealed record ChartSeriesData(string Name, double?[] Values);

/// <summary>
/// The data behind one chart: a label per point (bucket or category), a drill key per point (bucket start as yyyy-MM-dd,
/// or a category value), and one or more series. It is both what the chart shows and what its CSV export holds.
/// </summary>
public sealed record ChartTable(string Key, string Title, MetricDefinition Metric, IReadOnlyList<string> Labels, IReadOnlyList<string> Keys,
    IReadOnlyList<ChartSeriesData> Series, string? Drill = null)
{
    public bool IsEmpty => Labels.Count == 0 || Series.All(s => s.Values.All(v => v is null or 0));

    /// <summary>The one unit of every value of this chart (axis, tooltip, data table); set from the chart's definition.</summary>
    public ChartUnit Unit { get; init; } = ChartUnit.Count;

    public ChartShape Shape { get; init; } = ChartShape.Line;
}

/// <summary>The rows behind one point of a chart.</summary>
public sealed record DrillTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<DrillRow> Rows, bool Truncated);

public sealed record DrillRow(IReadOnlyList<string> Cells, string? Link);

/// <summary>A cohort row of the retention table: signup week, its size and Dn retention (null when day n is not over yet).</summary>
public sealed record CohortRow(DateTime Week, long Size, IReadOnlyDictionary<int, double?> Retention);

public static class Buckets
{
    public static DateTime StartOf(DateTime day, Granularity g) => g switch
    {
        Granularity.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), // ISO weeks start on Monday
        Granularity.Month => new DateTime(day.Year, day.Month, 1, 0, 0, 0, DateTimeKind.Utc),
        _ => day,
    };

    public static DateTime Next(DateTime start, Granularity g) => g switch
    {
        Granularity.Week => start.AddDays(7),
        Granularity.Month => start.AddMonths(1),
        _ => start.AddDays(1),
    };

    /// <summary>The buckets covering the range, each clipped to it: (start, exclusive end).</summary>
    public static List<(DateTime Start, DateTime End)> Of(DayRange range, Granularity g)
    {
        var result = new List<(DateTime, DateTime)>();
        for (var s = StartOf(range.Start, g); s < range.End; s = Next(s, g))
            result.Add((s < range.Start ? range.Start : s, Next(s, g) > range.End ? range.End : Next(s, g)));
        return result;
    }

    public static string Label(DateTime start, Granularity g) => g switch
    {
        Granularity.Month => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        Granularity.Week => "wk " + start.ToString("MM-dd", CultureInfo.InvariantCulture),
        _ => start.ToString("MM-dd", CultureInfo.InvariantCulture),
    };
}
