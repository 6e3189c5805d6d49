using System.Globalization;
using System.Text;
using CsvHelper;

namespace GameOps.Web.Services.Shell;

/// <summary>
/// The CSV of a hand-written list: what the list shows (its filter, its columns, the role's masking). Cells a spreadsheet
/// would run as formulas are neutralised; the response is never cached.
/// </summary>
public static class ListCsv
{
    public const int MaxRows = 100_000;

    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions { Injection = CsvInjection.Escape }, true))
        {
            // Collection expressions pick the row-of-cells overload (an array would be taken for a record object).
            csv.WriteRecord([.. header]);
            foreach (var row in rows) csv.WriteRecord([.. row.Select(v => v ?? "")]);
        }
        return writer.ToString();
    }

    public static string Utc(DateTime? at) => at?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "";

    public static IResult File(HttpContext http, string name, string csv)
    {
        http.Response.Headers.CacheControl = "no-store";
        return Results.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"{name}-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv");
    }
}
