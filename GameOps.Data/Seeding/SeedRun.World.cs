using GameOps.Data.Entities;
using GameOps.Data.Json;

namespace GameOps.Data.Seeding;

internal sealed partial class SeedRun
{
    internal sealed record ZoneDef(
        string Id, string Name, string Type, int MinLevel, int MaxLevel,
        double X0, double Y0, double Width, double Height, string Climate, string Description)
    {
        public double X1 => X0 + Width;
        public double Y1 => Y0 + Height;
    }

    public static readonly ZoneDef[] ZoneDefs =
    [
        new("zone_highspire", "Highspire", "city", 1, 60, 0, 0, 800, 800, "temperate",
            "The capital: banks, auction house, guild halls and the arena gates. No fighting inside the walls."),
        new("zone_greenhollow", "Greenhollow Vale", "starter", 1, 10, 1000, 0, 1600, 1200, "temperate",
            "Rolling meadows and farmsteads where every adventurer takes their first steps."),
        new("zone_ironpeak", "Ironpeak Mountains", "wilderness", 10, 20, 2800, 0, 1800, 1600, "alpine",
            "Dwarven mines and goat trails, haunted by whatever the miners woke below."),
        new("zone_mistwood", "Mistwood Forest", "wilderness", 15, 25, 1000, 1400, 2000, 1500, "forest",
            "An ancient forest under permanent fog; the trees whisper to those who listen."),
        new("zone_sunscar", "Sunscar Desert", "wilderness", 20, 35, 3200, 1800, 2400, 2000, "desert",
            "Dunes, buried temples and the caravan road to the eastern kingdoms."),
        new("zone_frostreach", "Frostreach Tundra", "wilderness", 30, 45, 0, 3600, 2200, 1800, "arctic",
            "A frozen waste ruled by the Frost Queen's heralds."),
        new("zone_ashen_wastes", "Ashen Wastes", "pvp", 40, 60, 2400, 4000, 2000, 2000, "volcanic",
            "Contested volcanic plains where guilds fight over obsidian mines."),
        new("zone_abyssal_depths", "Abyssal Depths", "dungeon", 50, 60, 5000, 0, 600, 900, "underground",
            "A raid dungeon beneath the world, reached through the Ashen rift."),
    ];

    readonly List<ZoneDef> zones = [];

    /// <summary>A point inside the zone, away from its edges.</summary>
    static (double X, double Y) PointIn(Random r, ZoneDef z, double margin = 0.05) =>
        (R1(z.X0 + z.Width * r.Between(margin, 1 - margin)), R1(z.Y0 + z.Height * r.Between(margin, 1 - margin)));

    /// <summary>A rectangle or circle fully inside the zone.</summary>
    static MapArea AreaIn(Random r, ZoneDef z, string name, string shape, double sizeFraction)
    {
        if (shape == "circle")
        {
            var radius = R1(Math.Min(z.Width, z.Height) * sizeFraction / 2);
            return new MapArea
            {
                Name = name, Shape = "circle",
                X = R1(r.Between(z.X0 + radius, z.X1 - radius)),
                Y = R1(r.Between(z.Y0 + radius, z.Y1 - radius)),
                Radius = radius,
            };
        }
        var w = R1(z.Width * sizeFraction * r.Between(0.8, 1.2));
        var h = R1(z.Height * sizeFraction * r.Between(0.8, 1.2));
        w = Math.Min(w, z.Width * 0.9);
        h = Math.Min(h, z.Height * 0.9);
        return new MapArea
        {
            Name = name, Shape = "rect",
            X = R1(r.Between(z.X0, z.X1 - w)),
            Y = R1(r.Between(z.Y0, z.Y1 - h)),
            Width = w, Height = h,
        };
    }

    static readonly Dictionary<string, string[]> ZonePlaces = new()
    {
        ["zone_highspire"] = ["Cathedral Square", "Market Row", "Arena Gate", "Harbor"],
        ["zone_greenhollow"] = ["Millbrook", "Old Farmstead", "Shepherd's Hill", "Riverside Camp"],
        ["zone_ironpeak"] = ["Stonegate", "Deepdelve Mine", "Eagle's Rest", "Frozen Pass"],
        ["zone_mistwood"] = ["Elderglade", "Hunter's Lodge", "Sunken Shrine", "Moonwell"],
        ["zone_sunscar"] = ["Oasis of Tal'Rah", "Caravan Post", "Buried Temple", "Scorpion Ridge"],
        ["zone_frostreach"] = ["Winterhold", "Ice Fang Camp", "Glacier Rift", "Northwatch"],
        ["zone_ashen_wastes"] = ["Obsidian Bastion", "Cinder Fields", "Lava Bridge", "Ember Fort"],
        ["zone_abyssal_depths"] = ["Rift Entrance", "Hall of Echoes", "Throne of the Deep"],
    };

