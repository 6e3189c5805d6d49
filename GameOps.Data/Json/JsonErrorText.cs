using System.Text.Json;
using System.Text.RegularExpressions;

namespace GameOps.Data.Json;

/// <summary>
/// Turns System.Text.Json's parser messages (<c>'}' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 33.</c>)
/// into one sentence a designer can act on: the line, the column and what was expected there.
/// </summary>
public static partial class JsonErrorText
{
    /// <summary>Parses <paramref name="json"/>; null when it is valid JSON, otherwise the designer's message.</summary>
    public static string? Check(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            using var _ = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return null;
        }
        catch (JsonException ex)
        {
            return Describe(ex);
        }
    }

    public static string Describe(JsonException ex)
    {
        var where = ex.LineNumber is { } line
            ? $"Line {line + 1}{(ex.BytePositionInLine is { } column ? $", column {column + 1}" : "")}: "
            : "";
        var message = StripPosition(ex.Message);
        if (message.Contains("could not be converted to", StringComparison.Ordinal))
            return where + $"the value at {Readable(ex.Path)} has the wrong type (for example text where a number is expected).";
        return where + Explain(message);
    }

    /// <summary><c>$[0].amount</c> → <c>#1 amount</c>.</summary>
    static string Readable(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "the top" : Regex.Replace(path.TrimStart('$').TrimStart('.'), @"\[(\d+)\]", m => $" #{int.Parse(m.Groups[1].Value) + 1} ").Replace('.', ' ').Replace('_', ' ').Trim();

    static string StripPosition(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).Trim();
    }

    static string Explain(string parser)
    {
        if (InvalidStart().Match(parser) is { Success: true } start)
            return $"expected a value (a number, \"text\", true, false, null, [ or {{) but found {Found(start.Groups[1].Value)}.";
        if (parser.Contains("Expected depth to be zero", StringComparison.Ordinal) || parser.Contains("end of data", StringComparison.OrdinalIgnoreCase)
            || parser.Contains("incomplete", StringComparison.OrdinalIgnoreCase))
            return "the JSON ends too early: a closing } or ] (or a closing quote) is missing.";
        if (AfterPropertyName().Match(parser) is { Success: true } colon)
            return $"expected ':' after the property name but found {Found(colon.Groups[1].Value)}.";
        if (AfterValue().Match(parser) is { Success: true } after)
            return $"expected ',' or a closing }} or ] after the value but found {Found(after.Groups[1].Value)}.";
        if (parser.Contains("Expected a property name", StringComparison.Ordinal) || parser.Contains("start of a property name", StringComparison.Ordinal))
            return "expected a property name in double quotes (\"name\": value).";
        if (parser.Contains("is an invalid JSON literal", StringComparison.Ordinal))
            return "expected true, false or null (text needs double quotes).";
        if (parser.Contains("after a single JSON value", StringComparison.Ordinal))
            return "expected the end of the JSON: there is more text after the closing bracket.";
        return parser.TrimEnd('.') + ".";
    }

    static string Found(string token) => token switch
    {
        "" => "nothing",
        _ => $"'{token}'",
    };

    [GeneratedRegex("^'(.*)' is an invalid start of a value")]
    private static partial Regex InvalidStart();

    [GeneratedRegex("^'(.*)' is invalid after a property name")]
    private static partial Regex AfterPropertyName();

    [GeneratedRegex("^'(.*)' is invalid after a value")]
    private static partial Regex AfterValue();
}
