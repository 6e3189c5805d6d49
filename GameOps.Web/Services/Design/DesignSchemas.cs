using System.Text.Json;
using GameOps.Data.Json;
using Json.Schema;

namespace GameOps.Web.Services.Design;

/// <summary>
/// JSON schemas of the designers' typed JSON columns (snake_case, as stored). The typed editors and the raw JSON
/// view are both checked against them, and so is every save and import.
/// </summary>
public static class DesignSchemas
{
    const string Key = """{ "type": "string", "minLength": 1, "maxLength": 100, "pattern": "^[A-Za-z0-9_.:-]+$" }""";

    static readonly string EffectSchema = $$"""
        {
          "type": "object",
          "required": ["type", "target", "amount"],
          "properties": {
            "type": { "enum": [{{string.Join(", ", Effect.Types.Select(t => $"\"{t}\""))}}] },
            "target": { "type": "string", "minLength": 1, "maxLength": 100 },
            "amount": { "type": "number" },
            "duration_seconds": { "type": ["integer", "null"], "minimum": 0 },
            "interval_seconds": { "type": ["integer", "null"], "minimum": 1 },
            "chance": { "type": ["number", "null"], "minimum": 0, "maximum": 1 }
          },
          "additionalProperties": false
        }
        """;

    static readonly string RequirementsSchema = $$"""
        {
          "type": "object",
          "properties": {
            "min_level": { "type": ["integer", "null"], "minimum": 0, "maximum": 200 },
            "max_level": { "type": ["integer", "null"], "minimum": 0, "maximum": 200 },
            "classes": { "type": "array", "items": { "type": "string", "minLength": 1 }, "uniqueItems": true },
            "stats": { "type": "object", "additionalProperties": { "type": "integer", "minimum": 0 } },
            "skills": { "type": "array", "items": {{Key}}, "uniqueItems": true },
            "quests": { "type": "array", "items": {{Key}}, "uniqueItems": true }
          },
          "additionalProperties": false
        }
        """;

    static readonly string ItemQuantitySchema = $$"""
        {
          "type": "object",
          "required": ["item_id", "quantity"],
          "properties": { "item_id": {{Key}}, "quantity": { "type": "integer", "minimum": 1, "maximum": 1000000 } },
          "additionalProperties": false
        }
        """;

    static readonly string RewardsSchema = $$"""
        {
          "type": "object",
          "properties": {
            "experience": { "type": "integer", "minimum": 0 },
            "gold": { "type": "integer", "minimum": 0 },
            "items": { "type": "array", "items": {{ItemQuantitySchema}} },
            "title": { "type": ["string", "null"], "maxLength": 100 }
          },
          "additionalProperties": false
        }
        """;

    static readonly string ObjectiveSchema = $$"""
        {
          "type": "object",
          "required": ["type", "target", "count"],
          "properties": {
            "type": { "enum": [{{string.Join(", ", QuestObjective.Types.Select(t => $"\"{t}\""))}}] },
            "target": { "type": "string", "minLength": 1, "maxLength": 100 },
            "count": { "type": "integer", "minimum": 1, "maximum": 100000 },
            "description": { "type": ["string", "null"], "maxLength": 500 }
          },
          "additionalProperties": false
        }
        """;

    static readonly string AchievementRequirementSchema = $$"""
        {
          "type": "object",
          "required": ["type", "count"],
          "properties": {
            "type": { "enum": [{{string.Join(", ", AchievementRequirement.Types.Select(t => $"\"{t}\""))}}] },
            "target": { "type": ["string", "null"], "maxLength": 100 },
            "count": { "type": "integer", "minimum": 1 }
          },
          "additionalProperties": false
        }
        """;

    /// <summary>Schema text per CLR shape of a typed JSON column.</summary>
    public static readonly IReadOnlyDictionary<Type, string> Texts = new Dictionary<Type, string>
    {
        [typeof(List<Effect>)] = $$"""{ "type": "array", "maxItems": 50, "items": {{EffectSchema}} }""",
        [typeof(Requirements)] = RequirementsSchema,
        [typeof(RewardBundle)] = RewardsSchema,
        [typeof(List<QuestObjective>)] = $$"""{ "type": "array", "maxItems": 50, "items": {{ObjectiveSchema}} }""",
        [typeof(List<ItemQuantity>)] = $$"""{ "type": "array", "maxItems": 50, "items": {{ItemQuantitySchema}} }""",
        [typeof(List<AchievementRequirement>)] = $$"""{ "type": "array", "maxItems": 50, "items": {{AchievementRequirementSchema}} }""",
        [typeof(List<string>)] = $$"""{ "type": "array", "maxItems": 50, "items": {{Key}}, "uniqueItems": true }""",
        // Item properties: free-form, but an object of simple values.
        [typeof(string)] = """{ "type": ["object", "null"], "additionalProperties": { "type": ["string", "number", "boolean", "null", "array"] } }""",
    };