    async Task SeedWorldZonesAsync()
    {
        var r = Rng("zones");
        var created = Sec(Now.AddDays(-150));
        foreach (var z in ZoneDefs)
        {
            zones.Add(z);
            var places = ZonePlaces[z.Id];
            var spawnPoints = places.Select(p =>
            {
                var (x, y) = PointIn(r, z, 0.1);
                return new MapPoint { Name = p, X = x, Y = y };
            }).ToList();
            var safe = new List<MapArea>();
            var pvp = new List<MapArea>();
            switch (z.Type)
            {
                case "city":
                    safe.Add(new MapArea { Name = "City walls", Shape = "rect", X = z.X0, Y = z.Y0, Width = z.Width, Height = z.Height });
                    break;
                case "pvp":
                    safe.Add(AreaIn(r, z, places[0], "circle", 0.12));
                    pvp.Add(AreaIn(r, z, "Open battlefield", "rect", 0.7));
                    pvp.Add(AreaIn(r, z, "Obsidian mine", "circle", 0.2));
                    break;
                case "dungeon":
                    safe.Add(AreaIn(r, z, places[0], "rect", 0.15));
                    break;
                default:
                    safe.Add(AreaIn(r, z, places[0], "circle", 0.15));
                    if (r.Chance(0.5)) safe.Add(AreaIn(r, z, places[1], "rect", 0.1));
                    if (z.MinLevel >= 20) pvp.Add(AreaIn(r, z, "Contested " + places[2], "circle", 0.25));
                    break;
            }
            await AddAsync(new WorldZone
            {
                Id = r.NextGuid(),
                ZoneId = z.Id,
                Name = z.Name,
                Description = z.Description,
                ZoneType = z.Type,
                LevelRangeMin = z.MinLevel,
                LevelRangeMax = z.MaxLevel,
                Coordinates = new MapBounds { MinX = z.X0, MinY = z.Y0, MaxX = z.X1, MaxY = z.Y1 },
                SpawnPoints = spawnPoints,
                SafeZones = safe,
                PvpZones = pvp,
                IsActive = true,
                CreatedAt = created,
                UpdatedAt = Sec(created.AddDays(r.Between(0, 120))),
            });
        }
        await FlushAsync();
    }

    /// <summary>The zone where an actor of this level plays.</summary>
    ZoneDef ZoneForLevel(Random r, int level)
    {
        var fitting = zones.Where(z => z.Type != "dungeon" && z.Type != "city" && level >= z.MinLevel && level <= z.MaxLevel).ToList();
        if (r.Chance(0.2) || fitting.Count == 0) return zones[0];
        if (level >= 50 && r.Chance(0.3)) return zones.First(z => z.Type == "dungeon");
        return r.Pick(fitting);
    }

    // ---------------------------------------------------------------- territories, spawns, world events, weather

    async Task SeedWorldAsync()
    {
        await SeedTerritoriesAsync();
        await SeedSpawnPointsAsync();
        await SeedWorldEventsAsync();
        await SeedWeatherAsync();
        await FlushAsync();
    }

    static readonly string[] TerritoryTypes = ["fortress", "mine", "outpost", "farmland", "lumber_camp", "shrine"];
    static readonly string[] TerritoryWords = ["Keep", "Hold", "Watch", "Crossing", "Hollow", "Reach", "Spire", "Mine"];

