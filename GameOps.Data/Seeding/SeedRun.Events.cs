using GameOps.Data.Entities;
using GameOps.Data.Json;

namespace GameOps.Data.Seeding;

internal sealed partial class SeedRun
{
    internal sealed record EventDef(string Key, string Name, string Type, string Category, string Status,
        double StartDays, double Hours, int? MaxParticipants, int MinLevel, string? Cron, string Description);

    static readonly EventDef[] EventDefs =
    [
        new("harvest_festival", "Harvest Festival", "seasonal", "festival", "ended", -62, 24 * 7, null, 1, null,
            "Pumpkin hunts, hayride races and a giant scarecrow to burn."),
        new("spring_arena_cup", "Spring Arena Cup", "pvp_tournament", "pvp", "ended", -41, 48, 256, 20, null,
            "Bracket tournament in 3v3 arena. Top 8 teams win exclusive titles."),
        new("guild_siege_week", "Guild Siege Week", "guild_war", "pvp", "ended", -30, 24 * 7, null, 30, null,
            "Every fortress in the Ashen Wastes is open to attack for a week."),
        new("double_xp_weekend", "Double XP Weekend", "double_xp", "progression", "ended", -19, 60, null, 1, null,
            "All experience gains doubled from Friday evening to Sunday night."),
        new("ashmaw_world_boss", "World Boss: Ashmaw", "pve_raid", "pve", "ended", -12, 3, 80, 45, null,
            "Ashmaw the Devourer rises from the lava lake. Bring fire resistance."),
        new("fishing_derby", "Greenhollow Fishing Derby", "community", "casual", "ended", -6, 5, 200, 1, null,
            "Biggest fish wins. Bring bait, leave the swords at home."),
        new("frostfall_festival", "Frostfall Festival", "seasonal", "festival", "active", -3, 24 * 7, null, 1, null,
            "Snowball fights in Highspire, ice sculptures and a daily present under the great tree."),
        new("weekly_guild_siege", "Saturday Night Siege", "guild_war", "pvp", "active", -22, 24 * 60, 400, 30, "0 18 * * 6",
            "Weekly siege window. Guilds register their banners before 18:00 (Paris time)."),
        new("daily_login_bonus", "Daily Login Bonus", "login_bonus", "retention", "active", -25, 24 * 35, null, 1, "0 6 * * *",
            "Log in every day for a new reward; the seventh day gives an epic chest."),
        new("midsummer_games", "Midsummer Games", "seasonal", "festival", "scheduled", 10, 24 * 7, null, 1, null,
            "Races, archery and the great tug-of-war across the river."),
        new("ranked_season_5", "Ranked Season 5", "pvp_tournament", "pvp", "scheduled", 21, 24 * 60, null, 20, null,
            "A new ranked season: ratings soft-reset, new rewards track."),
        new("leviathan_raid_race", "Leviathan Raid Race", "pve_raid", "pve", "scheduled", 4, 48, 300, 55, null,
            "First guild to defeat the Leviathan on heroic wins a statue in Highspire."),
        new("halloween_masquerade", "Halloween Masquerade", "seasonal", "festival", "draft", 45, 24 * 10, null, 1, null,
            "Draft: costumes, haunted maze, candy currency. Rewards still to be decided."),
        new("community_raid_night", "Community Raid Night", "community", "pve", "cancelled", 5, 4, 120, 40, null,
            "Cancelled: the Abyssal Depths servers need maintenance that evening."),
    ];

    internal sealed record EventInfo(Guid Id, string EventId, EventDef Def, DateTime Start, DateTime End);

    readonly List<EventInfo> events = [];

    /// <summary>The managed event types and categories: every value the demo events use, with a label people read.</summary>
    internal static readonly (string Kind, string Key, string Label, string Description)[] EventKindDefs =
    [
        (EventKind.TypeKind, "seasonal", "Seasonal festival", "A themed festival tied to the season."),
        (EventKind.TypeKind, "pvp_tournament", "PvP tournament", "A bracket or ranked competition between players."),
        (EventKind.TypeKind, "guild_war", "Guild war", "Guilds fight over fortresses or territory."),
        (EventKind.TypeKind, "double_xp", "Double XP", "Experience gains multiplied for a while."),
        (EventKind.TypeKind, "pve_raid", "PvE raid", "A world boss or raid challenge."),
        (EventKind.TypeKind, "community", "Community event", "A casual gathering run with the community."),
        (EventKind.TypeKind, "login_bonus", "Login bonus", "Rewards for logging in on consecutive days."),
        (EventKind.CategoryKind, "festival", "Festival", "Seasonal and celebration events."),
        (EventKind.CategoryKind, "pvp", "PvP", "Player-versus-player events."),
        (EventKind.CategoryKind, "pve", "PvE", "Player-versus-environment events."),
        (EventKind.CategoryKind, "progression", "Progression", "Boosts to levelling and crafting."),
        (EventKind.CategoryKind, "casual", "Casual", "Low-stakes fun for every level."),
        (EventKind.CategoryKind, "retention", "Retention", "Events that bring players back daily."),
    ];

