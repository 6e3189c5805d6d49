using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Services.World;

/// <summary>The World workspace's reads: one context per call, AsNoTracking projections.</summary>
public sealed class WorldQueries(IDbContextFactory<GameOpsDbContext> contexts, CurrentStaff currentStaff, TimeProvider? clock = null)
{
    public DateTime Now() => (clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;

    public async Task<IReadOnlyList<ZoneOption>> ZonesAsync(CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.WorldRead);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.WorldZones.AsNoTracking().OrderBy(z => z.Name)
            .Select(z => new ZoneOption(z.Id, z.ZoneId, z.Name, z.ZoneType, z.IsActive)).ToListAsync(ct);
    }

    /// <summary>
    /// The NPCs placed in the world (spawn points of type <c>npc</c>; the schema has no NPC table) whose spawn key, entity or zone
    /// contains <paramref name="text"/>, for the quest editor's NPC picker. <paramref name="exact"/>: the one spawn with that id, any type.
    /// </summary>
    public async Task<IReadOnlyList<NpcSpawnOption>> NpcSpawnsAsync(string? text, Guid? exact = null, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.WorldRead);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var spawns = db.SpawnPoints.AsNoTracking();
        if (exact is { } id) spawns = spawns.Where(s => s.Id == id);
        else
        {
            spawns = spawns.Where(s => s.SpawnType == "npc");
            if (!string.IsNullOrWhiteSpace(text))
            {
                var term = text.Trim().ToLower();
                spawns = spawns.Where(s => s.SpawnId.ToLower().Contains(term) || (s.EntityId ?? "").ToLower().Contains(term) || s.Zone.Name.ToLower().Contains(term));
            }
        }
        return await spawns.OrderBy(s => s.SpawnId).Take(20)
            .Select(s => new NpcSpawnOption(s.Id, s.SpawnId, s.EntityId, s.ZoneId, s.Zone.Name, s.SpawnType, s.IsActive)).ToListAsync(ct);
    }

    /// <summary>A zone by its row id or its business key (<c>zone_id</c>), ready to draw.</summary>
    public async Task<ZoneMapModel?> ZoneMapAsync(string zone, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.WorldRead);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.WorldZones.AsNoTracking();
        var z = Guid.TryParse(zone, out var id) ? await query.FirstOrDefaultAsync(x => x.Id == id, ct) : await query.FirstOrDefaultAsync(x => x.ZoneId == zone, ct);
        if (z is null) return null;
        var territories = await db.Territories.AsNoTracking().Where(t => t.ZoneId == z.ZoneId).OrderBy(t => t.Name)
            .Select(t => new MapTerritory(t.Id, t.TerritoryId, t.Name, t.TerritoryType, t.Level, t.IsActive, t.Coordinates, t.OwnerGuildId,
                t.OwnerGuild != null ? t.OwnerGuild.Name : null))
            .ToListAsync(ct);
        var spawns = await db.SpawnPoints.AsNoTracking().Where(s => s.ZoneId == z.ZoneId).OrderBy(s => s.SpawnId)
            .Select(s => new MapSpawn(s.Id, s.SpawnId, s.SpawnType, s.EntityId, s.Coordinates, s.SpawnRadius, s.SpawnCount, s.RespawnTime, s.SpawnChance, s.LevelRange, s.IsActive))
            .ToListAsync(ct);
        return new ZoneMapModel(z.Id, z.ZoneId, z.Name, z.ZoneType, z.LevelRangeMin, z.LevelRangeMax, z.Coordinates,
            z.SafeZones, z.PvpZones, z.SpawnPoints, territories, spawns);
    }

    public async Task<IReadOnlyList<WorldEventLine>> ZoneEventsAsync(string zoneId, int take = 20, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.WorldRead);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.WorldEvents.AsNoTracking().Where(e => e.ZoneId == zoneId).OrderByDescending(e => e.StartTime).Take(take)
            .Select(e => new WorldEventLine(e.Id, e.EventId, e.Title, e.EventType, e.Status, e.StartTime, e.EndTime, e.CurrentParticipants, e.MaxParticipants))
            .ToListAsync(ct);
    }

    /// <summary>The latest reading of every zone (or of one).</summary>
    public async Task<IReadOnlyList<WeatherReading>> CurrentWeatherAsync(string? zoneId = null, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.WorldRead);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var zones = await db.WorldZones.AsNoTracking().Where(z => zoneId == null || z.ZoneId == zoneId).OrderBy(z => z.Name)
            .Select(z => new { z.ZoneId, z.Name }).ToListAsync(ct);
        var readings = new List<WeatherReading>();
        foreach (var z in zones)
        {
            // One indexed lookup per zone (zone_id, timestamp): a handful of zones, each reading the newest row only.
            var w = await db.WeatherData.AsNoTracking().Where(x => x.ZoneId == z.ZoneId).OrderByDescending(x => x.Timestamp).FirstOrDefaultAsync(ct);
            if (w is not null)
                readings.Add(new WeatherReading(z.ZoneId, z.Name, w.WeatherType, w.Intensity, w.Temperature, w.Humidity, w.WindSpeed, w.WindDirection, w.Timestamp));
        }
        return readings;
    }

    public async Task<IReadOnlyList<WeatherReading>> WeatherHistoryAsync(string zoneId, DateTime from, DateTime to, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.WorldRead);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var name = await db.WorldZones.AsNoTracking().Where(z => z.ZoneId == zoneId).Select(z => z.Name).FirstOrDefaultAsync(ct) ?? zoneId;
        var rows = await db.WeatherData.AsNoTracking().Where(w => w.ZoneId == zoneId && w.Timestamp >= from && w.Timestamp < to)
            .OrderBy(w => w.Timestamp).Take(5000)
            .Select(w => new { w.WeatherType, w.Intensity, w.Temperature, w.Humidity, w.WindSpeed, w.WindDirection, w.Timestamp })
            .ToListAsync(ct);
        return rows.Select(w => new WeatherReading(zoneId, name, w.WeatherType, w.Intensity, w.Temperature, w.Humidity, w.WindSpeed, w.WindDirection, w.Timestamp)).ToList();
    }

    public async Task<GuildOverview?> GuildAsync(Guid id, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.WorldRead);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var guild = await db.Guilds.AsNoTracking().Where(g => g.Id == id)
            .Select(g => new GuildSummary(g.Id, g.GuildId, g.Name, g.Description, g.Level, g.Experience, g.MaxMembers, g.Treasury, g.Status, g.CreatedAt, g.UpdatedAt))
            .FirstOrDefaultAsync(ct);
        if (guild is null) return null;
        var members = await db.GuildMembers.AsNoTracking().Where(m => m.GuildId == id)
            .Select(m => new GuildMemberLine(m.ActorId, m.Actor.UserId, m.Actor.Name, m.Actor.Level, m.Rank, m.Contribution, m.Note, m.JoinedAt, m.LastActiveAt))
            .ToListAsync(ct);
        var storage = await db.GuildStorage.AsNoTracking().Where(s => s.GuildId == id).OrderBy(s => s.SlotPosition)
            .Select(s => new GuildStorageLine(s.SlotPosition, s.ItemId, s.Item.ItemId, s.Item.Name, s.Item.Rarity, s.Quantity,
                s.DepositedByActor != null ? s.DepositedByActor.Name : null, s.DepositedAt))
            .ToListAsync(ct);
        var activities = await db.GuildActivities.AsNoTracking().Where(a => a.GuildId == id).OrderByDescending(a => a.CreatedAt).Take(50)
            .Select(a => new GuildActivityLine(a.CreatedAt, a.ActivityType, a.Actor != null ? a.Actor.Name : null, a.Details))
            .ToListAsync(ct);
        var territories = await db.Territories.AsNoTracking().Where(t => t.OwnerGuildId == id).OrderBy(t => t.Name)
            .Select(t => new TerritoryLine(t.Id, t.TerritoryId, t.Name, t.ZoneId, t.Zone.Name, t.TerritoryType, t.Level, t.IsActive))
            .ToListAsync(ct);
        return new GuildOverview(guild, [.. members.OrderBy(m => RankOrder(m.Rank)).ThenByDescending(m => m.Contribution)], storage, activities, territories);
    }

    public static int RankOrder(string rank) => rank switch { "leader" => 0, "officer" => 1, "member" => 2, "recruit" => 3, _ => 4 };

    public async Task<MatchOverview?> MatchAsync(Guid id, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.WorldRead);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var match = await db.Matches.AsNoTracking().Where(m => m.Id == id).FirstOrDefaultAsync(ct);
        if (match is null) return null;
        var participants = await db.MatchParticipants.AsNoTracking().Where(p => p.MatchId == id)
            .Select(p => new { p.UserId, p.User.Username, p.TeamId, p.Role, p.JoinedAt }).ToListAsync(ct);
        var results = await db.MatchResults.AsNoTracking().Where(r => r.MatchId == id)
            .Select(r => new { r.UserId, r.User.Username, r.TeamId, r.Result, r.RatingChange, r.NewRating, r.PerformanceScore, r.CreatedAt }).ToListAsync(ct);
        var players = participants.Select(p =>
            {
                var r = results.FirstOrDefault(x => x.UserId == p.UserId);
                return new MatchPlayerLine(p.UserId, p.Username, p.TeamId ?? r?.TeamId, p.Role, r?.Result, r?.RatingChange, r?.NewRating, r?.PerformanceScore, p.JoinedAt);
            })
            .Concat(results.Where(r => participants.All(p => p.UserId != r.UserId))
                .Select(r => new MatchPlayerLine(r.UserId, r.Username, r.TeamId, null, r.Result, r.RatingChange, r.NewRating, r.PerformanceScore, r.CreatedAt)))
            .OrderBy(p => p.TeamId ?? int.MaxValue).ThenByDescending(p => p.PerformanceScore ?? 0).ToList();
        return new MatchOverview(new MatchHeader(match.Id, match.MatchId, match.GameMode, match.MatchType, match.Status, match.StartedAt, match.EndedAt,
            match.Duration, match.WinnerTeam, match.CreatedAt), players, match.MatchData);
    }

    public async Task<IReadOnlyList<QueueLine>> QueuesAsync(CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.WorldRead);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.MatchQueues.AsNoTracking()
            .Select(q => new { q.GameMode, q.QueueType, q.Status, q.QueuedAt, q.MatchedAt }).ToListAsync(ct);
        return rows.GroupBy(q => (q.GameMode, q.QueueType, q.Status))
            .Select(g =>
            {
                var waits = g.Where(q => q.MatchedAt is not null).Select(q => (q.MatchedAt!.Value - q.QueuedAt).TotalSeconds).ToList();
                return new QueueLine(g.Key.GameMode, g.Key.QueueType, g.Key.Status, g.Count(), waits.Count == 0 ? null : waits.Average());
            })
            .OrderBy(q => q.GameMode).ThenBy(q => q.QueueType).ThenBy(q => q.Status).ToList();
    }

    public async Task<IReadOnlyList<string>> GameModesAsync(CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.WorldRead);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Ratings.AsNoTracking().Select(r => r.GameMode).Distinct().OrderBy(m => m).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<LeaderboardLine>> LeaderboardAsync(string gameMode, int take = 100, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.WorldRead);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Ratings.AsNoTracking().Where(r => r.GameMode == gameMode)
            .OrderByDescending(r => r.RatingValue).ThenByDescending(r => r.Wins).ThenBy(r => r.ActorId).Take(take)
            .Select(r => new { r.ActorId, r.Actor.UserId, r.Actor.Name, r.Actor.Level, r.RatingValue, r.Wins, r.Losses, r.Draws, r.WinStreak, r.LossStreak, r.LastPlayed })
            .ToListAsync(ct);
        return rows.Select((r, i) => new LeaderboardLine(i + 1, r.ActorId, r.UserId, r.Name, r.Level, r.RatingValue, r.Wins, r.Losses, r.Draws, r.WinStreak, r.LossStreak, r.LastPlayed)).ToList();
    }

    public async Task<IReadOnlyList<TeamLine>> TeamsAsync(int take = 100, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.WorldRead);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Teams.AsNoTracking().OrderByDescending(t => t.TeamRating).Take(take)
            .Select(t => new TeamLine(t.Id, t.TeamId, t.TeamName, t.TeamType, t.Leader.Username, t.LeaderId, t.TeamRating, t.Wins, t.Losses,
                db.TeamMembers.Count(m => m.TeamId == t.Id), t.IsActive))
            .ToListAsync(ct);
    }
}
