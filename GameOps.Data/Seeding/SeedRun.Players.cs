using GameOps.Data.Entities;
using GameOps.Data.Json;

namespace GameOps.Data.Seeding;

internal sealed class PlayerInfo
{
    public Guid Id;
    public string Username = "";
    public string Status = "active";
    public DateTime CreatedAt;
    /// <summary>The player's last login; no activity is generated after it.</summary>
    public DateTime LastSeen;
    /// <summary>0–1: how much the player plays (sessions, levels, messages, purchases).</summary>
    public double Engagement;
    public bool Payer;
    public bool Troublemaker;
    /// <summary>When the ban or suspension was issued.</summary>
    public DateTime? SanctionAt;
    public string Country = "";
    public string Language = "";
    public string TimeZone = "";
    public string Currency = "";
    public string Platform = "";
    public string HomeIp = "";
    public readonly List<ActorInfo> Actors = [];
    /// <summary>Play minutes and sessions per week, index 0 = the last 7 days.</summary>
    public readonly double[] WeekMinutes = new double[8];
    public readonly int[] WeekSessions = new int[8];
    public readonly double[] WeekSpendUsd = new double[8];
    public int ActiveDays30;
    public double LtvUsd;
    public int Chargebacks;
    public int Refunds;
    public int FailedPayments;
    /// <summary>Set for members of a multi-accounting ring: the address they share.</summary>
    public string? RingIp;
    public ActorInfo Main => Actors[0];
    public bool Active => Status == "active";
    public bool ActiveAt(DateTime t) => t >= CreatedAt && t <= LastSeen;
}

internal sealed class ActorInfo
{
    public Guid Id;
    public PlayerInfo Player = null!;
    public string Name = "";
    public string Class = "";
    public int Level;
    public long Experience;
    public DateTime CreatedAt;
    public DateTime LastActive;
    public string ZoneId = "";
    public GuildInfo? Guild;
    public string? GuildRank;
    public DateTime? GuildJoinedAt;
    public int CompletedQuests;
}

internal sealed partial class SeedRun
{
    readonly List<PlayerInfo> players = [];
    readonly List<ActorInfo> actors = [];

    static readonly (string Country, string Language, string TimeZone, string Currency, double Weight)[] Countries =
    [
        ("US", "en", "America/New_York", "USD", 28), ("US", "en", "America/Los_Angeles", "USD", 8),
        ("GB", "en", "Europe/London", "GBP", 12), ("FR", "fr", "Europe/Paris", "EUR", 14),
        ("DE", "de", "Europe/Berlin", "EUR", 12), ("ES", "es", "Europe/Madrid", "EUR", 6),
        ("BR", "pt-BR", "America/Sao_Paulo", "USD", 9), ("JP", "ja", "Asia/Tokyo", "USD", 4),
        ("CA", "en", "America/Toronto", "USD", 4), ("PL", "pl", "Europe/Warsaw", "EUR", 3),
    ];
    static readonly (string Platform, double Weight)[] Platforms = [("windows", 55), ("macos", 8), ("steam_deck", 7), ("ios", 15), ("android", 15)];

    static readonly string[] NameAdjectives =
    [
        "Dark", "Silent", "Swift", "Iron", "Crimson", "Lucky", "Frost", "Wild", "Grim", "Golden", "Shadow", "Brave", "Lazy", "Mystic",
        "Storm", "Salty", "Fuzzy", "Rogue", "Angry", "Sneaky", "Noble", "Rusty", "Cosmic", "Epic", "Toxic", "Sleepy", "Holy", "Feral",
        "Arcane", "Hidden", "Mad", "Quiet", "Royal", "Savage", "Tiny", "Vivid", "Zen", "Ancient", "Burning", "Chill",
    ];
    static readonly string[] NameNouns =
    [
        "Raven", "Fox", "Wolf", "Knight", "Mage", "Blade", "Panda", "Dragon", "Hunter", "Falcon", "Viper", "Bear", "Ghost", "Tiger",
        "Paladin", "Otter", "Archer", "Badger", "Phoenix", "Warden", "Nomad", "Golem", "Druid", "Pirate", "Ninja", "Bard", "Titan",
        "Goblin", "Wizard", "Lynx", "Squire", "Monk", "Reaper", "Sparrow", "Cobra", "Yeti", "Kraken", "Potato", "Muffin", "Waffle",
    ];
    static readonly string[] ActorPrefixes =
    [
        "Ael", "Bran", "Cor", "Dra", "Eli", "Fen", "Gal", "Hal", "Ith", "Jor", "Kael", "Lyr", "Mor", "Nym", "Or", "Per", "Quel",
        "Ryn", "Syl", "Thal", "Ul", "Vor", "Wyn", "Xan", "Yr", "Zar", "Bel", "Cas", "Ess", "Mal",
    ];
    static readonly string[] ActorSuffixes =
    [
        "a", "ion", "wyn", "dor", "iel", "ith", "ora", "us", "ek", "an", "ryn", "wen", "mir", "os", "ax", "eth", "ia", "or", "enna", "ius",
    ];