    async Task SeedEventKindsAsync()
    {
        var r = Rng("event_kinds");
        var created = Sec(Now.AddDays(-90));
        var order = 0;
        foreach (var (kind, key, label, description) in EventKindDefs)
            await AddAsync(new EventKind
            {
                Id = r.NextGuid(), Kind = kind, Key = key, Label = label, Description = description, SortOrder = (order++ % 100) * 10,
                IsActive = true, Version = 1, CreatedAt = created, UpdatedAt = created,
            });
    }

    async Task SeedGameEventsAsync()
    {
        await SeedEventKindsAsync();
        var r = Rng("events");
        foreach (var d in EventDefs)
        {
            var start = Sec(Today.AddDays(Math.Floor(d.StartDays)).AddHours(d.Cron is null ? 17 : 16));
            if (d.Key == "daily_login_bonus") start = Sec(Today.AddDays(d.StartDays).AddHours(5));
            var end = Sec(start.AddHours(d.Hours));
            var info = new EventInfo(r.NextGuid(), $"evt_{d.Key}", d, start, end);
            events.Add(info);
        }

        var participations = new Dictionary<Guid, List<EventParticipation>>();
        var pr = Rng("event_participations");
        foreach (var e in events)
        {
            var list = new List<EventParticipation>();
            participations[e.Id] = list;
            if (e.Def.Status is "draft") continue;
            var eligible = players.Where(p => p.Main.Level >= e.Def.MinLevel && p.CreatedAt < e.Start.AddHours(Math.Min(e.Def.Hours, 24))
                && p.LastSeen > e.Start.AddDays(-3)).ToList();
            var share = e.Def.Status switch { "scheduled" => 0.08, "cancelled" => 0.1, _ => e.Def.Type is "login_bonus" ? 0.6 : 0.3 };
            var chosen = eligible.Where(p => pr.Chance(share * (0.4 + p.Engagement))).ToList();
            if (e.Def.MaxParticipants is { } max && chosen.Count > max) chosen = chosen.Take(max).ToList();
            foreach (var p in chosen)
            {
                var joinFrom = e.Def.Status == "scheduled" || e.Def.Status == "cancelled" ? Now.AddDays(-5) : e.Start.AddDays(-2);
                var joined = pr.Between(Max(joinFrom, p.CreatedAt), Min(Min(e.End, Now), p.LastSeen).AddSeconds(1));
                string status;
                DateTime? completed = null;
                int? score = null;
                if (e.Def.Status == "ended")
                {
                    status = pr.Chance(0.75) ? "completed" : "abandoned";
                    score = status == "completed" ? (int)(pr.Between(100, 1000) * (0.5 + p.Engagement)) : pr.Between(0, 150);
                    if (status == "completed") completed = Min(pr.Between(joined, Max(joined, Min(e.End, p.LastSeen)).AddSeconds(1)), e.End);
                }
                else if (e.Def.Status == "active")
                {
                    status = pr.PickWeighted<string>([("joined", 6), ("completed", 3), ("abandoned", 1)]);
                    score = status == "joined" ? pr.Between(0, 500) : status == "completed" ? (int)(pr.Between(100, 1000) * (0.5 + p.Engagement)) : pr.Between(0, 100);
                    if (status == "completed") completed = pr.Between(joined, Max(joined, Min(Now, p.LastSeen)).AddSeconds(1));
                }
                else if (e.Def.Status == "cancelled") status = "abandoned";
                else status = "joined";
                list.Add(new EventParticipation
                {
                    Id = pr.NextGuid(), EventId = e.Id, UserId = p.Id, ActorId = p.Main.Id,
                    Status = status, Score = score, JoinedAt = joined, CompletedAt = completed,
                });
            }
            var rank = 0;
            foreach (var part in list.Where(x => x.Status == "completed").OrderByDescending(x => x.Score).ThenBy(x => x.JoinedAt).ThenBy(x => x.Id))
                part.Rank = ++rank;
        }

        foreach (var e in events)
        {
            var d = e.Def;
            var count = participations[e.Id].Count;
            var settings = d.Type switch
            {
                "double_xp" => Json(new { xp_multiplier = 2.0, applies_to = new[] { "quests", "kills", "crafting" } }),
                "pvp_tournament" => Json(new { format = "bracket", team_size = 3, best_of = 3, region = "eu-west" }),
                "guild_war" => Json(new { zone_id = "zone_ashen_wastes", max_guilds = 16, respawn_seconds = 30 }),
                "login_bonus" => Json(new { cycle_days = 7, reset_hour_utc = 6 }),
                "pve_raid" => Json(new { zone_id = "zone_abyssal_depths", difficulty = "heroic", group_size = 20 }),
                _ => Json(new { announcement_banner = true, shop_discount_percent = r.Between(0, 4) * 5 }),
            };
            var title = d.Type is "pvp_tournament" or "pve_raid" ? d.Name + " Champion" : null;
            await AddAsync(new GameEvent
            {
                Id = e.Id,
                EventId = e.EventId,
                Name = d.Name,
                Description = d.Description,
                EventType = d.Type,
                Category = d.Category,
                Status = d.Status,
                StartTime = e.Start,
                EndTime = e.End,
                Duration = (int)(d.Hours * 60),
                MaxParticipants = d.MaxParticipants,
                CurrentParticipants = count,
                Requirements = new Requirements { MinLevel = d.MinLevel, Quests = d.MinLevel >= 45 ? ["q_embers_05"] : [] },
                Rewards = RewardFor(r, Math.Max(10, d.MinLevel), d.Type is "pve_raid" or "pvp_tournament" ? "epic" : "rare", title),
                Settings = settings,
                CreatedBy = r.Chance(0.7) ? moderators[0].Id : null,
                CreatedAt = Sec(Min(e.Start.AddDays(-r.Between(7, 30)), Now.AddDays(-1))),
                UpdatedAt = Sec(Min(e.Start.AddDays(-r.Between(0, 6)), Now.AddHours(-1))),
            });
        }
        await FlushAsync();

        // Rewards: by rank, score threshold, participation and completion.
        var rewardItems = items.Where(i => i.Type is "weapon" or "armor" or "accessory" or "consumable" && i.Rarity != "common").ToList();
        foreach (var e in events)
        {
            var created = Sec(Min(e.Start.AddDays(-7), Now.AddDays(-1)));
            var tiers = new List<(string Cond, int? RMin, int? RMax, int? Score, string Rarity)>
            {
                ("participation", null, null, null, "uncommon"),
                ("completion", null, null, null, "rare"),
            };
            if (e.Def.Type is "pvp_tournament" or "pve_raid" or "guild_war" or "community")
            {
                tiers.Add(("rank", 1, 1, null, "legendary"));
                tiers.Add(("rank", 2, 10, null, "epic"));
                tiers.Add(("rank", 11, 50, null, "rare"));
            }
            else tiers.Add(("score_threshold", null, null, 500, "epic"));
            foreach (var t in tiers)
            {
                var pool = rewardItems.Where(i => i.Rarity == t.Rarity).ToList();
                var it = r.Pick(pool);
                await AddAsync(new EventReward
                {
                    Id = r.NextGuid(), EventId = e.Id, ItemId = it.Id,
                    Quantity = it.Type == "consumable" ? r.Between(3, 10) : 1,
                    ConditionType = t.Cond, RankMin = t.RMin, RankMax = t.RMax, ScoreThreshold = t.Score,
                    CreatedAt = created, UpdatedAt = created,
                });
            }
        }

        // Schedules: one-off windows, plus recurring cron rules for the weekly/daily events.
        foreach (var e in events)
        {
            var created = Sec(Min(e.Start.AddDays(-7), Now.AddDays(-1)));
            if (e.Def.Cron is { } cron)
            {
                var tz = "Europe/Paris";
                var duration = e.Def.Key == "daily_login_bonus" ? 24 * 60 : 180;
                var next = NextCronRun(cron, tz, Now);
                var last = PreviousCronRun(cron, tz, Now);
                await AddAsync(new EventSchedule
                {
                    Id = r.NextGuid(), EventId = e.Id, ScheduleType = "recurring", CronExpression = cron, TimeZone = tz,
                    WindowStart = e.Start, WindowEnd = e.End, DurationMinutes = duration,
                    NextRun = next < e.End ? next : null, LastRun = last > e.Start ? last : null,
                    IsActive = e.Def.Status == "active", CreatedAt = created, UpdatedAt = Sec(Min(Now, Max(created, last))),
                });
            }
            else
            {
                await AddAsync(new EventSchedule
                {
                    Id = r.NextGuid(), EventId = e.Id, ScheduleType = "one_off", CronExpression = null, TimeZone = "UTC",
                    WindowStart = e.Start, WindowEnd = e.End, DurationMinutes = (int)(e.Def.Hours * 60),
                    NextRun = e.Start > Now ? e.Start : null, LastRun = e.Start <= Now ? e.Start : null,
                    IsActive = e.Def.Status is "scheduled" or "active",
                    CreatedAt = created, UpdatedAt = created,
                });
                if (e.Def.Key == "harvest_festival" || e.Def.Key == "midsummer_games")
                {
                    // A nightly fireworks show inside the festival window.
                    var next = NextCronRun("30 21 * * *", "Europe/Paris", Max(Now, e.Start));
                    await AddAsync(new EventSchedule
                    {
                        Id = r.NextGuid(), EventId = e.Id, ScheduleType = "recurring", CronExpression = "30 21 * * *", TimeZone = "Europe/Paris",
                        WindowStart = e.Start, WindowEnd = e.End, DurationMinutes = 30,
                        NextRun = next < e.End ? next : null, LastRun = e.End <= Now ? PreviousCronRun("30 21 * * *", "Europe/Paris", e.End) : null,
                        IsActive = e.End > Now, CreatedAt = created, UpdatedAt = created,
                    });
                }
            }
        }
        await FlushAsync();

        foreach (var e in events)
            foreach (var p in participations[e.Id])
                await AddAsync(p);
        await FlushAsync();

        // Analytics: a daily series per event that has started.
        var ar = Rng("event_analytics");
        foreach (var e in events.Where(x => x.Start <= Now && x.Def.Status is "ended" or "active"))
        {
            var parts = participations[e.Id];
            var until = Min(e.End, Now);
            for (var day = e.Start.Date; day <= until.Date; day = day.AddDays(1))
            {
                var at = Sec(Min(day.AddDays(1).AddSeconds(-1), until));
                var joined = parts.Count(p => p.JoinedAt <= at);
                var completedCount = parts.Count(p => p.CompletedAt is { } c && c <= at);
                var scores = parts.Where(p => p.JoinedAt <= at && p.Score is not null).Select(p => (double)p.Score!.Value).ToList();
                var tags = Json(new { event_type = e.Def.Type, source = "event_service" });
                await AddAsync(new EventAnalytics { Id = ar.NextGuid(), EventId = e.EventId, MetricName = "participants", MetricValue = joined, MetricType = "gauge", Tags = tags, Timestamp = at });
                await AddAsync(new EventAnalytics { Id = ar.NextGuid(), EventId = e.EventId, MetricName = "completions", MetricValue = completedCount, MetricType = "counter", Tags = tags, Timestamp = at });
                await AddAsync(new EventAnalytics { Id = ar.NextGuid(), EventId = e.EventId, MetricName = "avg_score", MetricValue = D4(scores.Count == 0 ? 0 : scores.Average()), MetricType = "gauge", Tags = tags, Timestamp = at });
                await AddAsync(new EventAnalytics { Id = ar.NextGuid(), EventId = e.EventId, MetricName = "rewards_claimed", MetricValue = (int)(completedCount * ar.Between(0.8, 1.0)), MetricType = "counter", Tags = tags, Timestamp = at });
            }
        }
        await FlushAsync();
    }

