using GameOps.Data.Json;
using GameOps.Web.Services.Design;

namespace GameOps.Tests.Web.Design;

public sealed class DesignSchemasTests
{
    [Fact]
    public void Valid_shapes_pass()
    {
        Assert.Empty(DesignSchemas.CheckValue(typeof(List<Effect>), new List<Effect> { new() { Type = "heal", Target = "health", Amount = 20, Chance = 0.5m }, new() { Type = "damage_over_time", Target = "fire", Amount = 3, DurationSeconds = 6, IntervalSeconds = 2 } }));
        Assert.Empty(DesignSchemas.CheckValue(typeof(RewardBundle), new RewardBundle { Experience = 100, Gold = 5, Items = [new ItemQuantity { ItemId = "sword_iron", Quantity = 1 }] }));
        Assert.Empty(DesignSchemas.CheckValue(typeof(Requirements), new Requirements { MinLevel = 5, Classes = ["mage"], Stats = new() { ["intellect"] = 10 }, Skills = ["fireball"] }));
        Assert.Empty(DesignSchemas.CheckValue(typeof(List<QuestObjective>), new List<QuestObjective> { new() { Type = "collect", Target = "herb", Count = 5 } }));
        Assert.Empty(DesignSchemas.CheckValue(typeof(List<string>), new List<string> { "intro_1", "intro_2" }));
        Assert.Empty(DesignSchemas.Check(typeof(string), """{"color": "red", "weight": 2.5}"""));
    }

    [Theory]
    [InlineData("""[{"type": "heal", "target": "health", "amount": 5, "chance": 1.5}]""", "/0/chance")]
    [InlineData("""[{"type": "explode", "amount": 5}]""", "/0/type")]
    [InlineData("""[{"type": "heal"}]""", "/0/amount")] // a missing property is reported at its own path, next to its input
    [InlineData("""[{"type": "heal", "amount": 5}]""", "/0/target")]
    [InlineData("""[{"type": "heal", "amount": 5, "colour": "red"}]""", "/0/colour")]
    public void Invalid_effects_are_reported_at_their_path(string json, string path)
    {
        var problems = DesignSchemas.Check(typeof(List<Effect>), json);
        Assert.Contains(problems, p => p.Path == path);
    }

    [Fact]
    public void Invalid_rewards_objectives_and_text_are_reported()
    {
        Assert.Contains(DesignSchemas.Check(typeof(RewardBundle), """{"gold": -1}"""), p => p.Path == "/gold");
        Assert.Contains(DesignSchemas.Check(typeof(RewardBundle), """{"items": [{"item_id": "", "quantity": 0}]}"""), p => p.Path == "/items/0/quantity");
        Assert.Contains(DesignSchemas.Check(typeof(List<QuestObjective>), """[{"type": "kill", "target": "wolf", "count": 0}]"""), p => p.Path == "/0/count");
        Assert.Contains(DesignSchemas.Check(typeof(List<string>), """["a", "a"]"""), _ => true);
        Assert.Single(DesignSchemas.Check(typeof(List<Effect>), "[{"));
        Assert.Single(DesignSchemas.Check(typeof(List<Effect>), "null"));
    }

    [Fact]
    public void Cycle_finder_returns_the_path()
    {
        var edges = new Dictionary<string, string[]> { ["a"] = ["b"], ["b"] = ["c"], ["c"] = ["a"], ["d"] = ["a"] };
        Assert.Equal(["a", "b", "c", "a"], DesignIntegrity.FindCycle("a", k => edges.GetValueOrDefault(k) ?? []));
        Assert.Null(DesignIntegrity.FindCycle("d", k => edges.GetValueOrDefault(k) ?? []));
    }
}
