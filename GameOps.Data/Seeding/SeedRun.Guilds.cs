using GameOps.Data.Entities;

namespace GameOps.Data.Seeding;

internal sealed class GuildInfo
{
    public Guid Id;
    public string GuildId = "";
    public string Name = "";
    public string Status = "active";
    public int Level;
    public DateTime CreatedAt;
    public double Popularity;
    public readonly List<ActorInfo> Members = [];
    public ActorInfo? Leader;
}

internal sealed partial class SeedRun
{
    readonly List<GuildInfo> guilds = [];

    static readonly string[] GuildPrefixes = ["Order of the", "Knights of", "House", "Children of", "Legion of", "Brotherhood of", "Circle of", "Sons of", "Keepers of", "The"];
    static readonly string[] GuildNouns =
    [
        "Dawn", "Embers", "the Silver Moon", "the Iron Wolf", "the Storm", "the Crimson Tide", "Eternal Night", "the Phoenix", "Frost",
        "the Last Light", "Ashes", "the Golden Lion", "Thorns", "the Void", "the Tempest", "Broken Chains", "the Northern Star", "Valor",
    ];
    static readonly string[] GuildOddNames =
    [
        "Lootcouncil", "Casual Friday", "Tavern Brawlers", "Pixel Pirates", "No Pants Raiding", "Wipe Club", "Couch Potatoes", "Mostly Harmless",
        "Ctrl Alt Defeat", "Snack Overflow", "Dad Raiders", "Respawn Crew",
    ];

    async Task SeedGuildsAsync()
    {
        var r = Rng("guilds");
        var count = Scaled(24);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < count; i++)
        {
            string name;
            do
            {
                name = r.Chance(0.3) ? r.Pick(GuildOddNames) : $"{r.Pick(GuildPrefixes)} {r.Pick(GuildNouns)}";
                if (names.Count >= GuildOddNames.Length + GuildPrefixes.Length * GuildNouns.Length / 2) name += " " + r.Between(2, 999);
            } while (!names.Add(name));
            guilds.Add(new GuildInfo
            {
                Id = r.NextGuid(),
                GuildId = "gld_" + r.Hex(10),
                Name = name,
                CreatedAt = r.Between(Now.AddDays(-118), Now.AddDays(-3)),
                Popularity = 1.0 / Math.Pow(i + 1, 0.8),
            });
        }

        // Members: mostly main characters, leaving some loners.
        var candidates = actors.Where(a => a.Level >= 5 && (a == a.Player.Main || r.Chance(0.3))).ToList();
        foreach (var a in r.Sample(candidates, candidates.Count))
        {
            if (!r.Chance(a.Player.Engagement > 0.4 ? 0.7 : 0.45)) continue;
            var open = guilds.Where(g => g.CreatedAt < a.LastActive && g.Members.Count < 80).ToList();
            if (open.Count == 0) continue;
            var g = r.PickWeighted(open.Select(x => (x, x.Popularity)).ToList());
            a.Guild = g;
            a.GuildJoinedAt = r.Between(Max(g.CreatedAt, a.CreatedAt), a.LastActive.AddSeconds(1));
            g.Members.Add(a);
        }

        var guildActivities = new List<GuildActivity>();
        foreach (var g in guilds)
        {
            if (g.Members.Count == 0)
            {
                var founder = actors.Where(a => a.Guild is null && a.Level >= 10 && a.CreatedAt < g.CreatedAt && a.LastActive > g.CreatedAt).ToList();
                if (founder.Count > 0)
                {
                    var a = r.Pick(founder);
                    a.Guild = g;
                    a.GuildJoinedAt = g.CreatedAt;
                    g.Members.Add(a);
                }
            }
            g.Members.Sort((x, y) => x.GuildJoinedAt!.Value.CompareTo(y.GuildJoinedAt!.Value));
            if (g.Members.Count > 0)
            {
                g.Leader = g.Members[0];
                g.CreatedAt = g.Leader.GuildJoinedAt!.Value;
                g.Leader.GuildRank = "leader";
                var officers = g.Members.Skip(1).OrderByDescending(m => m.Level).ThenBy(m => m.Id).Take(Math.Min(4, Math.Max(1, g.Members.Count / 6))).ToList();
                foreach (var m in g.Members.Skip(1))
                    m.GuildRank = officers.Contains(m) ? "officer" : m.GuildJoinedAt > Now.AddDays(-7) ? "recruit" : "member";
            }
            var ageDays = (Now - g.CreatedAt).TotalDays;
            g.Level = Math.Clamp(1 + g.Members.Count / 5 + (int)(ageDays / 25), 1, 10);
            g.Status = g.Members.Count == 0 || g.Members.All(m => m.LastActive < Now.AddDays(-21)) ? "inactive" : "active";
        }