    // ---------------------------------------------------------------- minimal cron ("m h * * dow" and "m h * * *")

    static TimeZoneInfo? FindZone(string id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (TimeZoneNotFoundException) { return null; }
        catch (InvalidTimeZoneException) { return null; }
    }

    static (int Minute, int Hour, int? DayOfWeek) ParseCron(string cron)
    {
        var f = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (int.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture),
            f[4] == "*" ? null : int.Parse(f[4], System.Globalization.CultureInfo.InvariantCulture) % 7);
    }

    /// <summary>Local wall-clock run times of the rule around <paramref name="utc"/>, converted to UTC.</summary>
    static IEnumerable<DateTime> CronRuns(string cron, string timeZone, DateTime utc, int direction)
    {
        var (minute, hour, dow) = ParseCron(cron);
        var zone = FindZone(timeZone);
        var local = zone is null ? utc.AddHours(1) : TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        for (var i = -1; i < 9; i++)
        {
            var day = local.Date.AddDays(direction * i);
            if (dow is { } d && (int)day.DayOfWeek != d) continue;
            var wall = DateTime.SpecifyKind(day.AddHours(hour).AddMinutes(minute), DateTimeKind.Unspecified);
            var runUtc = zone is null ? wall.AddHours(-1) : zone.IsInvalidTime(wall) ? TimeZoneInfo.ConvertTimeToUtc(wall.AddHours(1), zone) : TimeZoneInfo.ConvertTimeToUtc(wall, zone);
            yield return DateTime.SpecifyKind(runUtc, DateTimeKind.Utc);
        }
    }

    static DateTime NextCronRun(string cron, string timeZone, DateTime utc) =>
        CronRuns(cron, timeZone, utc, 1).Where(t => t > utc).Min();

    static DateTime PreviousCronRun(string cron, string timeZone, DateTime utc) =>
        CronRuns(cron, timeZone, utc, -1).Where(t => t <= utc).Max();
}
