using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GameOps.Web.Services.Design;

/// <summary>One value inside a JSON column that differs: where (<c>#1 / amount</c>), before and after (null = absent).</summary>
public sealed record PathChange(string Path, string? Old, string? New);

/// <summary>
/// Structural diff of two JSON values: objects by property, arrays by position, down to the leaves, so a designer reads
/// "effects #2 / amount: 5 → 7" instead of two escaped JSON strings.
/// </summary>
public static class JsonDiff
{
    static readonly JsonSerializerOptions Plain = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<PathChange> Compare(JsonNode? left, JsonNode? right)
    {
        var changes = new List<PathChange>();
        Walk(AsJson(left), AsJson(right), "", changes);
        return changes;
    }

    /// <summary>True when either side is a JSON object or array (or text holding one), so a structural diff says more than old → new.</summary>
    public static bool IsStructured(JsonNode? node) => AsJson(node) is JsonObject or JsonArray;

    /// <summary>A value as a person reads it: text without quotes or escapes, everything else as compact JSON.</summary>
    public static string? Show(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(Plain),
    };

    static void Walk(JsonNode? left, JsonNode? right, string path, List<PathChange> changes)
    {
        if (JsonNode.DeepEquals(left, right)) return;
        switch (left, right)
        {
            case (JsonObject l, JsonObject r):
                foreach (var key in l.Select(p => p.Key).Union(r.Select(p => p.Key)))
                    Walk(l[key], r[key], Join(path, key.Replace('_', ' ')), changes);
                return;
            case (JsonArray l, JsonArray r):
                for (var i = 0; i < Math.Max(l.Count, r.Count); i++)
                    Walk(i < l.Count ? l[i] : null, i < r.Count ? r[i] : null, Join(path, $"#{i + 1}"), changes);
                return;
            default:
                changes.Add(new PathChange(path.Length == 0 ? "(whole value)" : path, Show(left), Show(right)));
                return;
        }
    }

    static string Join(string path, string segment) => path.Length == 0 ? segment : $"{path} / {segment}";

    /// <summary>Text columns that hold JSON (item properties) are compared as JSON.</summary>
    static JsonNode? AsJson(JsonNode? node)
    {
        if (node is JsonValue v && v.TryGetValue<string>(out var text) && text.TrimStart() is ['{' or '[', ..])
        {
            try { return JsonNode.Parse(text); }
            catch (JsonException) { return node; }
        }
        return node?.DeepClone();
    }
}
