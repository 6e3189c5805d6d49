using System.Text.Json;

namespace GameOps.Web.Resources;

/// <summary>The checks every edit form runs before saving: the model's own limits, then the resource's rules.</summary>
public static class ResourceValidation
{
    /// <summary>
    /// The one set of rules for a row, as the editor's save runs them (<c>ResourceWriter.SaveAsync</c>): the field rules (required,
    /// lengths, ranges, options, JSON), then the resource's database rules (schemas of typed JSON, references, cycles). Design
    /// imports, bulk activation and the seed test call this so they can never disagree with the editor.
    /// </summary>
    public static async Task<IReadOnlyList<ValidationIssue>> ValidateWithDatabaseAsync(GameOps.Data.GameOpsDbContext db, ResourceDescription resource, object entity, CancellationToken ct)
    {
        var issues = Validate(resource, entity).ToList();
        foreach (var validator in resource.DatabaseValidators) issues.AddRange(await validator(db, entity, ct));
        return issues;
    }

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
                try
                {
                    using var document = JsonDocument.Parse(s);
                    if (!StringsAreStorable(document.RootElement) || UnstorableEscape.IsMatch(s))
                        return $"{field.Label} contains characters that cannot be stored (invalid Unicode or NUL); remove them and save again.";
                }
                catch (JsonException ex) { return $"{field.Label} is not valid JSON. {GameOps.Data.Json.JsonErrorText.Describe(ex)}"; }
                catch (InvalidOperationException) { return $"{field.Label} contains characters that cannot be stored (invalid Unicode or NUL); remove them and save again."; }
                return null;
            case Guid g when field.Required && field.Kind == FieldKind.Reference && g == Guid.Empty:
                return $"Choose a {field.Label.ToLowerInvariant()}.";
            case not null and not string when field.Kind == FieldKind.Json && !IsStorableJson(value):
                return $"{field.Label} contains characters that cannot be stored (invalid Unicode or NUL); remove them and save again.";
        }
        if (value is not null && (field.Min is not null || field.Max is not null) && IsNumber(value))
        {
            var number = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
            if (field.Min is { } min && number < min) return $"{field.Label} must be at least {min}.";
            if (field.Max is { } max && number > max) return $"{field.Label} must be at most {max}.";
        }
        return null;
    }

    /// <summary>
    /// A typed JSON value (effects, objectives…) whose strings could not be written: System.Text.Json refuses a lone
    /// surrogate, and PostgreSQL refuses <c>\u0000</c> in jsonb. Found here, it is a message next to the field instead of
    /// an exception during the save.
    /// </summary>
    static bool IsStorableJson(object value)
    {
        try
        {
            // Written with \u escapes, a lone surrogate survives serialisation and reading back (as U+FFFD), so look at the text.
            // The encoder would also turn a lone surrogate into U+FFFD without a word: check the strings themselves first.
            if (!StringsAreStorable(value, 0)) return false;
            var json = JsonSerializer.Serialize(value, value.GetType());
            return Security.UntrustedText.IsStorable(json) && !UnstorableEscape.IsMatch(json);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary><c>\u0000</c>, or a <c>\uD800</c>–<c>\uDFFF</c> escape that is not half of a high-low pair.</summary>
    static readonly System.Text.RegularExpressions.Regex UnstorableEscape = new(
        @"\\u0000|\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>Every string inside a typed JSON value (lists, dictionaries, nested shapes), checked as typed.</summary>
    static bool StringsAreStorable(object? value, int depth)
    {
        if (value is null || depth > 10) return true;
        if (value is string text) return Security.UntrustedText.IsStorable(text);
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is decimal or DateTime or DateTimeOffset or Guid or TimeSpan) return true;
        if (value is System.Collections.IDictionary dictionary)
        {
            foreach (System.Collections.DictionaryEntry entry in dictionary)
                if (!StringsAreStorable(entry.Key, depth + 1) || !StringsAreStorable(entry.Value, depth + 1)) return false;
            return true;
        }
        if (value is System.Collections.IEnumerable items)
        {
            foreach (var item in items)
                if (!StringsAreStorable(item, depth + 1)) return false;
            return true;
        }
        // The properties the column stores, read through System.Text.Json's contract for the type (its accessors, not PropertyInfo.GetValue).
        var contract = JsonSerializerOptions.Default.GetTypeInfo(type);
        if (contract.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object)
            foreach (var property in contract.Properties)
                if (property.Get is { } get && !StringsAreStorable(get(value), depth + 1)) return false;
        return true;
    }

    static bool StringsAreStorable(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => Security.UntrustedText.IsStorable(element.GetString()!),
        JsonValueKind.Array => element.EnumerateArray().All(StringsAreStorable),
        JsonValueKind.Object => element.EnumerateObject().All(p => Security.UntrustedText.IsStorable(p.Name) && StringsAreStorable(p.Value)),
        _ => true,
    };

    static bool IsNumber(object value) => value is int or long or decimal or double or float;
}