        foreach (var g in guilds)
        {
            var maxMembers = Math.Max(20 + g.Level * 5, g.Members.Count + 5);
            var updated = g.Members.Count > 0 ? g.Members.Max(m => m.GuildJoinedAt!.Value) : g.CreatedAt;
            await AddAsync(new Guild
            {
                Id = g.Id,
                GuildId = g.GuildId,
                Name = g.Name,
                Description = r.Pick(new[]
                {
                    "Friendly guild for all levels. Raids on Friday and Saturday evenings.",
                    "Hardcore PvP. Apply with your arena rating.",
                    "Casual adults, no drama. Discord required.",
                    "We craft, we trade, we conquer the Ashen Wastes.",
                    "Recruiting healers and tanks for Abyssal Depths progression.",
                    "Chill community, weekly events, helping new players level up.",
                    "Roleplay guild: stay in character in guild chat please.",
                }),
                EmblemUrl = $"https://cdn.gameops.local/emblems/{g.GuildId}.png",
                Level = g.Level,
                Experience = TotalXp[Math.Min(60, g.Level * 3)] * 10 + r.Between(0, 50000),
                MaxMembers = maxMembers,
                Treasury = g.Members.Count == 0 ? 0 : (long)(g.Level * g.Members.Count * r.Between(500, 4000)),
                Status = g.Status,
                CreatedAt = g.CreatedAt,
                UpdatedAt = Max(updated, g.CreatedAt),
            });
        }
        await FlushAsync();

        foreach (var g in guilds)
        {
            foreach (var m in g.Members)
            {
                await AddAsync(new GuildMember
                {
                    Id = r.NextGuid(),
                    GuildId = g.Id,
                    ActorId = m.Id,
                    Rank = m.GuildRank ?? "member",
                    Contribution = (long)(m.Level * 100 * m.Player.Engagement * r.Between(0.5, 3.0)) + (m.GuildRank == "leader" ? 5000 : 0),
                    Note = m.GuildRank switch
                    {
                        "leader" => "Founder",
                        "officer" => r.Pick(new[] { "Raid lead", "Recruitment", "Bank keeper", "PvP captain" }),
                        "recruit" => r.Chance(0.5) ? "Trial until next raid" : null,
                        _ => r.Chance(0.15) ? r.Pick(new[] { "Main tank", "Alt of an officer", "Crafter", "Healer" }) : null,
                    },
                    JoinedAt = m.GuildJoinedAt!.Value,
                    LastActiveAt = m.LastActive,
                });
                guildActivities.Add(new GuildActivity
                {
                    Id = r.NextGuid(), GuildId = g.Id, ActorId = m.Id,
                    ActivityType = m.GuildRank == "leader" ? "guild_created" : "member_joined",
                    Details = Json(new { actor_name = m.Name, level = m.Level, invited_by = m.GuildRank == "leader" ? null : g.Leader?.Name }),
                    CreatedAt = m.GuildJoinedAt!.Value,
                });
                if (m.GuildRank == "officer")
                    guildActivities.Add(new GuildActivity
                    {
                        Id = r.NextGuid(), GuildId = g.Id, ActorId = m.Id, ActivityType = "member_promoted",
                        Details = Json(new { actor_name = m.Name, from_rank = "member", to_rank = "officer", by = g.Leader?.Name }),
                        CreatedAt = r.Between(m.GuildJoinedAt!.Value, Max(m.GuildJoinedAt!.Value, m.LastActive).AddSeconds(1)),
                    });
            }
        }

