using GameOps.Data.Entities;
using GameOps.Data.Json;

namespace GameOps.Data.Seeding;

internal sealed partial class SeedRun
{
    public static readonly string[] Classes = ["warrior", "mage", "rogue", "cleric", "ranger", "paladin", "warlock"];
    public static readonly string[] Rarities = ["common", "uncommon", "rare", "epic", "legendary"];
    static readonly (int Min, int Max)[] RarityLevels = [(1, 10), (8, 25), (20, 40), (35, 55), (50, 60)];
    static readonly int[] RarityValue = [10, 60, 400, 2500, 15000];

    internal sealed record ItemDef(Guid Id, string ItemId, string Name, string Type, string Rarity, int Level,
        string? Slot, string[] Classes, int StackSize, string? Profession);

    internal sealed record SkillDef(string SkillId, string Type, string[] Classes, int Level);

    internal sealed record QuestDef(Guid Id, string QuestId, string Chain, int Index, int Level, string ZoneId, bool Repeatable, int ObjectiveCount);

    internal sealed record AchievementDef(Guid Id, string AchievementId, string Type, int Count, string? Target);

    readonly List<ItemDef> items = [];
    readonly List<SkillDef> skills = [];
    readonly List<QuestDef> quests = [];
    readonly List<AchievementDef> achievements = [];
    readonly Dictionary<string, ItemDef> itemsById = new(StringComparer.Ordinal);

    async Task SeedCatalogAsync()
    {
        await SeedResourceDefinitionsAsync();
        await SeedSkillDefinitionsAsync();
        await SeedItemsAsync();
        await FlushAsync();
        await SeedQuestsAsync();
        await SeedRecipesAsync();
        await SeedAchievementsAsync();
        await FlushAsync();
    }

    // ---------------------------------------------------------------- resources

    internal static readonly (string Id, string Name, string Category, string Type, double Base, double Min, double Max, double Regen, string RegenType, string Description)[] ResourceDefs =
    [
        ("health", "Health", "vital", "pool", 100, 0, 20000, 1.5, "out_of_combat", "Hit points; the character dies at zero."),
        ("mana", "Mana", "vital", "pool", 100, 0, 10000, 2.0, "passive", "Spent by spells; regenerates over time."),
        ("stamina", "Stamina", "vital", "pool", 100, 0, 500, 5.0, "passive", "Spent by sprinting, dodging and climbing."),
        ("rage", "Rage", "class", "generated", 0, 0, 100, 2.0, "decay", "Built by dealing and taking damage; decays out of combat."),
        ("energy", "Energy", "class", "pool", 100, 0, 120, 10.0, "passive", "Fast-regenerating pool for rogue techniques."),
        ("focus", "Focus", "class", "pool", 100, 0, 150, 4.0, "passive", "Concentration for aimed shots and traps."),
        ("holy_power", "Holy Power", "class", "charges", 0, 0, 5, 0, "combat_generated", "Charges built by holy strikes, spent on finishers."),
        ("soul_shards", "Soul Shards", "class", "charges", 0, 0, 5, 0.1, "out_of_combat", "Fragments of souls used for summoning."),
    ];

    static readonly Dictionary<string, string[]> ClassResources = new()
    {
        ["warrior"] = ["health", "stamina", "rage"],
        ["mage"] = ["health", "mana", "stamina"],
        ["rogue"] = ["health", "stamina", "energy"],
        ["cleric"] = ["health", "mana", "stamina"],
        ["ranger"] = ["health", "stamina", "focus"],
        ["paladin"] = ["health", "mana", "holy_power"],
        ["warlock"] = ["health", "mana", "soul_shards"],
    };

    async Task SeedResourceDefinitionsAsync()
    {
        var r = Rng("resource_definitions");
        var created = Sec(Now.AddDays(-150));
        foreach (var d in ResourceDefs)
        {
            await AddAsync(new ResourceDefinition
            {
                Id = r.NextGuid(),
                ResourceId = d.Id,
                Name = d.Name,
                Description = d.Description,
                Category = d.Category,
                ResourceType = d.Type,
                BaseValue = D4(d.Base),
                MinValue = D4(d.Min),
                MaxValue = D4(d.Max),
                RegenRate = D4(d.Regen),
                RegenType = d.RegenType,
                Properties = Json(new { color = d.Category == "vital" ? "#c0392b" : "#8e44ad", shown_in_hud = true, classes = ClassResources.Where(c => c.Value.Contains(d.Id)).Select(c => c.Key).ToList() }),
                IsActive = true,
                CreatedAt = created,
                UpdatedAt = Sec(created.AddDays(r.Between(0, 100))),
            });
        }
    }

    // ---------------------------------------------------------------- skills