    static readonly long[] TotalXp = BuildXpTable();

    static long[] BuildXpTable()
    {
        var t = new long[62];
        for (var l = 2; l < t.Length; l++) t[l] = t[l - 1] + XpToNext(l - 1);
        return t;
    }

    /// <summary>Experience needed to go from level <paramref name="level"/> to the next.</summary>
    public static long XpToNext(int level) => 100L * level * level + 400L * level;

    async Task SeedPlayersAsync()
    {
        var r = Rng("players");
        var n = Scaled(300);
        var start = Today.AddDays(-120);
        var created = new List<DateTime>();
        while (created.Count < n)
        {
            // Growth over time (x2.5 from launch to now) with a weekend bump: rejection sampling.
            var day = r.Next(120);
            var date = start.AddDays(day);
            var weight = (0.4 + day / 120.0) * (IsWeekend(date) ? 1.35 : 1.0) + (day < 3 ? 1.0 : 0);
            if (r.NextDouble() * 2.4 > weight) continue;
            var t = r.EveningBiased(date);
            if (t >= Now.AddHours(-1)) continue;
            created.Add(t);
        }
        created.Sort();

        var usernames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in created)
        {
            var p = new PlayerInfo { Id = r.NextGuid(), CreatedAt = c };
            p.Username = NewUsername(r, usernames);
            var age = Now - c;
            p.Engagement = 0.1 + 0.9 * Math.Pow(r.NextDouble(), 1.3);
            var roll = r.NextDouble();
            if (roll < 0.07 && age.TotalDays >= 25)
            {
                p.Status = "inactive";
                p.LastSeen = r.Between(c.AddHours(2), Min(c.AddDays(Math.Min(30, age.TotalDays - 21)), Now.AddDays(-21)));
                p.Engagement *= 0.5;
            }
            else if (roll < 0.115 && age.TotalDays >= 4)
            {
                p.Status = "banned";
                p.SanctionAt = r.Between(Max(c.AddDays(2), Now.AddDays(-80)), Now.AddHours(-6));
                p.LastSeen = Max(c.AddMinutes(30), p.SanctionAt.Value.AddMinutes(-r.Between(5, 180)));
                p.Troublemaker = true;
            }
            else if (roll < 0.16 && age.TotalDays >= 2)
            {
                p.Status = "suspended";
                p.SanctionAt = r.Between(Max(c.AddDays(1), Now.AddDays(-6)), Now.AddHours(-1));
                p.LastSeen = Max(c.AddMinutes(30), p.SanctionAt.Value.AddMinutes(-r.Between(5, 120)));
                p.Troublemaker = true;
            }
            else
            {
                p.Status = "active";
                var back = Math.Pow(r.NextDouble(), 3) * Math.Min(age.TotalDays, 10) / (0.5 + p.Engagement);
                p.LastSeen = Sec(Max(c.AddMinutes(20), Now.AddDays(-back)));
                if (p.LastSeen > Now.AddMinutes(-1)) p.LastSeen = Sec(Now.AddMinutes(-r.Between(1, 90)));
                if (p.LastSeen < c) p.LastSeen = c;
                p.Troublemaker = r.Chance(0.05);
            }
            p.LastSeen = Sec(p.LastSeen);
            p.Payer = r.Chance(0.1 + 0.3 * p.Engagement);
            var country = r.PickWeighted(Countries.Select(x => (x, x.Weight)).ToList());
            p.Country = country.Country;
            p.Language = country.Language;
            p.TimeZone = country.TimeZone;
            p.Currency = country.Currency;
            p.Platform = r.PickWeighted(Platforms.Select(x => (x.Platform, x.Weight)).ToList());
            p.HomeIp = RandomIp(r, p.Platform);
            players.Add(p);

            await AddAsync(new Player
            {
                Id = p.Id,
                Username = p.Username,
                Email = EmailFor(r, p.Username),
                PasswordHash = "AQAAAAIAAYagAAAAE" + r.Alnum(60),
                Status = p.Status,
                CreatedAt = p.CreatedAt,
                LastLogin = p.LastSeen,
                Preferences = Json(new
                {
                    theme = r.Chance(0.7) ? "dark" : "light",
                    sound_volume = R1(r.Between(0.2, 1.0)),
                    music = r.Chance(0.6),
                    show_tutorial = age.TotalDays < 3,
                    camera = r.Chance(0.5) ? "third_person" : "top_down",
                }),
            });
        }
        await FlushAsync();

