using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using GameOps.Data;
using GameOps.Web.Auditing;
using GameOps.Web.Infrastructure;
using GameOps.Web.Security;

namespace GameOps.Web.Resources;

/// <summary>
/// <c>GET /export/{table}.csv|json?…</c>: the rows of a list with the same search, filters and sort as on screen.
/// CSV cells that a spreadsheet would run as formulas (=, +, -, @) are neutralised. Every export is audited.
/// </summary>
public static class ExportEndpoints
{
    public const int MaxRows = 100_000;

    public static void MapExportEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/export/{slug}.{format}", async (string slug, string format, HttpContext http, ResourceCatalog catalog, StaffAuditRecorder audit,
            ResourceStore store, CancellationToken ct) =>
        {
            // The store reads lists through ConnectionStrings:GameOpsReadOnly when it is set; the audit row goes to the primary.
            // Rows of a staff console: never kept by a browser cache or a proxy, whatever the answer.
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers.Pragma = "no-cache";
            if (catalog.Find(slug) is not { } resource) return Results.NotFound();
            if (format is not ("csv" or "json")) return Results.BadRequest("Format must be csv or json.");
            if (!http.User.Has(resource.ReadPermission)) return Results.StatusCode(StatusCodes.Status403Forbidden);
            IReadOnlyList<ResourceRow> rows;
            ResourceQuery query;
            try
            {
                query = ResourceQueryString.Parse(http.Request.Query);
                rows = await store.ExportAsync(resource, query, MaxRows, ct);
            }
            catch (InvalidResourceQueryException ex)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "This export's criteria are not allowed.", detail: ex.Message);
            }
            catch (PermissionDeniedException)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
            var fields = resource.ListColumns.Select(resource.Field).ToList(); // never a secret: the catalog refuses to list one
            // Personal data leaves in bulk only with its own permission; everyone else gets it masked, whatever they may reveal one by one.
            var unmasked = http.User.MayExportPersonalData();
            var personalDataExported = unmasked && fields.Any(f => f.PersonalData);
            await audit.RecordExportAsync(resource.Table, format, rows.Count, ResourceQueryString.Build(query),
                personalDataExported ? fields.Where(f => f.PersonalData).Select(f => f.Column).ToArray() : []);
            var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmm");
            return format == "csv"
                ? Results.File(Encoding.UTF8.GetBytes(ToCsv(fields, rows, !unmasked)), "text/csv; charset=utf-8", $"{resource.Table}-{stamp}.csv")
                : Results.File(JsonSerializer.SerializeToUtf8Bytes(rows.Select(r => ToObject(fields, r, !unmasked)), new JsonSerializerOptions { WriteIndented = true }),
                    "application/json", $"{resource.Table}-{stamp}.json");
        }).RequireAuthorization(Policies.Staff);

    public static string ToCsv(IReadOnlyList<ResourceField> fields, IEnumerable<ResourceRow> rows, bool mask)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions { Injection = CsvInjection.Escape }, true))
        {
            csv.WriteRecord(["id", .. fields.Select(f => f.Column)]);
            foreach (var row in rows)
                csv.WriteRecord([row.Id.ToString()!, .. fields.Select((f, i) => CellText(f, row.Values[i], mask))]);
        }
        return writer.ToString();
    }

    static Dictionary<string, object?> ToObject(IReadOnlyList<ResourceField> fields, ResourceRow row, bool mask)
    {
        var result = new Dictionary<string, object?> { ["id"] = row.Id };
        for (var i = 0; i < fields.Count; i++)
            result[fields[i].Column] = mask && fields[i].PersonalData && row.Values[i] is { } v ? ResourceField.Mask(v.ToString()!) : row.Values[i];
        return result;
    }

    static string CellText(ResourceField field, object? value, bool mask) => value switch
    {
        null => "",
        _ when mask && field.PersonalData => ResourceField.Mask(value.ToString() ?? ""),
        DateTime d => d.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