    static readonly (string Id, string Name, string Type, string? Element, string[] Classes, int Level, int Mana, int Cooldown, double Damage, double Range, string? Prereq, string Description)[] SkillDefs =
    [
        ("skill_cleave", "Cleave", "active", "physical", ["warrior"], 1, 0, 6, 35, 3, null, "A wide swing that hits every enemy in front."),
        ("skill_shield_bash", "Shield Bash", "active", "physical", ["warrior", "paladin"], 5, 0, 12, 20, 2, null, "Stuns the target for two seconds."),
        ("skill_battle_shout", "Battle Shout", "buff", null, ["warrior"], 10, 0, 120, 0, 20, null, "Raises the strength of nearby allies."),
        ("skill_whirlwind", "Whirlwind", "active", "physical", ["warrior"], 20, 0, 10, 60, 5, "skill_cleave", "Spins with both weapons, hitting all enemies around."),
        ("skill_last_stand", "Last Stand", "ultimate", null, ["warrior"], 35, 0, 300, 0, 0, null, "Survive a killing blow with one hit point."),
        ("skill_fireball", "Fireball", "active", "fire", ["mage"], 1, 20, 3, 55, 30, null, "Hurls a ball of fire that burns on impact."),
        ("skill_frost_nova", "Frost Nova", "active", "frost", ["mage"], 8, 35, 20, 25, 8, null, "Freezes nearby enemies in place."),
        ("skill_arcane_missiles", "Arcane Missiles", "active", "arcane", ["mage"], 12, 40, 6, 70, 30, null, "Channels a volley of arcane bolts."),
        ("skill_blink", "Blink", "active", "arcane", ["mage"], 15, 25, 15, 0, 20, null, "Teleports a short distance forward."),
        ("skill_meteor", "Meteor", "ultimate", "fire", ["mage"], 40, 120, 90, 320, 35, "skill_fireball", "Calls a meteor down on the target area."),
        ("skill_backstab", "Backstab", "active", "physical", ["rogue"], 1, 0, 5, 60, 2, null, "Strikes from behind for heavy damage."),
        ("skill_poison_blade", "Poison Blade", "active", "nature", ["rogue"], 6, 0, 10, 15, 2, null, "Coats the blade in a poison that deals damage over time."),
        ("skill_vanish", "Vanish", "buff", "shadow", ["rogue"], 18, 0, 120, 0, 0, null, "Disappears from sight for ten seconds."),
        ("skill_shadowstep", "Shadowstep", "active", "shadow", ["rogue"], 25, 0, 25, 0, 25, "skill_vanish", "Steps through the shadows behind the target."),
        ("skill_death_mark", "Death Mark", "ultimate", "shadow", ["rogue"], 42, 0, 120, 250, 5, "skill_backstab", "Marks a target to take increased damage."),
        ("skill_heal", "Heal", "heal", "holy", ["cleric", "paladin"], 1, 25, 2, 0, 30, null, "Restores health to one ally."),
        ("skill_smite", "Smite", "active", "holy", ["cleric"], 4, 20, 4, 40, 30, null, "Strikes the target with holy light."),
        ("skill_renew", "Renew", "heal", "holy", ["cleric"], 6, 30, 6, 0, 30, "skill_heal", "Heals the target over fifteen seconds."),
        ("skill_mass_resurrection", "Mass Resurrection", "ultimate", "holy", ["cleric"], 45, 200, 600, 0, 40, "skill_renew", "Brings every fallen ally back to life."),
        ("skill_aimed_shot", "Aimed Shot", "active", "physical", ["ranger"], 1, 0, 6, 65, 40, null, "A slow, precise shot."),
        ("skill_multi_shot", "Multi-Shot", "active", "physical", ["ranger"], 10, 0, 9, 40, 35, null, "Fires at up to five targets."),
        ("skill_frost_trap", "Frost Trap", "active", "frost", ["ranger"], 14, 0, 25, 10, 10, null, "Places a trap that slows enemies."),
        ("skill_rain_of_arrows", "Rain of Arrows", "ultimate", "physical", ["ranger"], 38, 0, 90, 200, 40, "skill_multi_shot", "Covers an area in arrows."),
        ("skill_holy_strike", "Holy Strike", "active", "holy", ["paladin"], 1, 10, 5, 45, 3, null, "A melee strike empowered by light."),
        ("skill_divine_shield", "Divine Shield", "buff", "holy", ["paladin"], 12, 50, 300, 0, 0, null, "Immune to all damage for eight seconds."),
        ("skill_consecration", "Consecration", "active", "holy", ["paladin"], 22, 60, 12, 80, 8, "skill_holy_strike", "Consecrates the ground, burning enemies standing on it."),
        ("skill_shadow_bolt", "Shadow Bolt", "active", "shadow", ["warlock"], 1, 20, 3, 55, 30, null, "A bolt of pure shadow."),
        ("skill_corruption", "Corruption", "active", "shadow", ["warlock"], 5, 25, 0, 12, 30, null, "Corrupts the target, dealing damage over time."),
        ("skill_drain_life", "Drain Life", "active", "shadow", ["warlock"], 15, 45, 10, 35, 25, "skill_corruption", "Steals health from the target."),
        ("skill_summon_demon", "Summon Demon", "ultimate", "shadow", ["warlock"], 30, 150, 600, 0, 5, null, "Summons a demon servant."),
        ("skill_sprint", "Sprint", "buff", null, [], 1, 0, 60, 0, 0, null, "Runs faster for a few seconds."),
        ("skill_first_aid", "First Aid", "heal", null, [], 5, 0, 60, 0, 2, null, "Bandages wounds, healing a little over time."),
        ("skill_blacksmithing", "Blacksmithing", "profession", null, [], 5, 0, 0, 0, 0, null, "Forges weapons and plate armor from ore."),
        ("skill_alchemy", "Alchemy", "profession", null, [], 5, 0, 0, 0, 0, null, "Brews potions and elixirs from herbs."),
        ("skill_tailoring", "Tailoring", "profession", null, [], 5, 0, 0, 0, 0, null, "Sews cloaks and cloth gear."),
        ("skill_leatherworking", "Leatherworking", "profession", null, [], 5, 0, 0, 0, 0, null, "Turns hides into boots, gloves and armor."),
        ("skill_jewelcrafting", "Jewelcrafting", "profession", null, [], 5, 0, 0, 0, 0, null, "Cuts gems into rings and amulets."),
        ("skill_cooking", "Cooking", "profession", null, [], 1, 0, 0, 0, 0, null, "Cooks food that restores health over time."),
    ];

