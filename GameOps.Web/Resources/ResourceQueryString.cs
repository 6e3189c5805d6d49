using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace GameOps.Web.Resources;

/// <summary>A list query as URL parameters, so that exports (and links) carry exactly the rows on screen.</summary>
public static class ResourceQueryString
{
    public static string Build(ResourceQuery query)
    {
        var parameters = new Dictionary<string, string?>();
        if (!string.IsNullOrWhiteSpace(query.Search)) parameters["q"] = query.Search;
        if (query.SortField is not null) { parameters["sort"] = query.SortField; parameters["desc"] = query.SortDescending ? "1" : "0"; }
        foreach (var (name, f) in query.Filters.Where(f => f.Value.IsSet))
        {
            if (f.Value is { Length: > 0 } v) parameters[$"f.{name}"] = v;
            if (f.Bool is { } b) parameters[$"f.{name}.bool"] = b ? "true" : "false";
            if (f.Min is { } min) parameters[$"f.{name}.min"] = min.ToString(CultureInfo.InvariantCulture);
            if (f.Max is { } max) parameters[$"f.{name}.max"] = max.ToString(CultureInfo.InvariantCulture);
            if (f.From is { } from) parameters[$"f.{name}.from"] = from.ToString("O");
            if (f.To is { } to) parameters[$"f.{name}.to"] = to.ToString("O");
        }
        return QueryHelpers.AddQueryString("", parameters);
    }

    public static ResourceQuery Parse(IQueryCollection query)
    {
        var result = new ResourceQuery { Search = query["q"], SortField = query["sort"].FirstOrDefault(), SortDescending = query["desc"] == "1" };
        foreach (var (key, value) in query.Where(q => q.Key.StartsWith("f.")))
        {
            var parts = key[2..].Split('.');
            var filter = result.Filters.TryGetValue(parts[0], out var existing) ? existing : result.Filters[parts[0]] = new FilterValue();
            var text = value.ToString();
            switch (parts.Length > 1 ? parts[1] : "")
            {
                case "": filter.Value = text; break;
                case "bool": filter.Bool = bool.TryParse(text, out var b) ? b : null; break;
                case "min": filter.Min = double.TryParse(text, CultureInfo.InvariantCulture, out var min) ? min : null; break;
                case "max": filter.Max = double.TryParse(text, CultureInfo.InvariantCulture, out var max) ? max : null; break;
                case "from": filter.From = DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var from) ? from : null; break;
                case "to": filter.To = DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var to) ? to : null; break;
            }
        }
        return result;
    }
}
