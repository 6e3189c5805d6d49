using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace GameOps.Web.Services.Design;

/// <summary>One typed input of an item type's properties, read from its JSON schema.</summary>
public sealed record PropertyInput(string Name, string Label, string Kind, string? Unit, decimal? Minimum, decimal? Maximum, IReadOnlyList<string> Options);

/// <summary>
/// The <c>items.properties</c> shape per item type (weapon damage, armour value, consumable cooldown…). Each is a JSON schema;
/// the typed property editor builds its form from it and the save path and imports check against it. Properties not named
/// in the schema stay allowed (simple values), so a game-server flag the console does not know yet is kept, not dropped.
/// </summary>
public static class ItemPropertySchemas
{
    const string Simple = """{ "type": ["string", "number", "boolean", "null", "array"] }""";

    static string Object(string properties) => $$"""{ "type": "object", "properties": { {{properties}} }, "additionalProperties": {{Simple}} }""";

    public static readonly IReadOnlyDictionary<string, string> Texts = new Dictionary<string, string>
    {
        ["weapon"] = Object("""
            "damage_min": { "title": "Damage (min)", "type": "integer", "minimum": 0, "maximum": 100000, "description": "points" },
            "damage_max": { "title": "Damage (max)", "type": "integer", "minimum": 0, "maximum": 100000, "description": "points" },
            "attack_speed": { "title": "Attack speed", "type": "number", "exclusiveMinimum": 0, "maximum": 10, "description": "attacks/s" },
            "slot": { "title": "Slot", "enum": ["main_hand", "off_hand"] },
            "two_handed": { "title": "Two-handed", "type": "boolean" },
            "durability": { "title": "Durability", "type": "integer", "minimum": 1, "maximum": 10000, "description": "points" }
            """),
        ["armor"] = Object("""
            "armor": { "title": "Armour", "type": "integer", "minimum": 0, "maximum": 100000, "description": "points" },
            "slot": { "title": "Slot", "enum": ["head", "chest", "legs", "feet", "hands", "shoulders", "waist", "wrists", "off_hand", "back"] },
            "durability": { "title": "Durability", "type": "integer", "minimum": 1, "maximum": 10000, "description": "points" },
            "weight": { "title": "Weight", "enum": ["light", "medium", "heavy"] }
            """),
        ["accessory"] = Object("""
            "slot": { "title": "Slot", "enum": ["neck", "ring", "trinket", "back", "ear"] },
            "socket_count": { "title": "Sockets", "type": "integer", "minimum": 0, "maximum": 3 },
            "unique_equipped": { "title": "Unique-equipped", "type": "boolean" }
            """),
        ["consumable"] = Object("""
            "consumed_on_use": { "title": "Consumed on use", "type": "boolean" },
            "cooldown_seconds": { "title": "Cooldown", "type": "integer", "minimum": 0, "maximum": 86400, "description": "s" },
            "category": { "title": "Category", "enum": ["potion", "food", "scroll", "elixir"] }
            """),
        ["material"] = Object("""
            "category": { "title": "Category", "type": "string", "minLength": 1, "maxLength": 50 },
            "tier": { "title": "Tier", "type": "integer", "minimum": 1, "maximum": 5 },
            "tradeable": { "title": "Tradeable", "type": "boolean" }
            """),
        ["quest"] = Object("""
            "bound": { "title": "Soulbound", "type": "boolean" },
            "quest_item": { "title": "Quest item", "type": "boolean" },
            "tradeable": { "title": "Tradeable", "type": "boolean" }
            """),
    };

    static readonly Dictionary<string, JsonSchema> Schemas = Texts.ToDictionary(p => p.Key, p => JsonSchema.FromText(p.Value));
    static readonly Dictionary<string, IReadOnlyList<PropertyInput>> InputsByType = Texts.ToDictionary(p => p.Key, p => ReadInputs(p.Value));

    /// <summary>The typed inputs of an item type, in schema order; empty for types without a typed shape (free-form JSON).</summary>
    public static IReadOnlyList<PropertyInput> Inputs(string? itemType) => itemType is not null && InputsByType.TryGetValue(itemType, out var inputs) ? inputs : [];

    /// <summary>Problems of the properties JSON for the item type: the generic "object of simple values" rule, the type's schema and cross-field rules.</summary>
    public static IReadOnlyList<SchemaProblem> Check(string? itemType, string? json)
    {
        var problems = DesignSchemas.Check(typeof(string), json);
        if (problems.Count > 0 || string.IsNullOrWhiteSpace(json) || itemType is null || !Schemas.TryGetValue(itemType, out var schema)) return problems;
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        if (doc.RootElement.ValueKind != JsonValueKind.Object) return problems;
        var result = DesignSchemas.Evaluate(schema, doc.RootElement);
        if (result.Count > 0) return result;
        if (doc.RootElement.TryGetProperty("damage_min", out var min) && doc.RootElement.TryGetProperty("damage_max", out var max)
            && min.ValueKind == JsonValueKind.Number && max.ValueKind == JsonValueKind.Number && max.GetDecimal() < min.GetDecimal())
            return [new SchemaProblem("/damage_max", $"Must be at least the minimum damage ({min.GetDecimal()}).")];
        return [];
    }

    static IReadOnlyList<PropertyInput> ReadInputs(string schemaText)
    {
        var properties = JsonNode.Parse(schemaText)!["properties"]!.AsObject();
        return properties.Select(p =>
        {
            var node = p.Value!.AsObject();
            var options = node["enum"] is JsonArray values ? values.Select(v => v!.GetValue<string>()).ToList() : [];
            var kind = options.Count > 0 ? "enum" : node["type"]?.GetValue<string>() ?? "string";
            var minimum = node["minimum"]?.GetValue<decimal>() ?? node["exclusiveMinimum"]?.GetValue<decimal>();
            return new PropertyInput(p.Key, node["title"]?.GetValue<string>() ?? p.Key, kind, node["description"]?.GetValue<string>(),
                minimum, node["maximum"]?.GetValue<decimal>(), options);
        }).ToList();
    }
}