    async Task SeedSkillDefinitionsAsync()
    {
        var r = Rng("skill_definitions");
        var created = Sec(Now.AddDays(-150));
        foreach (var d in SkillDefs)
        {
            var effects = new List<Effect>();
            switch (d.Type)
            {
                case "heal":
                    effects.Add(d.Id is "skill_renew" or "skill_first_aid"
                        ? new Effect { Type = "heal_over_time", Target = "health", Amount = d.Level * 4 + 20, DurationSeconds = 15, IntervalSeconds = 3 }
                        : new Effect { Type = "heal", Target = "health", Amount = d.Level * 10 + 60 });
                    break;
                case "buff":
                    effects.Add(new Effect { Type = "buff", Target = d.Id == "skill_sprint" ? "movement_speed" : d.Id == "skill_battle_shout" ? "strength" : "damage_reduction", Amount = d.Id == "skill_divine_shield" ? 1 : 0.2m, DurationSeconds = d.Id == "skill_vanish" ? 10 : 8 });
                    break;
                case "profession":
                    break;
                default:
                    if (d.Damage > 0) effects.Add(new Effect { Type = "damage", Target = d.Element ?? "physical", Amount = D2(d.Damage) });
                    if (d.Id is "skill_poison_blade" or "skill_corruption" or "skill_consecration")
                        effects.Add(new Effect { Type = "damage_over_time", Target = d.Element, Amount = D2(d.Damage / 3), DurationSeconds = 12, IntervalSeconds = 2 });
                    if (d.Id is "skill_frost_nova" or "skill_frost_trap" or "skill_shield_bash")
                        effects.Add(new Effect { Type = "debuff", Target = d.Id == "skill_shield_bash" ? "stun" : "movement_speed", Amount = d.Id == "skill_shield_bash" ? 1 : -0.5m, DurationSeconds = d.Id == "skill_shield_bash" ? 2 : 4, Chance = d.Id == "skill_shield_bash" ? 0.75m : null });
                    if (d.Id is "skill_blink" or "skill_shadowstep")
                        effects.Add(new Effect { Type = "teleport", Target = "forward", Amount = D2(d.Range) });
                    if (d.Id == "skill_drain_life")
                        effects.Add(new Effect { Type = "heal", Target = "health", Amount = 20 });
                    break;
            }
            var req = new Requirements { MinLevel = d.Level, Classes = [.. d.Classes] };
            if (d.Prereq is not null) req.Skills.Add(d.Prereq);
            if (d.Type == "ultimate") req.Stats[d.Classes.Contains("mage") || d.Classes.Contains("warlock") || d.Classes.Contains("cleric") ? "intellect" : "strength"] = d.Level;
            await AddAsync(new SkillDefinition
            {
                Id = r.NextGuid(),
                SkillId = d.Id,
                Name = d.Name,
                Description = d.Description,
                SkillType = d.Type == "profession" ? "crafting" : d.Type, // the editor's word for a profession
                Element = d.Element,
                LevelRequirement = d.Level,
                ManaCost = d.Mana,
                Cooldown = d.Cooldown,
                Damage = D4(d.Damage),
                Range = D4(d.Range),
                Effects = effects,
                Requirements = req,
                IsActive = true,
                CreatedAt = created,
                UpdatedAt = Sec(created.AddDays(r.Between(0, 120))),
            });
            skills.Add(new SkillDef(d.Id, d.Type, d.Classes, d.Level));
        }
    }

    // ---------------------------------------------------------------- items

    static readonly (string Key, string Name, string[] Classes, string Stat, string Profession)[] WeaponBases =
    [
        ("sword", "Sword", ["warrior", "paladin"], "strength", "skill_blacksmithing"),
        ("axe", "Axe", ["warrior"], "strength", "skill_blacksmithing"),
        ("staff", "Staff", ["mage", "warlock", "cleric"], "intellect", "skill_blacksmithing"),
        ("bow", "Longbow", ["ranger"], "agility", "skill_leatherworking"),
        ("dagger", "Dagger", ["rogue"], "agility", "skill_blacksmithing"),
        ("mace", "Mace", ["cleric", "paladin"], "strength", "skill_blacksmithing"),
    ];
    static readonly string[] WeaponPrefixes = ["Iron", "Steel", "Mithril", "Obsidian"];
    static readonly Dictionary<string, string> LegendaryWeapons = new()
    {
        ["sword"] = "Dawnbreaker", ["axe"] = "Worldsplitter", ["staff"] = "Staff of the Archmage",
        ["bow"] = "Windwhisper", ["dagger"] = "Nightfang", ["mace"] = "Lightbringer",
    };
    static readonly (string Key, string Name, string Slot, string Profession)[] ArmorBases =
    [
        ("helm", "Helm", "head", "skill_blacksmithing"),
        ("chest", "Chestplate", "chest", "skill_blacksmithing"),
        ("legs", "Greaves", "legs", "skill_blacksmithing"),
        ("boots", "Boots", "feet", "skill_leatherworking"),
        ("gloves", "Gauntlets", "hands", "skill_leatherworking"),
        ("shield", "Shield", "off_hand", "skill_blacksmithing"),
    ];
    static readonly string[] ArmorPrefixes = ["Padded", "Chainmail", "Runed", "Dragonscale", "Celestial"];
    static readonly (string Key, string Name, string Slot, string Profession)[] AccessoryBases =
    [
        ("ring", "Ring", "ring", "skill_jewelcrafting"),
        ("amulet", "Amulet", "neck", "skill_jewelcrafting"),
        ("cloak", "Cloak", "back", "skill_tailoring"),
        ("trinket", "Charm", "trinket", "skill_jewelcrafting"),
    ];
    static readonly string[] AccessoryPrefixes = ["Copper", "Silver", "Gilded", "Ancient"];
    static readonly string[] AccessorySuffixes = ["of Vigor", "of Insight", "of the Fox", "of the Titan"];

