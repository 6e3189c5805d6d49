using System.Globalization;
using System.Text;
using CsvHelper;
using GameOps.Web.Auditing;
using GameOps.Web.Security;

namespace GameOps.Web.Services.Analytics;

/// <summary>The Analytics workspace's services and endpoints, registered from Program.cs.</summary>
public static class AnalyticsWorkspace
{
    public static IServiceCollection AddAnalyticsWorkspace(this IServiceCollection services)
    {
        services.AddOptions<AnalyticsOptions>().BindConfiguration("Analytics");
        services.AddSingleton<RollupService>();
        services.AddScoped<AnalyticsService>();
        return services;
    }

    public static IEndpointRouteBuilder MapAnalyticsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // GET /analytics/export/{chart}.csv?from=yyyy-MM-dd&to=yyyy-MM-dd&g=day|week|month: the data behind one chart.
        endpoints.MapGet("/analytics/export/{key}.csv", async (string key, string? from, string? to, string? g, AnalyticsService analytics,
            StaffAuditRecorder audit, CancellationToken ct) =>
        {
            if (!AnalyticsService.IsChart(key)) return Results.NotFound();
            if (DayRange.Parse(from, to) is not { } range) return Results.BadRequest("from and to must be yyyy-MM-dd, from ≤ to, at most two years apart.");
            if (!Enum.TryParse<Granularity>(g ?? "day", true, out var granularity)) return Results.BadRequest("g must be day, week or month.");
            var table = await analytics.ChartAsync(key, range, granularity, ct);
            await audit.RecordAsync("export", "analytics", key, new { format = "csv", from, to, g = granularity.ToString() });
            return Results.File(Encoding.UTF8.GetBytes(ToCsv(table)), "text/csv; charset=utf-8", $"{key.Replace(':', '-')}-{range.Start:yyyyMMdd}-{range.To:yyyyMMdd}.csv");
        }).RequireAuthorization(Policies.Analytics);
        return endpoints;
    }

    /// <summary>
    /// A chart's table as CSV: one row per point, one column per series. Text cells (labels, keys, series names: they may
    /// hold player names or SKUs) that a spreadsheet would run as formulas are neutralised with a leading quote; numbers
    /// (which may be negative, e.g. a net refund day) are written as numbers.
    /// </summary>
    public static string ToCsv(ChartTable table)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions { Injection = CsvInjection.None }, true))
        {
            csv.WriteRecord(["label", "key", .. table.Series.Select(s => Neutralise(s.Name))]);
            for (var i = 0; i < table.Labels.Count; i++)
                csv.WriteRecord([Neutralise(table.Labels[i]), Neutralise(table.Keys[i]), .. table.Series.Select(s => s.Values[i]?.ToString(CultureInfo.InvariantCulture) ?? "")]);
        }
        return writer.ToString();
    }

    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