    async Task SeedTerritoriesAsync()
    {
        var r = Rng("territories");
        var ownerCandidates = guilds.Where(g => g.Status == "active").ToList();
        var n = 0;
        foreach (var z in zones.Where(z => z.Type != "city"))
        {
            var places = ZonePlaces[z.Id];
            var count = z.Type == "pvp" ? 5 : z.Type == "dungeon" ? 1 : r.Between(2, 4);
            for (var i = 0; i < count; i++)
            {
                n++;
                var type = z.Type == "pvp" && i == 0 ? "fortress" : r.Pick(TerritoryTypes);
                var owned = ownerCandidates.Count > 0 && (z.Type == "pvp" ? r.Chance(0.8) : r.Chance(0.5));
                GuildInfo? owner = null;
                if (owned) owner = ownerCandidates[Math.Min(ownerCandidates.Count - 1, (int)(Math.Pow(r.NextDouble(), 2) * ownerCandidates.Count))];
                var created = Sec(Now.AddDays(-r.Between(60, 140)));
                var level = r.Between(1, 5);
                var territory = new Territory
                {
                    Id = r.NextGuid(),
                    TerritoryId = $"ter_{z.Id[5..]}_{i + 1:00}",
                    Name = $"{r.Pick(places)} {r.Pick(TerritoryWords)}",
                    ZoneId = z.Id,
                    OwnerGuildId = owner?.Id,
                    TerritoryType = type,
                    Coordinates = AreaIn(r, z, null!, r.Chance(0.5) ? "circle" : "rect", r.Between(0.08, 0.2)),
                    Resources = Json(new Dictionary<string, int>
                    {
                        [type == "mine" ? "iron_ore" : type == "lumber_camp" ? "timber" : "gold"] = r.Between(50, 900),
                        ["influence"] = r.Between(5, 100),
                    }),
                    Buildings = Json(Enumerable.Range(0, r.Between(1, 4)).Select(_ => new
                    {
                        type = r.Pick(new[] { "watchtower", "barracks", "forge", "storehouse", "wall", "shrine" }),
                        level = r.Between(1, level),
                    }).ToList()),
                    Defenses = Json(new { walls = r.Between(0, 5), guards = r.Between(0, 30), traps = r.Between(0, 6), shield_until = owner is null ? null : (DateTime?)Sec(Now.AddHours(r.Between(-48, 48))) }),
                    Level = level,
                    IsActive = z.Type != "dungeon" || r.Chance(0.5),
                    CreatedAt = created,
                    UpdatedAt = Sec(r.Between(created, Now)),
                };
                territory.Coordinates.Name = territory.Name;
                await AddAsync(territory);
            }
        }
    }

    static readonly Dictionary<string, string[]> ZoneMonsters = new()
    {
        ["zone_highspire"] = ["npc_guard_captain", "npc_banker", "npc_arena_master", "npc_auctioneer"],
        ["zone_greenhollow"] = ["mob_forest_wolf", "mob_bandit_thug", "mob_giant_rat", "mob_wild_boar"],
        ["zone_ironpeak"] = ["mob_mountain_goat", "mob_kobold_miner", "mob_stone_golem", "mob_cave_bat"],
        ["zone_mistwood"] = ["mob_dire_wolf", "mob_treant", "mob_will_o_wisp", "mob_forest_spider"],
        ["zone_sunscar"] = ["mob_sand_scorpion", "mob_mummy", "mob_dune_raider", "mob_sand_wyrm"],
        ["zone_frostreach"] = ["mob_frost_wolf", "mob_ice_elemental", "mob_yeti", "mob_frost_herald"],
        ["zone_ashen_wastes"] = ["mob_ember_imp", "mob_lava_hound", "mob_obsidian_golem", "mob_fire_drake"],
        ["zone_abyssal_depths"] = ["mob_abyssal_horror", "mob_void_priest", "boss_leviathan"],
    };

    static readonly string[] ResourceNodes = ["node_iron_vein", "node_herb_patch", "node_timber", "node_gem_deposit"];