    static readonly (string Key, string Name, string Rarity, int Level, string Kind, string? Target, double Amount, string Profession)[] ConsumableDefs =
    [
        ("minor_healing_potion", "Minor Healing Potion", "common", 1, "heal", "health", 80, "skill_alchemy"),
        ("healing_potion", "Healing Potion", "uncommon", 12, "heal", "health", 250, "skill_alchemy"),
        ("greater_healing_potion", "Greater Healing Potion", "rare", 28, "heal", "health", 700, "skill_alchemy"),
        ("supreme_healing_potion", "Supreme Healing Potion", "epic", 45, "heal", "health", 1800, "skill_alchemy"),
        ("minor_mana_potion", "Minor Mana Potion", "common", 1, "resource_restore", "mana", 60, "skill_alchemy"),
        ("mana_potion", "Mana Potion", "uncommon", 12, "resource_restore", "mana", 200, "skill_alchemy"),
        ("greater_mana_potion", "Greater Mana Potion", "rare", 28, "resource_restore", "mana", 550, "skill_alchemy"),
        ("supreme_mana_potion", "Supreme Mana Potion", "epic", 45, "resource_restore", "mana", 1400, "skill_alchemy"),
        ("stamina_tonic", "Stamina Tonic", "common", 5, "resource_restore", "stamina", 100, "skill_alchemy"),
        ("elixir_of_strength", "Elixir of Strength", "rare", 20, "buff", "strength", 15, "skill_alchemy"),
        ("elixir_of_wisdom", "Elixir of Wisdom", "rare", 20, "buff", "intellect", 15, "skill_alchemy"),
        ("elixir_of_the_mongoose", "Elixir of the Mongoose", "epic", 40, "buff", "agility", 30, "skill_alchemy"),
        ("antidote", "Antidote", "common", 3, "buff", "poison_resistance", 1, "skill_alchemy"),
        ("fresh_bread", "Fresh Bread", "common", 1, "heal_over_time", "health", 10, "skill_cooking"),
        ("roasted_boar", "Roasted Boar", "uncommon", 10, "heal_over_time", "health", 30, "skill_cooking"),
        ("heros_feast", "Hero's Feast", "rare", 30, "heal_over_time", "health", 90, "skill_cooking"),
        ("scroll_of_recall", "Scroll of Recall", "uncommon", 5, "teleport", "zone_highspire", 0, "skill_tailoring"),
        ("scroll_of_fire", "Scroll of Fire", "rare", 25, "damage", "fire", 400, "skill_tailoring"),
        ("phoenix_feather", "Phoenix Feather", "legendary", 50, "heal", "health", 100000, "skill_alchemy"),
        ("bandage", "Linen Bandage", "common", 1, "heal_over_time", "health", 12, "skill_tailoring"),
    ];

    static readonly (string Key, string Name, string Rarity, int Level, string Category)[] MaterialDefs =
    [
        ("iron_ore", "Iron Ore", "common", 1, "ore"), ("silver_ore", "Silver Ore", "uncommon", 10, "ore"),
        ("mithril_ore", "Mithril Ore", "rare", 25, "ore"), ("obsidian_shard", "Obsidian Shard", "epic", 40, "ore"),
        ("dragon_scale", "Dragon Scale", "legendary", 50, "hide"), ("linen_cloth", "Linen Cloth", "common", 1, "cloth"),
        ("silk_cloth", "Silk Cloth", "uncommon", 12, "cloth"), ("runecloth", "Runecloth", "rare", 30, "cloth"),
        ("rough_leather", "Rough Leather", "common", 1, "hide"), ("thick_leather", "Thick Leather", "uncommon", 15, "hide"),
        ("peacebloom", "Peacebloom", "common", 1, "herb"), ("mageroyal", "Mageroyal", "uncommon", 10, "herb"),
        ("dreamfoil", "Dreamfoil", "rare", 25, "herb"), ("ghost_mushroom", "Ghost Mushroom", "epic", 40, "herb"),
        ("ruby", "Ruby", "rare", 20, "gem"), ("sapphire", "Sapphire", "rare", 20, "gem"),
        ("emerald", "Emerald", "uncommon", 12, "gem"), ("diamond", "Diamond", "epic", 40, "gem"),
        ("arcane_essence", "Arcane Essence", "rare", 25, "essence"), ("void_essence", "Void Essence", "epic", 45, "essence"),
        ("ember_core", "Ember Core", "epic", 42, "essence"), ("timber", "Timber", "common", 1, "wood"),
        ("raw_boar_meat", "Raw Boar Meat", "common", 1, "food"), ("wheat_flour", "Wheat Flour", "common", 1, "food"),
    ];

    static readonly (string Key, string Name, string Rarity, int Level, int Stack)[] QuestItemDefs =
    [
        ("wolf_pelt", "Wolf Pelt", "common", 2, 10), ("bandit_insignia", "Bandit Insignia", "common", 5, 10),
        ("ancient_tablet", "Ancient Tablet", "uncommon", 14, 1), ("sealed_letter", "Sealed Letter", "common", 8, 1),
        ("glowing_spore", "Glowing Spore", "uncommon", 18, 10), ("pharaohs_scarab", "Pharaoh's Scarab", "rare", 26, 1),
        ("frost_crystal", "Frost Crystal", "rare", 34, 5), ("ember_heart", "Ember Heart", "epic", 46, 1),
        ("lost_heirloom", "Lost Heirloom", "uncommon", 10, 1), ("abyssal_key", "Abyssal Key", "epic", 52, 1),
    ];

    ItemDef AddItemDef(Random r, string itemId, string name, string type, string rarity, int level, string? slot, string[] classes, int stack, string? profession)
    {
        var def = new ItemDef(r.NextGuid(), itemId, name, type, rarity, level, slot, classes, stack, profession);
        items.Add(def);
        itemsById[itemId] = def;
        return def;
    }

