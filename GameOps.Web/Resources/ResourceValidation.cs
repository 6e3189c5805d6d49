using System.Text.Json;

namespace GameOps.Web.Resources;

/// <summary>The checks every edit form runs before saving: the model's own limits, then the resource's rules.</summary>
public static class ResourceValidation
{
    public static IReadOnlyList<ValidationIssue> Validate(ResourceDescription resource, object entity)
    {
        var issues = new List<ValidationIssue>();
        foreach (var field in resource.Fields.Where(f => !f.Hidden && !f.ReadOnly))
        {
            var value = field.GetValue(entity);
            if (FieldIssue(field, value) is { } message) issues.Add(new ValidationIssue(field.Name, message));
        }
        issues.AddRange(resource.RunValidators(entity));
        return issues;
    }

    public static string? FieldIssue(ResourceField field, object? value)
    {
        switch (value)
        {
            case null when field.Required && field.ClrType.IsClass:
                return $"{field.Label} is required.";
            case string s when field.Required && field.Kind != FieldKind.Json && string.IsNullOrWhiteSpace(s):
                return $"{field.Label} is required.";
            case string s when field.MaxLength is { } max && s.Length > max:
                return $"{field.Label} is {s.Length:N0} characters long; the most it can hold is {max:N0}.";
            case string s when !Security.UntrustedText.IsStorable(s):
                return $"{field.Label} contains characters that cannot be stored (invalid Unicode or NUL); remove them and save again.";
            case string s when field.Kind == FieldKind.Options && field.Options is { } options && s.Length > 0 && !options.Contains(s):
                return $"{field.Label} must be one of: {string.Join(", ", options)}.";
            case string s when field.Kind == FieldKind.Json && field.ClrType == typeof(string):
                if (string.IsNullOrWhiteSpace(s)) return field.Required ? $"{field.Label} must hold JSON (use {{}} for empty)." : null;
                try { using var _ = JsonDocument.Parse(s); }
                catch (JsonException ex) { return $"{field.Label} is not valid JSON. {GameOps.Data.Json.JsonErrorText.Describe(ex)}"; }
                return null;
            case Guid g when field.Required && field.Kind == FieldKind.Reference && g == Guid.Empty:
                return $"Choose a {field.Label.ToLowerInvariant()}.";
        }
        if (value is not null && (field.Min is not null || field.Max is not null) && IsNumber(value))
        {
            var number = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
            if (field.Min is { } min && number < min) return $"{field.Label} must be at least {min}.";
            if (field.Max is { } max && number > max) return $"{field.Label} must be at most {max}.";
        }
        return null;
    }

    static bool IsNumber(object value) => value is int or long or decimal or double or float;
}