        foreach (var p in players)
        {
            await AddAsync(new UserPreference
            {
                Id = r.NextGuid(),
                UserId = p.Id,
                Language = p.Language,
                TimeZone = p.TimeZone,
                NotifyEmail = r.Chance(0.45),
                NotifyPush = p.Platform is "ios" or "android" ? r.Chance(0.8) : r.Chance(0.3),
                NotifyInGame = r.Chance(0.95),
                MarketingOptIn = r.Chance(0.3),
                ProfileVisibility = r.PickWeighted<string>([("public", 6), ("friends", 3), ("private", 1)]),
                ShowOnlineStatus = r.Chance(0.8),
                AllowFriendRequests = r.Chance(0.9),
                AllowTradeRequests = r.Chance(0.75),
                ChatFilterLevel = r.PickWeighted<string>([("moderate", 6), ("strict", 2), ("off", 2)]),
                Settings = Json(new
                {
                    ui_scale = R1(r.Between(0.8, 1.4)),
                    colorblind_mode = r.Chance(0.05) ? "deuteranopia" : "none",
                    auto_loot = r.Chance(0.7),
                    keybind_preset = r.Pick(new[] { "default", "default", "mmo_classic", "custom" }),
                }),
                CreatedAt = p.CreatedAt,
                UpdatedAt = r.Between(p.CreatedAt, p.LastSeen.AddSeconds(1)),
            });
        }
        await FlushAsync();
    }

    static string NewUsername(Random r, HashSet<string> taken)
    {
        while (true)
        {
            var adj = r.Pick(NameAdjectives);
            var noun = r.Pick(NameNouns);
            var name = r.Next(6) switch
            {
                0 => $"{adj}{noun}",
                1 => $"{adj}{noun}{r.Between(1, 99)}",
                2 => $"{adj.ToLowerInvariant()}_{noun.ToLowerInvariant()}",
                3 => $"{noun}{r.Between(1990, 2012)}",
                4 => $"xX{adj}{noun}Xx",
                _ => $"{adj}_{noun}_{r.Between(1, 999)}",
            };
            if (taken.Add(name)) return name;
        }
    }

    static string EmailFor(Random r, string username)
    {
        var local = username.ToLowerInvariant().Replace("xx", "x");
        return $"{local}@{r.Pick(new[] { "example.com", "example.net", "example.org", "mail.example" })}";
    }

    /// <summary>Addresses from ranges that never route to a real person: CGNAT (100.64/10) and the IPv6 documentation prefix.</summary>
    static string RandomIp(Random r, string platform) =>
        platform is "ios" or "android" && r.Chance(0.6)
            ? $"2001:db8:{r.Hex(4)}:{r.Hex(4)}::{r.Hex(4)}"
            : $"100.{r.Between(64, 127)}.{r.Between(0, 255)}.{r.Between(1, 254)}";

    // ---------------------------------------------------------------- actors

    static readonly Dictionary<string, Dictionary<string, int>> ClassBaseStats = new()
    {
        ["warrior"] = new() { ["strength"] = 14, ["agility"] = 8, ["intellect"] = 4, ["stamina"] = 13, ["spirit"] = 5 },
        ["mage"] = new() { ["strength"] = 4, ["agility"] = 6, ["intellect"] = 15, ["stamina"] = 7, ["spirit"] = 12 },
        ["rogue"] = new() { ["strength"] = 8, ["agility"] = 15, ["intellect"] = 5, ["stamina"] = 9, ["spirit"] = 6 },
        ["cleric"] = new() { ["strength"] = 6, ["agility"] = 5, ["intellect"] = 12, ["stamina"] = 9, ["spirit"] = 14 },
        ["ranger"] = new() { ["strength"] = 7, ["agility"] = 14, ["intellect"] = 6, ["stamina"] = 10, ["spirit"] = 7 },
        ["paladin"] = new() { ["strength"] = 12, ["agility"] = 6, ["intellect"] = 9, ["stamina"] = 12, ["spirit"] = 9 },
        ["warlock"] = new() { ["strength"] = 4, ["agility"] = 6, ["intellect"] = 14, ["stamina"] = 9, ["spirit"] = 10 },
    };

    /// <summary>When the actor reached a level: progress is front-loaded, like in most games.</summary>
    static DateTime LevelTime(ActorInfo a, int level)
    {
        if (level <= 1) return a.CreatedAt;
        var f = Math.Clamp(TotalXp[level] / (double)Math.Max(1, a.Experience), 0, 1);
        return Sec(a.CreatedAt.AddTicks((long)((a.LastActive - a.CreatedAt).Ticks * Math.Pow(f, 0.8))));
    }

    async Task SeedActorsAsync()
    {
        var r = Rng("actors");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in players)
        {
            var count = r.PickWeighted<int>([(1, 60), (2, 30), (3, 10)]);
            var playDays = (p.LastSeen - p.CreatedAt).TotalDays;
            var usedClasses = new List<string>();
            for (var i = 0; i < count; i++)
            {
                var cls = r.Pick(Classes.Where(c => !usedClasses.Contains(c)).ToList());
                usedClasses.Add(cls);
                var a = new ActorInfo { Id = r.NextGuid(), Player = p, Class = cls };
                if (i == 0)
                {
                    a.CreatedAt = Sec(p.CreatedAt.AddMinutes(r.Between(2, 30)));
                    a.Level = Math.Clamp((int)Math.Round(2 + playDays * (0.25 + p.Engagement * 0.9) * r.Between(0.7, 1.3)), 1, 60);
                    a.LastActive = p.LastSeen;
                }
                else
                {
                    a.CreatedAt = r.Between(p.CreatedAt.AddHours(6), p.LastSeen);
                    a.Level = Math.Clamp((int)Math.Round(players.Count > 0 ? p.Actors[0].Level * r.Between(0.1, 0.7) : 1), 1, 60);
                    a.LastActive = r.Between(a.CreatedAt, p.LastSeen);
                }
                if (a.CreatedAt > a.LastActive) a.CreatedAt = a.LastActive;
                a.Experience = TotalXp[a.Level] + (a.Level == 60 ? 0 : (long)(XpToNext(a.Level) * r.NextDouble()));
                a.Name = NewActorName(r, names);
                a.ZoneId = ZoneForLevel(r, a.Level).Id;
                p.Actors.Add(a);
                actors.Add(a);

                var stats = ClassBaseStats[cls].ToDictionary(kv => kv.Key, kv => kv.Value + (int)(kv.Value * (a.Level - 1) * 0.18) + r.Between(0, 3));
                var z = zones.First(x => x.Id == a.ZoneId);
                var (x, y) = PointIn(r, z, 0.02);
                await AddAsync(new Actor
                {
                    Id = a.Id,
                    UserId = p.Id,
                    Name = a.Name,
                    Level = a.Level,
                    Experience = a.Experience,
                    Stats = stats,
                    Position = new ActorPosition { ZoneId = z.Id, X = x, Y = y, Z = R1(r.Between(0, 80)) },
                    CreatedAt = a.CreatedAt,
                    LastActive = a.LastActive,
                });
            }
        }
        await FlushAsync();

        await SeedActorResourcesAsync();
        await SeedActorSkillsAsync();
        await SeedEquipmentAndInventoryAsync();
        await SeedActorLevelsAsync();
        await SeedQuestProgressAsync();
        await FlushAsync();
    }

    static string NewActorName(Random r, HashSet<string> taken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var name = r.Pick(ActorPrefixes) + r.Pick(ActorSuffixes);
            if (r.Chance(0.25)) name += r.Pick(ActorSuffixes);
            if (attempt > 5) name += r.Pick(new[] { "the Bold", "the Swift", "of the Vale", "Stormborn", "Ironhand" }).Insert(0, " ");
            if (attempt > 10) name += " " + r.Between(2, 99);
            if (taken.Add(name)) return name;
        }
    }

    async Task SeedActorResourcesAsync()
    {
        var r = Rng("actor_resources");
        foreach (var a in actors)
        {
            var stamina = ClassBaseStats[a.Class]["stamina"] + a.Level;
            var intellect = ClassBaseStats[a.Class]["intellect"] + a.Level;
            foreach (var res in ClassResources[a.Class])
            {
                var def = ResourceDefs.First(d => d.Id == res);
                var max = res switch
                {
                    "health" => 100 + a.Level * 25 + stamina * 5,
                    "mana" => 80 + a.Level * 15 + intellect * 4,
                    "stamina" => 100 + a.Level * 2,
                    _ => def.Max,
                };
                var current = res switch
                {
                    "rage" => r.Chance(0.7) ? 0 : r.Between(0, 100),
                    "holy_power" or "soul_shards" => r.Between(0, (int)def.Max),
                    _ => r.Chance(0.75) ? max : Math.Round(max * r.Between(0.1, 1.0)),
                };
                await AddAsync(new ActorResource
                {
                    Id = r.NextGuid(),
                    ActorId = a.Id,
                    ResourceId = res,
                    CurrentValue = D4(current),
                    MaxValue = D4(max),
                    RegenRate = D4(def.Regen * (1 + a.Level / 60.0)),
                    LastRegen = Sec(a.LastActive.AddSeconds(-r.Between(0, 600))) < a.CreatedAt ? a.CreatedAt : Sec(a.LastActive.AddSeconds(-r.Between(0, 600))),
                    CreatedAt = a.CreatedAt,
                    UpdatedAt = a.LastActive,
                });
            }
        }
    }

    async Task SeedActorSkillsAsync()
    {
        var r = Rng("actor_skills");
        var professions = skills.Where(s => s.Type == "profession").ToList();
        foreach (var a in actors)
        {
            var known = skills.Where(s => s.Type != "profession" && (s.Classes.Length == 0 || s.Classes.Contains(a.Class)) && s.Level <= a.Level + 2).ToList();
            if (a.Level >= 5) known.AddRange(r.Sample(professions, r.Between(1, 2)));
            foreach (var s in known)
            {
                var learned = s.Level <= a.Level && !(s.Type == "ultimate" && r.Chance(0.3));
                var learnedAt = learned ? Max(LevelTime(a, Math.Max(1, s.Level)), a.CreatedAt) : (DateTime?)null;
                await AddAsync(new ActorSkill
                {
                    Id = r.NextGuid(),
                    ActorId = a.Id,
                    SkillId = s.SkillId,
                    Level = learned ? Math.Clamp(1 + (a.Level - s.Level) / 5 + r.Between(0, 1), 1, 10) : 0,
                    Experience = learned ? r.Between(0, 5000) : 0,
                    IsLearned = learned,
                    LearnedAt = learnedAt,
                    LastUsed = learned && s.Type != "profession" ? r.Between(Max(learnedAt!.Value, a.LastActive.AddDays(-3)), a.LastActive.AddSeconds(1))
                        : learned && r.Chance(0.6) ? r.Between(learnedAt!.Value, a.LastActive.AddSeconds(1)) : null,
                });
            }
        }
    }

    static readonly string[] EquipmentSlots = ["main_hand", "off_hand", "head", "chest", "legs", "feet", "hands", "ring", "neck", "back", "trinket"];

    ItemDef? PickGear(Random r, string slot, ActorInfo a)
    {
        var candidates = items.Where(i => i.Slot == slot && i.Level <= a.Level && (i.Classes.Length == 0 || i.Classes.Contains(a.Class))).ToList();
        if (candidates.Count == 0) return null;
        // Mostly the best the actor can wear, sometimes something older.
        candidates.Sort((x, y) => y.Level.CompareTo(x.Level));
        var idx = Math.Min(candidates.Count - 1, (int)(Math.Pow(r.NextDouble(), 2.5) * candidates.Count));
        return candidates[idx];
    }

    async Task SeedEquipmentAndInventoryAsync()
    {
        var r = Rng("equipment");
        var consumables = items.Where(i => i.Type == "consumable").ToList();
        var materials = items.Where(i => i.Type == "material").ToList();
        var questItems = items.Where(i => i.Type == "quest").ToList();
        foreach (var a in actors)
        {
            foreach (var slot in EquipmentSlots)
            {
                if (slot is "ring" or "neck" or "back" or "trinket" && a.Level < 8) continue;
                if (!r.Chance(slot == "main_hand" ? 0.97 : 0.8)) continue;
                var it = PickGear(r, slot, a);
                if (it is null) continue;
                var ri = Array.IndexOf(Rarities, it.Rarity);
                await AddAsync(new ActorEquipment
                {
                    Id = r.NextGuid(),
                    ActorId = a.Id,
                    SlotType = slot,
                    ItemId = it.Id,
                    Durability = slot is "ring" or "neck" or "trinket" ? null : r.Between(5, 60 + ri * 20),
                    EnhancementLevel = r.Chance(0.3) ? r.Between(1, 3 + ri * 2) : 0,
                    Properties = Json(new { bound = true, socketed_gem = ri >= 2 && r.Chance(0.4) ? r.Pick(new[] { "mat_ruby", "mat_sapphire", "mat_emerald", "mat_diamond" }) : null }),
                    EquippedAt = r.Between(Max(a.CreatedAt, LevelTime(a, it.Level)), a.LastActive.AddSeconds(1)),
                });
            }

            var n = Math.Min(40, r.Between(3, 8) + a.Level / 4);
            var slots = r.Sample(Enumerable.Range(0, 40).ToList(), n);
            foreach (var pos in slots)
            {
                var kind = r.NextDouble();
                ItemDef it;
                if (kind < 0.35) it = r.Pick(consumables.Where(c => c.Level <= a.Level + 5).ToList());
                else if (kind < 0.7) it = r.Pick(materials.Where(m => m.Level <= a.Level + 5).ToList());
                else if (kind < 0.82) it = r.Pick(questItems);
                else it = PickGear(r, r.Pick(EquipmentSlots), a) ?? r.Pick(materials.Where(m => m.Level <= a.Level + 5).ToList());
                var acquired = r.Between(a.CreatedAt, a.LastActive.AddSeconds(1));
                var gear = it.Type is "weapon" or "armor" or "accessory";
                await AddAsync(new InventoryItem
                {
                    Id = r.NextGuid(),
                    ActorId = a.Id,
                    SlotPosition = pos,
                    ItemId = it.Id,
                    Quantity = it.StackSize <= 1 ? 1 : r.Between(1, Math.Min(it.StackSize, it.Type == "material" ? 60 : 12)),
                    Durability = gear && it.Slot is not ("ring" or "neck" or "trinket") ? r.Between(10, 100) : null,
                    EnhancementLevel = gear && r.Chance(0.15) ? r.Between(1, 4) : 0,
                    Properties = gear ? Json(new { bound = r.Chance(0.5), identified = true }) : null,
                    AcquiredAt = acquired,
                    UpdatedAt = r.Between(acquired, a.LastActive.AddSeconds(1)),
                });
            }
        }
    }

    async Task SeedActorLevelsAsync()
    {
        var r = Rng("actor_levels");
        foreach (var a in actors)
        {
            for (var level = Math.Max(1, a.Level - 5); level <= a.Level; level++)
            {
                var points = level % 10 == 0 ? 3 : 1;
                await AddAsync(new ActorLevel
                {
                    Id = r.NextGuid(),
                    ActorId = a.Id,
                    Level = level,
                    ExperienceRequired = TotalXp[level],
                    ExperienceCurrent = level == a.Level ? a.Experience : TotalXp[level],
                    StatBonuses = Json(new Dictionary<string, int>
                    {
                        [ClassBaseStats[a.Class].MaxBy(kv => kv.Value).Key] = 2,
                        ["stamina"] = 1,
                    }),
                    SkillPoints = Json(new { granted = points, unspent = level == a.Level ? r.Between(0, points) : 0 }),
                    AchievedAt = LevelTime(a, level),
                });
            }
        }
    }

    async Task SeedQuestProgressAsync()
    {
        var r = Rng("quest_progress");
        foreach (var a in actors)
        {
            var completed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var chain in QuestChains)
            {
                var chainQuests = quests.Where(q => q.Chain == chain.Key).OrderBy(q => q.Index).ToList();
                for (var i = 0; i < chainQuests.Count; i++)
                {
                    var q = chainQuests[i];
                    if (q.Index == 0 && chain.Type is "main_story" or "raid")
                    {
                        var prevFinal = MainChainPredecessor(chain.Key);
                        if (prevFinal is not null && !completed.Contains(prevFinal)) break;
                    }
                    if (q.Level > a.Level + 1) break;
                    var started = r.Between(Max(a.CreatedAt, LevelTime(a, Math.Max(1, q.Level - 1))), a.LastActive.AddSeconds(1));
                    if (a.Level >= q.Level + 2 && r.Chance(0.9))
                    {
                        var done = Min(Sec(started.AddMinutes(r.Between(5, 240))), a.LastActive);
                        completed.Add(q.QuestId);
                        a.CompletedQuests++;
                        await AddAsync(new QuestProgress
                        {
                            Id = r.NextGuid(), ActorId = a.Id, QuestId = q.Id, Status = "completed",
                            Progress = Json(new { objectives_completed = q.ObjectiveCount, objectives_total = q.ObjectiveCount, percent = 100 }),
                            StartedAt = started, CompletedAt = done,
                        });
                        continue;
                    }
                    var status = r.PickWeighted<string>([("in_progress", 8), ("abandoned", 1.5), ("failed", 0.5)]);
                    var doneObjectives = status == "in_progress" ? r.Between(0, q.ObjectiveCount - 1) : r.Between(0, q.ObjectiveCount - 1);
                    await AddAsync(new QuestProgress
                    {
                        Id = r.NextGuid(), ActorId = a.Id, QuestId = q.Id, Status = status,
                        Progress = Json(new { objectives_completed = doneObjectives, objectives_total = q.ObjectiveCount, percent = doneObjectives * 100 / q.ObjectiveCount }),
                        StartedAt = started, CompletedAt = null,
                    });
                    break;
                }
            }
            foreach (var q in quests.Where(q => q.Repeatable && q.Level <= a.Level))
            {
                if (q.QuestId == "q_weekly_arena_champion" && !completed.Contains("q_wolves_05")) continue;
                if (!r.Chance(0.25 + a.Player.Engagement * 0.5)) continue;
                var started = r.Between(Max(a.CreatedAt, a.LastActive.AddDays(q.QuestId.Contains("weekly", StringComparison.Ordinal) ? -7 : -1)), a.LastActive.AddSeconds(1));
                var done = r.Chance(0.6);
                if (done) a.CompletedQuests++;
                await AddAsync(new QuestProgress
                {
                    Id = r.NextGuid(), ActorId = a.Id, QuestId = q.Id, Status = done ? "completed" : "in_progress",
                    Progress = Json(new { objectives_completed = done ? 1 : 0, objectives_total = 1, percent = done ? 100 : r.Between(0, 90), times_completed = r.Between(done ? 1 : 0, 40) }),
                    StartedAt = started, CompletedAt = done ? Min(Sec(started.AddMinutes(r.Between(5, 60))), a.LastActive) : null,
                });
            }
        }
    }

    static string? MainChainPredecessor(string chainKey)
    {
        string? previousFinal = null;
        foreach (var c in QuestChains)
        {
            if (c.Key == chainKey) return previousFinal;
            if (c.Type == "main_story") previousFinal = $"q_{c.Key}_{c.Titles.Length:00}";
        }
        return null;
    }
}
