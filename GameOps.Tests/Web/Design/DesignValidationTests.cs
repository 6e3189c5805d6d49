using System.Text.Json.Nodes;
using GameOps.Data.Json;
using GameOps.Web.Services.Design;

namespace GameOps.Tests.Web.Design;

/// <summary>Validation that explains: parser and schema messages in the designer's words, at the field they are about.</summary>
public sealed class DesignValidationTests
{
    [Fact]
    public void Broken_json_names_the_line_and_what_was_expected_without_the_parser_text()
    {
        var message = JsonErrorText.Check("{\n  \"damage_min\": 5,\n  \"damage_max\": }");

        Assert.NotNull(message);
        Assert.StartsWith("Line 3, column", message);
        Assert.Contains("expected a value", message);
        Assert.DoesNotContain("LineNumber", message);
        Assert.DoesNotContain("BytePositionInLine", message);
    }

    [Fact]
    public void Missing_comma_and_unclosed_brackets_are_explained()
    {
        Assert.Contains("expected ',' or a closing", JsonErrorText.Check("{ \"a\": 1 \"b\": 2 }"));
        Assert.Contains("ends too early", JsonErrorText.Check("[{ \"a\": 1 }"));
        Assert.Null(JsonErrorText.Check("{ \"a\": [1, 2] }"));
    }

    [Fact]
    public void An_effect_without_a_target_is_refused_at_its_target()
    {
        var problems = DesignSchemas.Check(typeof(List<Effect>), """[{ "type": "heal", "amount": 10 }]""");

        var problem = Assert.Single(problems);
        Assert.Equal("/0/target", problem.Path);
        Assert.Equal("#1 target: Required.", problem.ToString());

        Assert.NotEmpty(DesignSchemas.Check(typeof(List<Effect>), """[{ "type": "heal", "target": "", "amount": 10 }]"""));
        Assert.Empty(DesignSchemas.Check(typeof(List<Effect>), """[{ "type": "heal", "target": "health", "amount": 10 }]"""));
    }

    [Fact]
    public void Weapon_properties_are_checked_against_the_weapon_schema_and_never_clamped()
    {
        var negative = ItemPropertySchemas.Check("weapon", """{ "damage_min": -50, "damage_max": 10 }""");
        Assert.Equal("/damage_min", Assert.Single(negative).Path);

        var inverted = ItemPropertySchemas.Check("weapon", """{ "damage_min": 30, "damage_max": 10 }""");
        Assert.Equal("/damage_max", Assert.Single(inverted).Path);

        Assert.NotEmpty(ItemPropertySchemas.Check("weapon", """{ "attack_speed": "fast" }"""));
        Assert.Empty(ItemPropertySchemas.Check("weapon", """{ "damage_min": 5, "damage_max": 9, "slot": "main_hand", "glow": "blue" }"""));
        Assert.Contains(ItemPropertySchemas.Inputs("weapon"), i => i.Name == "damage_min" && i.Kind == "integer" && i.Minimum == 0);
        Assert.Contains(ItemPropertySchemas.Inputs("armor"), i => i.Name == "armor");
        Assert.Empty(ItemPropertySchemas.Inputs("cosmetic"));
    }

    [Fact]
    public void Broken_properties_json_gives_one_message_with_the_line()
    {
        var problem = Assert.Single(ItemPropertySchemas.Check("weapon", "{ \"damage_min\": }"));
        Assert.StartsWith("Not valid JSON. Line 1, column", problem.Message);
    }

    [Fact]
    public void Json_diff_lists_the_changed_paths_old_to_new_without_escapes()
    {
        var left = JsonNode.Parse("""[{ "type": "heal", "target": "health", "amount": 10 }]""");
        var right = JsonNode.Parse("""[{ "type": "heal", "target": "health", "amount": 12 }, { "type": "buff", "target": "armor", "amount": 1 }]""");

        var changes = JsonDiff.Compare(left, right);

        Assert.Contains(new PathChange("#1 / amount", "10", "12"), changes);
        Assert.Contains(changes, c => c.Path == "#2" && c.Old is null && c.New!.Contains("\"buff\""));

        // Item properties are JSON held in text: compared as JSON, shown without \u0022.
        var text = JsonDiff.Compare(JsonValue.Create("""{"damage_min":5,"slot":"main_hand"}"""), JsonValue.Create("""{"damage_min":7,"slot":"main_hand"}"""));
        Assert.Equal([new PathChange("damage min", "5", "7")], text);
        Assert.DoesNotContain("\\u0022", JsonDiff.Show(JsonNode.Parse("""{"a":"x"}""")));
    }
}