        var storable = items.Where(i => i.Type is "material" or "consumable" || (i.Type is "weapon" or "armor" or "accessory" && i.Rarity is "rare" or "epic")).ToList();
        foreach (var g in guilds.Where(g => g.Members.Count > 0))
        {
            var n = Math.Min(50, r.Between(3, 8) + g.Level * 2);
            foreach (var slot in r.Sample(Enumerable.Range(0, 50).ToList(), n).Order())
            {
                var it = r.Pick(storable);
                var depositor = r.Chance(0.9) ? r.Pick(g.Members) : null;
                var from = depositor?.GuildJoinedAt ?? g.CreatedAt;
                var to = depositor?.LastActive ?? Now;
                var at = r.Between(from, Max(from, to).AddSeconds(1));
                var qty = it.StackSize <= 1 ? 1 : r.Between(1, it.StackSize);
                await AddAsync(new GuildStorageItem
                {
                    Id = r.NextGuid(), GuildId = g.Id, ItemId = it.Id, Quantity = qty, SlotPosition = slot,
                    DepositedBy = depositor?.Id, DepositedAt = at,
                });
                guildActivities.Add(new GuildActivity
                {
                    Id = r.NextGuid(), GuildId = g.Id, ActorId = depositor?.Id, ActivityType = "item_deposited",
                    Details = Json(new { item_id = it.ItemId, quantity = qty, slot }),
                    CreatedAt = at,
                });
            }
            var extra = r.Between(4, 10) + g.Level;
            for (var i = 0; i < extra; i++)
            {
                var m = r.Pick(g.Members);
                var at = r.Between(m.GuildJoinedAt!.Value, Max(m.GuildJoinedAt!.Value, m.LastActive).AddSeconds(1));
                var type = r.PickWeighted<string>([("gold_deposited", 5), ("item_withdrawn", 3), ("raid_completed", 2), ("level_up", 1), ("member_left", 1.5), ("territory_captured", 1), ("motd_changed", 1)]);
                object details = type switch
                {
                    "gold_deposited" => new { amount = r.Between(1, 200) * 100, actor_name = m.Name },
                    "item_withdrawn" => new { item_id = r.Pick(storable).ItemId, quantity = r.Between(1, 10), actor_name = m.Name },
                    "raid_completed" => new { dungeon = "zone_abyssal_depths", boss = r.Pick(new[] { "mob_void_priest", "boss_leviathan" }), participants = r.Between(5, 20), duration_minutes = r.Between(25, 180) },
                    "level_up" => new { new_level = r.Between(2, g.Level + 1) },
                    "member_left" => new { actor_name = NewActorName(r, []), reason = r.Pick(new[] { "left", "kicked", "inactive" }) },
                    "territory_captured" => new { zone_id = "zone_ashen_wastes", territory = r.Pick(ZonePlaces["zone_ashen_wastes"]) },
                    _ => new { message = r.Pick(new[] { "Raid tonight 20:00 server time!", "Bank is for raiders first.", "Welcome new recruits!", "Be nice in guild chat." }) },
                };
                guildActivities.Add(new GuildActivity
                {
                    Id = r.NextGuid(), GuildId = g.Id,
                    ActorId = type is "member_left" or "level_up" ? null : m.Id,
                    ActivityType = type, Details = Json(details), CreatedAt = at,
                });
            }
        }
        await AddAllAsync(guildActivities.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id));
        await FlushAsync();

        await SeedActorAchievementsAsync();
        await FlushAsync();
    }

    async Task SeedActorAchievementsAsync()
    {
        var r = Rng("actor_achievements");
        foreach (var a in actors)
        {
            var e = a.Player.Engagement;
            var daysPlayed = (int)((a.LastActive - a.CreatedAt).TotalDays * (0.3 + 0.7 * e));
            foreach (var ach in achievements)
            {
                DateTime? earned = null;
                var progress = (object?)null;
                switch (ach.Type)
                {
                    case "reach_level" when ach.Target is null:
                        if (a.Level >= ach.Count) earned = LevelTime(a, ach.Count);
                        break;
                    case "reach_level":
                        if (a.Level >= ach.Count && r.Chance(0.6)) earned = r.Between(LevelTime(a, ach.Count), a.LastActive.AddSeconds(1));
                        break;
                    case "complete_quests":
                        if (ach.Target is null && a.CompletedQuests >= ach.Count) earned = r.Between(a.CreatedAt, a.LastActive.AddSeconds(1));
                        else if (ach.Target is not null && a.Level >= 15 + ach.Count * 2 && r.Chance(0.4)) earned = r.Between(a.CreatedAt, a.LastActive.AddSeconds(1));
                        else progress = new { completed = Math.Min(a.CompletedQuests, ach.Count), required = ach.Count };
                        break;
                    case "join_guild":
                        if (a.GuildJoinedAt is { } joined) earned = joined;
                        break;
                    case "login_days":
                        if (daysPlayed >= ach.Count) earned = r.Between(a.CreatedAt.AddDays(ach.Count), Max(a.CreatedAt.AddDays(ach.Count), a.LastActive).AddSeconds(1));
                        break;
                    default:
                        if (r.Chance(Math.Min(0.85, a.Level / 60.0 * e * 1.6)) && a.Level >= 8)
                            earned = r.Between(a.CreatedAt, a.LastActive.AddSeconds(1));
                        break;
                }
                if (earned is null) continue;
                var at = Min(Max(earned.Value, a.CreatedAt), a.LastActive);
                await AddAsync(new ActorAchievement
                {
                    Id = r.NextGuid(),
                    ActorId = a.Id,
                    AchievementId = ach.Id,
                    EarnedAt = at,
                    ProgressData = Json(progress ?? new { completed = ach.Count, required = ach.Count }),
                });
            }
        }
    }
}