    async Task SeedItemsAsync()
    {
        var r = Rng("items");
        var entities = new List<Item>();

        for (var ri = 0; ri < Rarities.Length; ri++)
        {
            var rarity = Rarities[ri];
            var (lmin, lmax) = RarityLevels[ri];
            foreach (var b in WeaponBases)
            {
                var name = ri == 4 ? LegendaryWeapons[b.Key] : $"{WeaponPrefixes[ri]} {b.Name}";
                var id = ri == 4 ? $"wpn_{LegendaryWeapons[b.Key].ToLowerInvariant().Replace(' ', '_')}" : $"wpn_{WeaponPrefixes[ri].ToLowerInvariant()}_{b.Key}";
                var level = r.Between(lmin, lmax);
                var def = AddItemDef(r, id, name, "weapon", rarity, level, "main_hand", b.Classes, 1, b.Profession);
                var dmin = 4 + level * 3 + ri * 5;
                var effects = new List<Effect> { new() { Type = "stat_bonus", Target = b.Stat, Amount = 2 + level / 2 + ri * 3 } };
                if (ri >= 3) effects.Add(new Effect { Type = "damage", Target = r.Pick(new[] { "fire", "frost", "shadow", "holy" }), Amount = 20 + level * 2, Chance = 0.15m });
                if (ri == 4) effects.Add(new Effect { Type = "buff", Target = "critical_chance", Amount = 0.05m, DurationSeconds = 10, Chance = 0.1m });
                var req = new Requirements { MinLevel = level, Classes = [.. b.Classes] };
                if (ri >= 2) req.Stats[b.Stat] = level;
                entities.Add(NewItem(r, def, $"A {rarity} {b.Name.ToLowerInvariant()} favoured by {string.Join(" and ", b.Classes.Select(c => c + "s"))}.",
                    Json(new { damage_min = dmin, damage_max = dmin + 4 + level * 2, attack_speed = R1(b.Key is "dagger" ? 1.6 : b.Key is "axe" or "mace" ? 0.9 : 1.2), slot = "main_hand", two_handed = b.Key is "staff" or "bow", durability = 60 + ri * 20 }),
                    req, effects));
            }
            foreach (var b in ArmorBases)
            {
                var name = $"{ArmorPrefixes[ri]} {b.Name}";
                var level = r.Between(lmin, lmax);
                var classes = b.Key == "shield" ? new[] { "warrior", "paladin" } : Array.Empty<string>();
                var def = AddItemDef(r, $"arm_{ArmorPrefixes[ri].ToLowerInvariant()}_{b.Key}", name, "armor", rarity, level, b.Slot, classes, 1, b.Profession);
                var effects = new List<Effect>
                {
                    new() { Type = "stat_bonus", Target = "armor", Amount = 5 + level * 2 + ri * 10 },
                    new() { Type = "stat_bonus", Target = "stamina", Amount = 1 + level / 3 + ri * 2 },
                };
                if (ri == 4) effects.Add(new Effect { Type = "heal_over_time", Target = "health", Amount = 25, DurationSeconds = 10, IntervalSeconds = 2, Chance = 0.05m });
                var req = new Requirements { MinLevel = level, Classes = [.. classes] };
                entities.Add(NewItem(r, def, $"{rarity[..1].ToUpperInvariant()}{rarity[1..]} {b.Name.ToLowerInvariant()} worn on the {b.Slot.Replace('_', ' ')}.",
                    Json(new { armor = 5 + level * 2 + ri * 10, slot = b.Slot, durability = 50 + ri * 25, weight = b.Key is "chest" or "shield" ? "heavy" : "medium" }),
                    req, effects));
            }
            if (ri == 0) continue;
            for (var ai = 0; ai < AccessoryBases.Length; ai++)
            {
                var b = AccessoryBases[ai];
                var suffix = AccessorySuffixes[(ai + ri) % AccessorySuffixes.Length];
                var name = $"{AccessoryPrefixes[ri - 1]} {b.Name} {suffix}";
                var level = r.Between(lmin, lmax);
                var def = AddItemDef(r, $"acc_{AccessoryPrefixes[ri - 1].ToLowerInvariant()}_{b.Key}", name, "accessory", rarity, level, b.Slot, [], 1, b.Profession);
                var stat = suffix switch { "of Vigor" => "stamina", "of Insight" => "intellect", "of the Fox" => "agility", _ => "strength" };
                var effects = new List<Effect> { new() { Type = "stat_bonus", Target = stat, Amount = 3 + level / 2 + ri * 3 } };
                if (ri >= 3) effects.Add(new Effect { Type = "stat_bonus", Target = "critical_chance", Amount = 0.01m * ri });
                entities.Add(NewItem(r, def, $"A {rarity} {b.Name.ToLowerInvariant()} that strengthens its wearer.",
                    Json(new { slot = b.Slot, socket_count = ri >= 3 ? 1 : 0, unique_equipped = b.Key == "trinket" }),
                    new Requirements { MinLevel = level }, effects));
            }
        }

        foreach (var c in ConsumableDefs)
        {
            var def = AddItemDef(r, $"con_{c.Key}", c.Name, "consumable", c.Rarity, c.Level, null, [], c.Rarity == "legendary" ? 1 : 20, c.Profession);
            var effect = c.Kind switch
            {
                "heal_over_time" => new Effect { Type = "heal_over_time", Target = c.Target, Amount = D2(c.Amount), DurationSeconds = 30, IntervalSeconds = 3 },
                "buff" => new Effect { Type = "buff", Target = c.Target, Amount = D2(c.Amount), DurationSeconds = c.Key == "antidote" ? 600 : 3600 },
                "teleport" => new Effect { Type = "teleport", Target = c.Target, Amount = 0 },
                _ => new Effect { Type = c.Kind, Target = c.Target, Amount = D2(c.Amount) },
            };
            entities.Add(NewItem(r, def, $"{c.Name}: {effect.Type.Replace('_', ' ')}{(effect.Target is null ? "" : " (" + effect.Target + ")")}.",
                Json(new { consumed_on_use = true, cooldown_seconds = c.Kind is "heal" or "resource_restore" ? 60 : 0, category = c.Profession == "skill_cooking" ? "food" : c.Key.StartsWith("scroll", StringComparison.Ordinal) ? "scroll" : "potion" }),
                new Requirements { MinLevel = c.Level }, [effect]));
        }

        foreach (var m in MaterialDefs)
        {
            var def = AddItemDef(r, $"mat_{m.Key}", m.Name, "material", m.Rarity, m.Level, null, [], m.Rarity is "epic" or "legendary" ? 20 : 99, null);
            entities.Add(NewItem(r, def, $"Crafting material ({m.Category}).",
                Json(new { category = m.Category, tier = Array.IndexOf(Rarities, m.Rarity) + 1, tradeable = true }),
                new Requirements(), []));
        }

        foreach (var q in QuestItemDefs)
        {
            var def = AddItemDef(r, $"qst_{q.Key}", q.Name, "quest", q.Rarity, q.Level, null, [], q.Stack, null);
            entities.Add(NewItem(r, def, "Quest item. Cannot be sold or traded.",
                Json(new { bound = true, quest_item = true, tradeable = false }),
                new Requirements(), []));
        }

        await AddAllAsync(entities);
    }

