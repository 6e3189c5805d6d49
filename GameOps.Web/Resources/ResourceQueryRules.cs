using System.Globalization;
using GameOps.Web.Security;

namespace GameOps.Web.Resources;

/// <summary>A list or export query the declaration does not allow, or a value that cannot be read: the caller answers 400 with <see cref="Exception.Message"/>.</summary>
public sealed class InvalidResourceQueryException(string message) : Exception(message);

/// <summary>
/// What a list query may ask of a resource: only the declared filters, sorts and searches, never a secret, and personal
/// data only for roles that may reveal it. Anything else is refused with a message, so that no criterion works as an oracle
/// on a value the caller cannot see (<c>?f.Email=guess</c> answering 1 or 0 rows).
/// </summary>
public static class ResourceQueryRules
{
    /// <summary>Throws <see cref="InvalidResourceQueryException"/> for the first criterion that is not allowed or not readable.</summary>
    public static void Check(ResourceDescription resource, ResourceQuery query, bool canSeePersonalData)
    {
        foreach (var (name, filter) in query.Filters)
        {
            var field = resource.FindField(name);
            if (field is null || !resource.Filters.Contains(field.Name) || field.IsSecret)
                throw new InvalidResourceQueryException($"{resource.Title} cannot be filtered by \"{name}\". Filters: {Names(resource, resource.Filters)}.");
            if (field.PersonalData && !canSeePersonalData)
                throw new InvalidResourceQueryException($"\"{name}\" ({field.Label}) is personal data: your role cannot filter by it.");
            CheckFilterValues(field, filter);
        }

        if (query.SortField is { } sort)
        {
            var field = resource.FindField(sort);
            var declared = field is not null && (resource.ListColumns.Contains(field.Name) || resource.DefaultSort == field.Name);
            if (field is null || !declared || !field.Sortable || field.IsSecret)
                throw new InvalidResourceQueryException($"{resource.Title} cannot be sorted by \"{sort}\".");
            if (field.PersonalData && !canSeePersonalData)
                throw new InvalidResourceQueryException($"\"{sort}\" ({field.Label}) is personal data: your role cannot sort by it.");
        }

        if (query.Search is { } search && !string.IsNullOrEmpty(search))
        {
            if (SearchTerm(search) is null)
                throw new InvalidResourceQueryException("The search holds no characters that can be searched for.");
            if (SearchedFields(resource, canSeePersonalData).Count == 0 && resource.RelatedSearches.Count == 0)
                throw new InvalidResourceQueryException($"{resource.Title} cannot be searched.");
        }
    }

    /// <summary>The text a search looks for (NUL removed, broken surrogates replaced, trimmed), or null when nothing is left.</summary>
    public static string? SearchTerm(string? search)
    {
        if (string.IsNullOrWhiteSpace(search)) return null;
        var term = UntrustedText.ForQuery(search).Trim();
        return term.Length == 0 ? null : term;
    }

    /// <summary>The declared search fields this caller may search: text, never secret, personal only with reveal.</summary>
    public static IReadOnlyList<ResourceField> SearchedFields(ResourceDescription resource, bool canSeePersonalData) =>
        resource.SearchFields.Select(resource.Field)
            .Where(f => f.ClrType == typeof(string) && !f.IsSecret && (!f.PersonalData || canSeePersonalData)).ToList();

    static void CheckFilterValues(ResourceField field, FilterValue filter)
    {
        var underlying = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (!string.IsNullOrEmpty(filter.Value)) ConvertValue(field, filter.Value);
        if (filter.Bool is not null && underlying != typeof(bool))
            throw new InvalidResourceQueryException($"{field.Label} is not a yes/no field.");
        foreach (var bound in new[] { filter.Min, filter.Max })
            if (bound is { } number) ConvertBound(field, number);
        if ((filter.From is not null || filter.To is not null) && underlying != typeof(DateTime))
            throw new InvalidResourceQueryException($"{field.Label} is not a date.");
    }

    /// <summary>An exact-match filter value as the field's type, or a message saying what was expected.</summary>
    public static object ConvertValue(ResourceField field, string text)
    {
        var underlying = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (field.Kind == FieldKind.Json) throw new InvalidResourceQueryException($"{field.Label} cannot be filtered by value.");
        if (underlying == typeof(string)) return UntrustedText.ForQuery(text);
        if (underlying == typeof(Guid))
            return Guid.TryParse(text, out var g) ? g : throw Invalid(field, text, "an id (GUID)");
        if (underlying == typeof(bool))
            return bool.TryParse(text, out var b) ? b : throw Invalid(field, text, "true or false");
        if (underlying == typeof(DateTime))
            return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d)
                ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : throw Invalid(field, text, "a date and time (e.g. 2026-01-31T12:00:00Z)");
        if (underlying == typeof(int))
            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : throw Invalid(field, text, $"a whole number between {int.MinValue:N0} and {int.MaxValue:N0}");
        if (underlying == typeof(long))
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : throw Invalid(field, text, "a whole number");
        if (underlying == typeof(decimal))
            return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var m) ? m : throw Invalid(field, text, "a number");
        if (underlying == typeof(double))
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x) ? x : throw Invalid(field, text, "a number");
        throw new InvalidResourceQueryException($"{field.Label} cannot be filtered by value.");
    }

    /// <summary>A range bound (from/to of a number) as the field's type, or a message when it does not fit.</summary>
    public static object ConvertBound(ResourceField field, double bound)
    {
        var underlying = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        var text = bound.ToString(CultureInfo.InvariantCulture);
        if (!double.IsFinite(bound)) throw Invalid(field, text, "a finite number");
        if (underlying == typeof(int))
            return bound is >= int.MinValue and <= int.MaxValue ? (int)Math.Round(bound) : throw Invalid(field, text, $"a whole number between {int.MinValue:N0} and {int.MaxValue:N0}");
        if (underlying == typeof(long))
            return bound is >= long.MinValue and <= long.MaxValue ? (long)Math.Round(bound) : throw Invalid(field, text, "a whole number in range");
        if (underlying == typeof(decimal))
            return bound is >= (double)decimal.MinValue and <= (double)decimal.MaxValue ? (decimal)bound : throw Invalid(field, text, "a number in range");
        if (underlying == typeof(double)) return bound;
        throw new InvalidResourceQueryException($"{field.Label} is not a number: it has no range.");
    }

    static InvalidResourceQueryException Invalid(ResourceField field, string text, string expected) =>
        new($"{field.Label}: \"{Shorten(text)}\" is not {expected}.");

    static string Shorten(string text)
    {
        var clean = new string(UntrustedText.ForQuery(text).Where(c => !char.IsControl(c)).ToArray());
        return clean.Length > 40 ? clean[..40] + "…" : clean;
    }

    static string Names(ResourceDescription resource, IEnumerable<string> names) =>
        names.Any() ? string.Join(", ", names.Select(n => resource.Field(n).Name)) : "none";
}