    async Task SeedSpawnPointsAsync()
    {
        var r = Rng("spawn_points");
        foreach (var z in zones)
        {
            var count = z.Type == "city" ? 4 : z.Type == "dungeon" ? 5 : r.Between(7, 10);
            for (var i = 0; i < count; i++)
            {
                string type, entity;
                if (z.Type == "city") { type = "npc"; entity = ZoneMonsters[z.Id][i % ZoneMonsters[z.Id].Length]; }
                else if (i == 0) { type = "player"; entity = "player_respawn"; }
                else if (z.Type == "dungeon" && i == count - 1) { type = "boss"; entity = "boss_leviathan"; }
                else if (r.Chance(0.2)) { type = "resource_node"; entity = r.Pick(ResourceNodes); }
                else if (r.Chance(0.08)) { type = "boss"; entity = $"boss_{z.Id[5..]}_warlord"; }
                else { type = "monster"; entity = r.Pick(ZoneMonsters[z.Id]); }
                var (x, y) = PointIn(r, z, 0.08);
                var created = Sec(Now.AddDays(-r.Between(90, 150)));
                var minLevel = r.Between(z.MinLevel, Math.Max(z.MinLevel, z.MaxLevel - 3));
                await AddAsync(new SpawnPoint
                {
                    Id = r.NextGuid(),
                    SpawnId = $"spn_{z.Id[5..]}_{i + 1:00}",
                    ZoneId = z.Id,
                    SpawnType = type,
                    EntityId = entity,
                    Coordinates = new MapPoint { Name = r.Pick(ZonePlaces[z.Id]), X = x, Y = y, Z = R1(r.Between(0, 120)) },
                    SpawnRadius = type == "boss" ? 5 : r.Between(10, 60),
                    SpawnCount = type is "boss" or "npc" or "player" ? 1 : r.Between(2, 12),
                    RespawnTime = type switch { "boss" => 3600 * r.Between(1, 24), "resource_node" => r.Between(300, 1200), "player" => 0, "npc" => 30, _ => r.Between(30, 300) },
                    SpawnChance = type is "boss" ? D4(r.Between(0.05, 0.5)) : type is "npc" or "player" ? 1m : D4(r.Between(0.5, 1.0)),
                    LevelRange = new LevelRange { Min = minLevel, Max = Math.Min(z.MaxLevel, minLevel + r.Between(1, 5)) },
                    IsActive = r.Chance(0.93),
                    CreatedAt = created,
                    UpdatedAt = Sec(r.Between(created, Now)),
                });
            }
        }
    }

    async Task SeedWorldEventsAsync()
    {
        var r = Rng("world_events");
        (string Type, string Title, string Zone, double StartDays, double Hours, string Status)[] defs =
        [
            ("world_boss", "Ashmaw the Devourer awakens", "zone_ashen_wastes", -20, 2, "completed"),
            ("invasion", "Kobold uprising in Deepdelve", "zone_ironpeak", -14, 6, "completed"),
            ("treasure_hunt", "The Pharaoh's lost treasure", "zone_sunscar", -9, 24, "completed"),
            ("festival", "Millbrook harvest fair", "zone_greenhollow", -6, 48, "completed"),
            ("storm", "Blizzard of the Frost Queen", "zone_frostreach", -4, 12, "completed"),
            ("invasion", "Bandit raid on the caravan road", "zone_sunscar", -2, 3, "failed"),
            ("world_boss", "The Leviathan stirs", "zone_abyssal_depths", -0.05, 3, "active"),
            ("festival", "Highspire night market", "zone_highspire", -0.5, 30, "active"),
            ("invasion", "Spider swarm in Elderglade", "zone_mistwood", -0.1, 4, "active"),
            ("world_boss", "Frost Herald Ymira", "zone_frostreach", 1, 2, "scheduled"),
            ("treasure_hunt", "Sunken shrine relics", "zone_mistwood", 3, 24, "scheduled"),
            ("siege", "Siege of the Obsidian Bastion", "zone_ashen_wastes", 5, 3, "scheduled"),
            ("festival", "Midwinter lantern festival", "zone_highspire", 12, 72, "scheduled"),
            ("world_boss", "Stone colossus of Ironpeak", "zone_ironpeak", 2, 2, "cancelled"),
        ];
        var i = 0;
        foreach (var d in defs)
        {
            i++;
            var z = zones.First(x => x.Id == d.Zone);
            var start = Sec(Now.AddDays(d.StartDays));
            var max = d.Type == "world_boss" ? 40 : d.Type == "festival" ? (int?)null : 100;
            var current = d.Status switch
            {
                "completed" or "failed" => r.Between(10, max ?? 250),
                "active" => r.Between(5, max ?? 150),
                "scheduled" => r.Between(0, 10),
                _ => 0,
            };
            if (max is { } m) current = Math.Min(current, m);
            await AddAsync(new WorldEvent
            {
                Id = r.NextGuid(),
                EventId = $"wev_{i:000}_{d.Type}",
                EventType = d.Type,
                Title = d.Title,
                Description = $"{d.Title} in {z.Name}. Levels {z.MinLevel}-{z.MaxLevel}.",
                ZoneId = z.Id,
                StartTime = start,
                EndTime = start.AddHours(d.Hours),
                Duration = (int)(d.Hours * 60),
                MaxParticipants = max,
                CurrentParticipants = current,
                Status = d.Status,
                Rewards = RewardFor(r, z.MaxLevel, d.Type == "world_boss" ? "epic" : "rare"),
                Requirements = new Requirements { MinLevel = z.MinLevel },
                CreatedAt = Sec(start.AddDays(-r.Between(3, 14))),
            });
        }
    }