    Item NewItem(Random r, ItemDef def, string description, string properties, Requirements req, List<Effect> effects)
    {
        var ri = Array.IndexOf(Rarities, def.Rarity);
        var created = Sec(Now.AddDays(-r.Between(100, 150)));
        var value = (int)(RarityValue[ri] * (1 + def.Level / 10.0) * (def.Type is "material" ? 0.3 : def.Type is "consumable" ? 0.4 : def.Type is "quest" ? 0 : 1));
        return new Item
        {
            Id = def.Id,
            ItemId = def.ItemId,
            Name = def.Name,
            Description = description,
            ItemType = def.Type,
            Rarity = def.Rarity,
            LevelRequirement = def.Level,
            Value = value,
            StackSize = def.StackSize,
            Properties = properties,
            Requirements = req,
            Effects = effects,
            IsActive = !r.Chance(0.03),
            Version = 1,
            CreatedAt = created,
            UpdatedAt = Sec(created.AddDays(r.Between(0, 90))),
        };
    }

    /// <summary>Equipment, consumables or materials suitable for a level, for quest and event rewards.</summary>
    RewardBundle RewardFor(Random r, int level, string bestRarity, string? title = null)
    {
        var maxRi = Array.IndexOf(Rarities, bestRarity);
        var pool = items.Where(i => i.Type is "weapon" or "armor" or "accessory" or "consumable"
                && i.Level <= Math.Max(level, 5) && Array.IndexOf(Rarities, i.Rarity) <= maxRi)
            .ToList();
        var bundle = new RewardBundle
        {
            Experience = level * 150L + r.Between(0, 10) * 10,
            Gold = level * 12L + r.Between(0, 20),
            Title = title,
        };
        var n = r.Between(1, 2);
        foreach (var it in r.Sample(pool, n))
            bundle.Items.Add(new ItemQuantity { ItemId = it.ItemId, Quantity = it.Type == "consumable" ? r.Between(2, 5) : 1 });
        return bundle;
    }

    // ---------------------------------------------------------------- quests

    /// <summary>The chains' story kind as the quest editor's list names it (<c>main_story</c> is stored as <c>main</c>), so seeded quests pass the editor's rules.</summary>
    static string StoredQuestType(string chainType) => chainType == "main_story" ? "main" : chainType;

    static readonly (string Key, string Zone, string Type, int Level, string[] Titles)[] QuestChains =
    [
        ("wolves", "zone_greenhollow", "main_story", 1, ["A Howl in the Night", "Tracks by the River", "The Alpha's Den", "Silence the Pack", "Report to Millbrook"]),
        ("bandits", "zone_greenhollow", "side", 4, ["Highway Robbery", "Stolen Letters", "The Bandit Camp", "Cut off the Head"]),
        ("mine", "zone_ironpeak", "main_story", 11, ["Trouble at Deepdelve", "Kobold Thieves", "The Sealed Tunnel", "What the Miners Woke", "Stone and Fire"]),
        ("grove", "zone_mistwood", "main_story", 16, ["Whispers in the Fog", "The Moonwell's Keeper", "Spores of Madness", "Heart of the Treant", "Elderglade Restored"]),
        ("sands", "zone_sunscar", "main_story", 22, ["The Caravan Road", "Scorpion Ridge", "The Buried Temple", "Curse of the Pharaoh", "Sands of the Forgotten"]),
        ("frost", "zone_frostreach", "main_story", 31, ["Into the Cold", "Heralds of Winter", "The Glacier Rift", "Shards of the Crown", "The Frozen Crown"]),
        ("embers", "zone_ashen_wastes", "main_story", 41, ["Ash and Ember", "The Obsidian Trade", "Drakes over the Fields", "Heart of the Volcano", "Embers of War"]),
        ("abyss", "zone_abyssal_depths", "raid", 50, ["The Rift Opens", "Hall of Echoes", "Priests of the Void", "Throne of the Deep"]),
    ];

    static readonly (string Key, string Title, string Type, int Level, int Cooldown)[] RepeatableQuests =
    [
        ("daily_supply_run", "Daily: Supply Run", "daily", 5, 86400),
        ("daily_pest_control", "Daily: Pest Control", "daily", 1, 86400),
        ("daily_herb_gathering", "Daily: Herb Gathering", "daily", 10, 86400),
        ("daily_ore_delivery", "Daily: Ore Delivery", "daily", 15, 86400),
        ("weekly_arena_champion", "Weekly: Arena Champion", "weekly", 20, 604800),
        ("weekly_guild_contributions", "Weekly: Guild Contributions", "weekly", 10, 604800),
    ];

