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

    /// <summary>Reads the URL's criteria; a value that cannot be read is an <see cref="InvalidResourceQueryException"/> (a 400), never ignored.</summary>
    public static ResourceQuery Parse(IQueryCollection query)
    {
        var result = new ResourceQuery { Search = query["q"], SortField = query["sort"].FirstOrDefault(), SortDescending = query["desc"] == "1" };
        foreach (var (key, value) in query.Where(q => q.Key.StartsWith("f.")))
        {
            var parts = key[2..].Split('.');
            if (parts.Length > 2 || parts[0].Length == 0) throw new InvalidResourceQueryException($"\"{key}\" is not a filter (f.Field, f.Field.min, .max, .from, .to or .bool).");
            var filter = result.Filters.TryGetValue(parts[0], out var existing) ? existing : result.Filters[parts[0]] = new FilterValue();
            var text = value.ToString();
            var part = parts.Length > 1 ? parts[1] : "";
            if (part != "" && text.Length == 0) continue;
            switch (part)
            {
                case "": filter.Value = text; break;
                case "bool": filter.Bool = bool.TryParse(text, out var b) ? b : throw Unreadable(parts[0], text, "true or false"); break;
                case "min": filter.Min = Number(parts[0], text); break;
                case "max": filter.Max = Number(parts[0], text); break;
                case "from": filter.From = Time(parts[0], text); break;
                case "to": filter.To = Time(parts[0], text); break;
                default: throw new InvalidResourceQueryException($"\"{key}\" is not a filter (f.Field, f.Field.min, .max, .from, .to or .bool).");
            }
        }
        return result;
    }

    static double Number(string field, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : throw Unreadable(field, text, "a number");

    static DateTime Time(string field, string text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t)
            ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : throw Unreadable(field, text, "a date and time (e.g. 2026-01-31T12:00:00Z)");

    static InvalidResourceQueryException Unreadable(string field, string text, string expected)
    {
        var shown = new string(Security.UntrustedText.ForQuery(text).Where(c => !char.IsControl(c)).Take(40).ToArray());
        return new($"{field}: \"{shown}\" is not {expected}.");
    }
}