    static readonly Dictionary<string, (string Type, double Weight)[]> ClimateWeather = new()
    {
        ["temperate"] = [("clear", 4), ("cloudy", 3), ("rain", 2), ("storm", 0.6), ("fog", 0.8)],
        ["alpine"] = [("clear", 3), ("cloudy", 3), ("snow", 2), ("blizzard", 0.6), ("fog", 1)],
        ["forest"] = [("fog", 4), ("rain", 2.5), ("cloudy", 2), ("clear", 1.5)],
        ["desert"] = [("clear", 6), ("heatwave", 2), ("sandstorm", 1.2), ("cloudy", 0.5)],
        ["arctic"] = [("snow", 4), ("blizzard", 1.5), ("clear", 2), ("cloudy", 2)],
        ["volcanic"] = [("ash_fall", 3), ("clear", 2), ("heatwave", 2), ("storm", 1)],
        ["underground"] = [("still_air", 6), ("spore_mist", 1.5)],
    };

    static readonly Dictionary<string, double> ClimateTemperature = new()
    {
        ["temperate"] = 16, ["alpine"] = 2, ["forest"] = 12, ["desert"] = 34, ["arctic"] = -18, ["volcanic"] = 41, ["underground"] = 9,
    };

    async Task SeedWeatherAsync()
    {
        var r = Rng("weather");
        var start = Now.Date.AddDays(-14);
        foreach (var z in zones)
        {
            var options = ClimateWeather[z.Climate];
            var weather = r.PickWeighted(options);
            for (var t = start; t < Now; t = t.AddHours(1))
            {
                // Weather persists: change about one hour in six.
                if (r.Chance(0.17)) weather = r.PickWeighted(options);
                var diurnal = Math.Sin((t.Hour - 9) / 24.0 * 2 * Math.PI);
                var temp = ClimateTemperature[z.Climate] + diurnal * (z.Climate == "desert" ? 12 : 5) + r.Normal(0, 1.5)
                    + weather switch { "snow" or "blizzard" => -4, "heatwave" => 6, "rain" or "storm" => -2, _ => 0 };
                var intensity = weather is "clear" or "still_air" ? r.Between(0, 0.15) : r.Between(0.2, 1.0);
                var wind = weather is "storm" or "blizzard" or "sandstorm" ? r.Between(40, 95) : r.Between(0, 25);
                var effects = weather switch
                {
                    "storm" => new { visibility = 0.5, movement_speed = 0.9, lightning_damage = true },
                    "blizzard" => new { visibility = 0.3, movement_speed = 0.75, lightning_damage = false },
                    "sandstorm" => new { visibility = 0.35, movement_speed = 0.8, lightning_damage = false },
                    "fog" or "spore_mist" or "ash_fall" => new { visibility = 0.6, movement_speed = 1.0, lightning_damage = false },
                    _ => new { visibility = 1.0, movement_speed = 1.0, lightning_damage = false },
                };
                await AddAsync(new WeatherData
                {
                    Id = r.NextGuid(),
                    ZoneId = z.Id,
                    WeatherType = weather,
                    Intensity = D4(intensity),
                    Temperature = D2(temp),
                    Humidity = z.Climate is "desert" or "volcanic" ? D2(r.Between(5, 25)) : D2(r.Between(45, 98)),
                    WindSpeed = z.Climate == "underground" ? null : D2(wind),
                    WindDirection = z.Climate == "underground" ? null : r.Between(0, 359),
                    Effects = Json(effects),
                    Timestamp = Sec(t.AddSeconds(r.Between(0, 240))),
                });
            }
        }
    }
}