    async Task SeedQuestsAsync()
    {
        var r = Rng("quests");
        var created = Sec(Now.AddDays(-140));
        string? previousMainFinal = null;
        var questItems = items.Where(i => i.Type == "quest").ToList();
        foreach (var chain in QuestChains)
        {
            var z = zones.First(x => x.Id == chain.Zone);
            var monsters = ZoneMonsters[z.Id];
            var places = ZonePlaces[z.Id];
            string? previous = null;
            for (var i = 0; i < chain.Titles.Length; i++)
            {
                var questId = $"q_{chain.Key}_{i + 1:00}";
                var level = Math.Min(60, chain.Level + i * 2);
                var prereqs = new List<string>();
                if (previous is not null) prereqs.Add(previous);
                else if (chain.Type is "main_story" or "raid" && previousMainFinal is not null) prereqs.Add(previousMainFinal);
                var objectives = new List<QuestObjective>();
                var nObj = r.Between(1, 3);
                for (var o = 0; o < nObj; o++)
                {
                    var type = o == 0 && i == chain.Titles.Length - 1 ? "kill" : r.Pick(QuestObjective.Types);
                    objectives.Add(type switch
                    {
                        "kill" => new QuestObjective { Type = "kill", Target = r.Pick(monsters), Count = i == chain.Titles.Length - 1 ? 1 : r.Between(5, 15), Description = "Defeat the enemies of " + places[0] },
                        "collect" => new QuestObjective { Type = "collect", Target = r.Pick(questItems).ItemId, Count = r.Between(3, 10), Description = "Gather what was lost" },
                        "talk" => new QuestObjective { Type = "talk", Target = $"npc_{chain.Key}_elder", Count = 1, Description = "Speak with the elder" },
                        "reach" => new QuestObjective { Type = "reach", Target = r.Pick(places), Count = 1, Description = "Find the place on your map" },
                        "craft" => new QuestObjective { Type = "craft", Target = r.Pick(items.Where(x => x.Type == "consumable" && x.Level <= level + 5).ToList()).ItemId, Count = r.Between(1, 3) },
                        _ => new QuestObjective { Type = "escort", Target = $"npc_{chain.Key}_caravan", Count = 1, Description = "Keep them alive" },
                    });
                }
                var final = i == chain.Titles.Length - 1;
                var def = new QuestDef(r.NextGuid(), questId, chain.Key, i, level, z.Id, false, nObj);
                quests.Add(def);
                await AddAsync(new Quest
                {
                    Id = def.Id,
                    QuestId = questId,
                    Title = chain.Titles[i],
                    Description = $"{chain.Titles[i]}. Part {i + 1} of {chain.Titles.Length} in {z.Name}.",
                    QuestType = StoredQuestType(chain.Type),
                    LevelRequirement = level,
                    Prerequisites = prereqs,
                    Objectives = objectives,
                    Rewards = RewardFor(r, level, final ? "epic" : "rare", final ? $"{chain.Titles[^1]} Hero" : null),
                    NpcId = r.NextGuid(),
                    ZoneId = z.Id,
                    IsRepeatable = false,
                    Cooldown = null,
                    IsActive = true,
                    Version = 1,
                    CreatedAt = created,
                    UpdatedAt = Sec(created.AddDays(r.Between(0, 100))),
                });
                previous = questId;
            }
            if (chain.Type == "main_story") previousMainFinal = previous;
        }
        foreach (var q in RepeatableQuests)
        {
            var questId = $"q_{q.Key}";
            var def = new QuestDef(r.NextGuid(), questId, q.Key, 0, q.Level, "zone_highspire", true, 1);
            quests.Add(def);
            await AddAsync(new Quest
            {
                Id = def.Id,
                QuestId = questId,
                Title = q.Title,
                Description = "A repeatable task posted on the Highspire notice board.",
                QuestType = q.Type,
                LevelRequirement = q.Level,
                Prerequisites = q.Key == "weekly_arena_champion" ? ["q_wolves_05"] : [],
                Objectives =
                [
                    q.Key switch
                    {
                        "daily_supply_run" => new QuestObjective { Type = "collect", Target = "mat_timber", Count = 10 },
                        "daily_pest_control" => new QuestObjective { Type = "kill", Target = "mob_giant_rat", Count = 12 },
                        "daily_herb_gathering" => new QuestObjective { Type = "collect", Target = "mat_peacebloom", Count = 8 },
                        "daily_ore_delivery" => new QuestObjective { Type = "collect", Target = "mat_iron_ore", Count = 15 },
                        "weekly_arena_champion" => new QuestObjective { Type = "kill", Target = "arena_opponent", Count = 10, Description = "Win ten arena matches" },
                        _ => new QuestObjective { Type = "talk", Target = "npc_guild_quartermaster", Count = 1, Description = "Deliver your contribution" },
                    },
                ],
                Rewards = new RewardBundle { Experience = q.Level * 80, Gold = q.Level * 10, Items = [new ItemQuantity { ItemId = "con_healing_potion", Quantity = 3 }] },
                NpcId = r.NextGuid(),
                ZoneId = "zone_highspire",
                IsRepeatable = true,
                Cooldown = q.Cooldown,
                IsActive = true,
                Version = 1,
                CreatedAt = created,
                UpdatedAt = Sec(created.AddDays(r.Between(0, 100))),
            });
        }
    }

    // ---------------------------------------------------------------- recipes

    async Task SeedRecipesAsync()
    {
        var r = Rng("crafting_recipes");
        var materials = items.Where(i => i.Type == "material").ToList();
        string[] Mats(params string[] keys) => keys;
        var byTier = new Dictionary<string, string[]>
        {
            ["common"] = Mats("mat_iron_ore", "mat_timber", "mat_rough_leather", "mat_linen_cloth"),
            ["uncommon"] = Mats("mat_silver_ore", "mat_thick_leather", "mat_silk_cloth", "mat_emerald"),
            ["rare"] = Mats("mat_mithril_ore", "mat_runecloth", "mat_ruby", "mat_sapphire", "mat_arcane_essence"),
            ["epic"] = Mats("mat_obsidian_shard", "mat_diamond", "mat_void_essence", "mat_ember_core"),
        };
        var herbs = new Dictionary<string, string[]>
        {
            ["common"] = Mats("mat_peacebloom"), ["uncommon"] = Mats("mat_mageroyal", "mat_peacebloom"),
            ["rare"] = Mats("mat_dreamfoil", "mat_mageroyal"), ["epic"] = Mats("mat_ghost_mushroom", "mat_dreamfoil"),
        };
        var craftable = items.Where(i => i.Profession is not null && i.Rarity != "legendary").ToList();
        // Every consumable, and a rotating selection of equipment so that each profession has recipes.
        var chosen = craftable.Where(i => i.Type == "consumable").ToList();
        chosen.AddRange(r.Sample(craftable.Where(i => i.Type != "consumable").ToList(), 22).OrderBy(i => i.ItemId, StringComparer.Ordinal));
        foreach (var it in chosen)
        {
            var ri = Array.IndexOf(Rarities, it.Rarity);
            var required = new List<ItemQuantity>();
            var pool = it.Profession switch
            {
                "skill_alchemy" => herbs[it.Rarity],
                "skill_cooking" => Mats("mat_raw_boar_meat", "mat_wheat_flour"),
                "skill_tailoring" => it.Rarity switch
                {
                    "common" => Mats("mat_linen_cloth"),
                    "uncommon" => Mats("mat_silk_cloth", "mat_linen_cloth"),
                    "rare" => Mats("mat_runecloth", "mat_silk_cloth", "mat_arcane_essence"),
                    _ => Mats("mat_runecloth", "mat_void_essence"),
                },
                _ => byTier[it.Rarity],
            };
            foreach (var m in r.Sample(pool, Math.Min(pool.Length, r.Between(1, 3))))
                required.Add(new ItemQuantity { ItemId = m, Quantity = r.Between(1, 4) * (4 - Math.Min(ri, 3)) });
            if (it.Profession == "skill_alchemy" && it.Type == "consumable") required.Add(new ItemQuantity { ItemId = "mat_timber", Quantity = 1 });
            if (ri >= 3) required.Add(new ItemQuantity { ItemId = r.Pick(materials.Where(m => m.Rarity == "epic").ToList()).ItemId, Quantity = 1 });
            required = required.Where(q => q.ItemId != it.ItemId).GroupBy(q => q.ItemId).Select(g => new ItemQuantity { ItemId = g.Key, Quantity = g.Sum(x => x.Quantity) }).ToList();
            var created = Sec(Now.AddDays(-r.Between(90, 140)));
            await AddAsync(new CraftingRecipe
            {
                Id = r.NextGuid(),
                RecipeId = $"rcp_{it.ItemId}",
                ResultItemId = it.Id,
                ResultQuantity = it.Type == "consumable" ? r.Between(1, 5) : 1,
                RequiredItems = required,
                RequiredLevel = it.Level,
                RequiredSkill = it.Profession,
                CraftingTime = (5 + ri * 25) * (it.Type == "consumable" ? 1 : 4),
                SuccessRate = ri switch { 0 => 0.98m, 1 => 0.92m, 2 => 0.8m, _ => 0.65m },
                CreatedAt = created,
                UpdatedAt = Sec(created.AddDays(r.Between(0, 60))),
            });
        }
    }