    static readonly Dictionary<Type, JsonSchema> Schemas = Texts.ToDictionary(p => p.Key, p => JsonSchema.FromText(p.Value));

    public static bool Covers(Type shape) => Schemas.ContainsKey(shape);

    /// <summary>Problems of JSON text against the shape's schema; empty when valid.</summary>
    public static IReadOnlyList<SchemaProblem> Check(Type shape, string? json)
    {
        if (!Schemas.TryGetValue(shape, out var schema)) return [];
        JsonDocument doc;
        try { doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "null" : json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }); }
        catch (JsonException ex) { return [new SchemaProblem("", $"Not valid JSON. {JsonErrorText.Describe(ex)}")]; }
        using (doc)
        {
            if (shape != typeof(string) && doc.RootElement.ValueKind == JsonValueKind.Null) return [new SchemaProblem("", "A value is required (use [] or {} for empty).")];
            var problems = Evaluate(schema, doc.RootElement);
            return problems;
        }
    }

    /// <summary>Every schema error of a parsed value, in the designer's words; empty when valid.</summary>
    public static IReadOnlyList<SchemaProblem> Evaluate(JsonSchema schema, JsonElement value)
    {
        {
            var result = schema.Evaluate(value, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (result.IsValid) return [];
            var problems = new List<SchemaProblem>();
            foreach (var detail in (result.Details ?? []).Append(result))
            {
                if (detail.Errors is null) continue;
                foreach (var error in detail.Errors)
                    foreach (var problem in Explain(detail.InstanceLocation.ToString().TrimEnd('/'), error.Key, error.Value))
                        if (!problems.Contains(problem)) problems.Add(problem);
            }
            return problems.Count > 0 ? problems : [new SchemaProblem("", "Does not match the expected shape.")];
        }
    }

    /// <summary>Checks a typed value as it would be stored.</summary>
    public static IReadOnlyList<SchemaProblem> CheckValue(Type shape, object? value) =>
        Check(shape, value is string s ? s : JsonSerializer.Serialize(value, shape, GameJsonSerializer.Options));

    public static string Describe(IEnumerable<SchemaProblem> problems) => string.Join("; ", problems);

    /// <summary>One schema error in the designer's words, at the path of the input it is about (a missing property: its own path).</summary>
    static IEnumerable<SchemaProblem> Explain(string path, string keyword, string message)
    {
        switch (keyword)
        {
            case "required":
                var names = System.Text.RegularExpressions.Regex.Matches(message, "\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
                if (names.Count == 0) { yield return new SchemaProblem(path, "A required value is missing."); yield break; }
                foreach (var name in names) yield return new SchemaProblem($"{path}/{name}", "Required.");
                yield break;
            case "false":
                yield return new SchemaProblem(path, "Not an allowed property here.");
                yield break;
            case "additionalProperties":
                yield return new SchemaProblem(path, "Has a property that is not allowed here.");
                yield break;
            case "minLength" when message.Contains(" 1", StringComparison.Ordinal):
                yield return new SchemaProblem(path, "Required (must not be empty).");
                yield break;
            case "uniqueItems":
                yield return new SchemaProblem(path, "Lists the same value twice.");
                yield break;
        }
        yield return new SchemaProblem(path, message.Contains("false schema", StringComparison.Ordinal) ? "Not an allowed property here." : Sentence(message));
    }

    static string Sentence(string message) => message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..].TrimEnd('.') + ".";

    /// <summary>A JSON pointer as a designer reads it: <c>/0/target</c> → <c>#1 target</c>.</summary>
    public static string Where(string pointer) =>
        string.Join(" ", pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => int.TryParse(s, out var i) ? $"#{i + 1}" : s.Replace('_', ' ')));
}

/// <summary>One schema violation: where (a JSON pointer like <c>/0/chance</c>, empty for the whole value) and why.</summary>
public sealed record SchemaProblem(string Path, string Message)
{
    public override string ToString() => string.IsNullOrEmpty(Path) ? Message : $"{DesignSchemas.Where(Path)}: {Message}";
}
