using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using CsvHelper;
using GameOps.Web.Auditing;
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
        endpoints.MapGet("/export/{slug}.{format}", async (string slug, string format, HttpContext http, ResourceCatalog catalog, ResourceStore store, StaffAuditRecorder audit, CancellationToken ct) =>
        {
            if (catalog.Find(slug) is not { } resource) return Results.NotFound();
            var roles = http.User.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
            if (!PermissionMatrix.Allows(roles, resource.ReadPermission)) return Results.Forbid();
            var query = ResourceQueryString.Parse(http.Request.Query);
            var rows = await store.ExportAsync(resource, query, MaxRows, ct);
            var mask = !PermissionMatrix.Allows(roles, Permission.RevealPersonalData);
            var fields = resource.ListColumns.Select(resource.Field).ToList();
            await audit.RecordAsync("export", resource.Table, null, new { format, rows = rows.Count, query = ResourceQueryString.Build(query), personalDataRevealed = !mask && fields.Any(f => f.PersonalData) });
            var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmm");
            return format switch
            {
                "csv" => Results.File(Encoding.UTF8.GetBytes(ToCsv(fields, rows, mask)), "text/csv; charset=utf-8", $"{resource.Table}-{stamp}.csv"),
                "json" => Results.File(JsonSerializer.SerializeToUtf8Bytes(rows.Select(r => ToObject(fields, r, mask)), new JsonSerializerOptions { WriteIndented = true }),
                    "application/json", $"{resource.Table}-{stamp}.json"),
                _ => Results.BadRequest("Format must be csv or json."),
            };
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