    // ---------------------------------------------------------------- achievements

    static readonly (string Key, string Name, string Category, int Points, string Type, string? Target, int Count, string? Title)[] AchievementDefs =
    [
        ("level_10", "Adventurer", "progression", 10, "reach_level", null, 10, null),
        ("level_20", "Seasoned", "progression", 10, "reach_level", null, 20, null),
        ("level_30", "Veteran", "progression", 20, "reach_level", null, 30, null),
        ("level_40", "Elite", "progression", 20, "reach_level", null, 40, null),
        ("level_50", "Champion", "progression", 30, "reach_level", null, 50, "the Champion"),
        ("level_60", "Legend", "progression", 50, "reach_level", null, 60, "the Legend"),
        ("quests_10", "Errand Runner", "questing", 10, "complete_quests", null, 10, null),
        ("quests_25", "Quest Seeker", "questing", 20, "complete_quests", null, 25, null),
        ("quests_all_greenhollow", "Hero of Greenhollow", "questing", 15, "complete_quests", "zone_greenhollow", 9, "of Greenhollow"),
        ("wolf_slayer", "Wolf Slayer", "combat", 10, "kill", "mob_forest_wolf", 100, null),
        ("golem_breaker", "Golem Breaker", "combat", 15, "kill", "mob_stone_golem", 50, null),
        ("leviathan_down", "Leviathan Slayer", "combat", 50, "kill", "boss_leviathan", 1, "Slayer of the Deep"),
        ("hoarder", "Hoarder", "collection", 10, "collect", "mat_iron_ore", 500, null),
        ("gem_collector", "Gem Collector", "collection", 20, "collect", "mat_diamond", 10, null),
        ("first_craft", "Apprentice Crafter", "crafting", 5, "craft", null, 1, null),
        ("master_smith", "Master Smith", "crafting", 30, "craft", "skill_blacksmithing", 200, "the Smith"),
        ("alchemist", "Potion Master", "crafting", 20, "craft", "skill_alchemy", 100, null),
        ("first_blood", "First Blood", "pvp", 5, "win_matches", null, 1, null),
        ("gladiator", "Gladiator", "pvp", 25, "win_matches", "arena_3v3", 50, "the Gladiator"),
        ("duelist", "Duelist", "pvp", 15, "win_matches", "duel_1v1", 25, null),
        ("guild_member", "Stronger Together", "social", 5, "join_guild", null, 1, null),
        ("loyal_week", "Regular", "social", 5, "login_days", null, 7, null),
        ("loyal_month", "Devoted", "social", 15, "login_days", null, 30, null),
        ("loyal_season", "Unwavering", "social", 30, "login_days", null, 90, "the Unwavering"),
        ("explorer", "Explorer", "exploration", 15, "reach_level", "zone_frostreach", 30, null),
        ("dungeon_delver", "Dungeon Delver", "exploration", 25, "complete_quests", "zone_abyssal_depths", 4, null),
    ];

    async Task SeedAchievementsAsync()
    {
        var r = Rng("achievements");
        var created = Sec(Now.AddDays(-145));
        foreach (var a in AchievementDefs)
        {
            var def = new AchievementDef(r.NextGuid(), $"ach_{a.Key}", a.Type, a.Count, a.Target);
            achievements.Add(def);
            var reward = new RewardBundle { Experience = a.Points * 100, Gold = a.Points * 5, Title = a.Title };
            if (a.Points >= 20) reward.Items.Add(new ItemQuantity { ItemId = r.Pick(items.Where(i => i.Type == "accessory" && i.Rarity is "rare" or "epic").ToList()).ItemId, Quantity = 1 });
            await AddAsync(new Achievement
            {
                Id = def.Id,
                AchievementId = def.AchievementId,
                Name = a.Name,
                Description = a.Type switch
                {
                    "reach_level" when a.Target is null => $"Reach level {a.Count}.",
                    "reach_level" => $"Reach level {a.Count} and set foot in {a.Target}.",
                    "complete_quests" => $"Complete {a.Count} quests{(a.Target is null ? "" : " in " + a.Target)}.",
                    "kill" => $"Defeat {a.Count} × {a.Target}.",
                    "collect" => $"Collect {a.Count} × {a.Target}.",
                    "craft" => $"Craft {a.Count} items{(a.Target is null ? "" : " with " + a.Target)}.",
                    "win_matches" => $"Win {a.Count} matches{(a.Target is null ? "" : " in " + a.Target)}.",
                    "join_guild" => "Join a guild.",
                    _ => $"Log in on {a.Count} different days.",
                },
                Category = a.Category,
                Points = a.Points,
                Requirements = [new AchievementRequirement { Type = a.Type, Target = a.Target, Count = a.Count }],
                Rewards = reward,
                IsActive = a.Key != "gem_collector" || r.Chance(0.5),
                CreatedAt = created,
                UpdatedAt = Sec(created.AddDays(r.Between(0, 90))),
            });
        }
    }
}
