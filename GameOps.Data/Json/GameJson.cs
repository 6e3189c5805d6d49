using System.Text.Json.Serialization;

namespace GameOps.Data.Json;

/// <summary>A typed effect of an item or skill (stat bonus, heal, damage over time, buff…).</summary>
public sealed class Effect
{
    public static readonly string[] Types = ["stat_bonus", "heal", "damage", "damage_over_time", "heal_over_time", "buff", "debuff", "resource_restore", "teleport"];

    public string Type { get; set; } = "stat_bonus";
    /// <summary>Stat, resource or damage element the effect touches (strength, health, fire…).</summary>
    public string? Target { get; set; }
    public decimal Amount { get; set; }
    public int? DurationSeconds { get; set; }
    public int? IntervalSeconds { get; set; }
    /// <summary>Chance to apply, 0–1.</summary>
    public decimal? Chance { get; set; }
}

/// <summary>What a character needs to use an item or skill, or to join an event.</summary>
public sealed class Requirements
{
    public int? MinLevel { get; set; }
    public int? MaxLevel { get; set; }
    public List<string> Classes { get; set; } = [];
    public Dictionary<string, int> Stats { get; set; } = [];
    /// <summary><c>skill_definitions.skill_id</c> values.</summary>
    public List<string> Skills { get; set; } = [];
    /// <summary><c>quests.quest_id</c> values that must be completed.</summary>
    public List<string> Quests { get; set; } = [];
}

/// <summary>An item from the catalogue by its business key (<c>items.item_id</c>) and a quantity.</summary>
public sealed class ItemQuantity
{
    public string ItemId { get; set; } = "";
    public int Quantity { get; set; } = 1;
}

/// <summary>Experience, gold, items and an optional title: rewards of quests, achievements and events.</summary>
public sealed class RewardBundle
{
    public long Experience { get; set; }
    public long Gold { get; set; }
    public List<ItemQuantity> Items { get; set; } = [];
    public string? Title { get; set; }
}

public sealed class QuestObjective
{
    public static readonly string[] Types = ["kill", "collect", "talk", "reach", "craft", "escort"];

    public string Type { get; set; } = "kill";
    /// <summary>Monster, item, NPC, location or recipe the objective is about.</summary>
    public string Target { get; set; } = "";
    public int Count { get; set; } = 1;
    public string? Description { get; set; }
}

public sealed class AchievementRequirement
{
    public static readonly string[] Types = ["reach_level", "complete_quests", "kill", "collect", "craft", "win_matches", "join_guild", "login_days"];

    public string Type { get; set; } = "reach_level";
    public string? Target { get; set; }
    public int Count { get; set; } = 1;
}

public sealed class MapPoint
{
    public string? Name { get; set; }
    public double X { get; set; }
    public double Y { get; set; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Z { get; set; }
}

/// <summary>The rectangle a zone covers in world units.</summary>
public sealed class MapBounds
{
    public double MinX { get; set; }
    public double MinY { get; set; }
    public double MaxX { get; set; } = 1000;
    public double MaxY { get; set; } = 1000;
}

/// <summary>An area of a zone: a rectangle (x, y, width, height), a circle (x, y, radius) or a polygon.</summary>
public sealed class MapArea
{
    public static readonly string[] Shapes = ["rect", "circle", "polygon"];

    public string? Name { get; set; }
    public string Shape { get; set; } = "rect";
    public double X { get; set; }
    public double Y { get; set; }
    public double? Width { get; set; }
    public double? Height { get; set; }
    public double? Radius { get; set; }
    public List<MapPoint>? Points { get; set; }
}

public sealed class LevelRange
{
    public int Min { get; set; } = 1;
    public int Max { get; set; } = 1;
}

public sealed class ActorPosition
{
    public string? ZoneId { get; set; }
    public double X { get; set; }
    public double Y { get; set; }
    public double Z { get; set; }
}
