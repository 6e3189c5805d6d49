using GameOps.Web.Security;
using GameOps.Web.Services.Analytics;

namespace GameOps.Web.Api;

public static class AnalyticsApi
{
    public sealed record KpiValue(string Key, string Title, double? Value, double? Previous, double? Change);

    public static void MapAnalyticsApi(this RouteGroupBuilder api)
    {
        var analytics = api.MapGroup("/analytics").WithTags("Analytics");

        analytics.MapGet("/kpis", async (DateOnly? from, DateOnly? to, CurrentStaff staff, AnalyticsService service, CancellationToken ct) =>
        {
            await staff.DemandAsync(Permission.AnalyticsRead);
            if (Range(from, to) is not { } range) return BadRange();
            var kpis = await service.OverviewAsync(range, ct);
            return Results.Ok(kpis.Select(k => new KpiValue(k.Metric.Key, k.Metric.Title, k.Value, k.Previous, k.Change)));
        }).WithSummary("The overview KPIs for a range of UTC days (?from=2026-01-01&to=2026-01-31), with the previous period");

        analytics.MapGet("/series/{key}", async (string key, DateOnly? from, DateOnly? to, Granularity? granularity, CurrentStaff staff, AnalyticsService service, CancellationToken ct) =>
        {
            await staff.DemandAsync(Permission.AnalyticsRead);
            if (Range(from, to) is not { } range) return BadRange();
            if (!AnalyticsService.IsChart(key)) return ApiResults.NotFound($"The series '{key}'");
            var chart = await service.ChartAsync(key, range, granularity ?? Granularity.Day, ct);
            return Results.Ok(new { chart.Key, chart.Title, chart.Labels, Series = chart.Series });
        }).WithSummary("A KPI series (a chart of the Analytics pages) for a range, by day, week or month");
    }

    static DayRange? Range(DateOnly? from, DateOnly? to)
    {
        var end = to ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var start = from ?? end.AddDays(-29);
        if (start > end || end.DayNumber - start.DayNumber > 366 * 2) return null;
        return new DayRange(start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), end.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
    }

    static IResult BadRange() => ApiResults.Refused("Give from ≤ to (yyyy-MM-dd), at most two years apart.", 400);
}
