using GameOps.Data;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Services.Moderation;

public sealed record CharacterGuild(Guid Id, string Name, string Rank, DateTime JoinedAt);
public sealed record CharacterSkill(string SkillId, string Name, int Level, bool IsLearned);
public sealed record CharacterRating(string GameMode, int Rating, int Wins, int Losses, int Draws);
public sealed record CharacterQuest(Guid QuestId, string QuestKey, string Title, string Status, DateTime StartedAt, DateTime? CompletedAt);

/// <summary>One character as support and moderation read it: level, zone, guild with rank, skills, ratings and quests.</summary>
public sealed record CharacterSheet(
    Guid Id, Guid PlayerId, string PlayerUsername, string Name, int Level, long Experience, string? ZoneId, string? ZoneName,
    DateTime CreatedAt, DateTime? LastActive, CharacterGuild? Guild,
    IReadOnlyList<CharacterSkill> Skills, IReadOnlyList<CharacterRating> Ratings, IReadOnlyList<CharacterQuest> Quests, int QuestTotal);

/// <summary>The characters of a player, whole: what the profile and the character page show (read-only, no tracking).</summary>
public sealed class CharacterSheets(IDbContextFactory<GameOpsDbContext> contexts, CurrentStaff currentStaff)
{
    public const int QuestsShown = 25;

    public async Task<IReadOnlyList<CharacterSheet>> ForPlayerAsync(Guid playerId, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.PlayersRead);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = await db.Actors.AsNoTracking().Where(a => a.UserId == playerId).OrderByDescending(a => a.Level).ThenBy(a => a.Name)
            .Select(a => a.Id).ToListAsync(cancellationToken);
        return await LoadAsync(db, ids, cancellationToken);
    }

    public async Task<CharacterSheet?> ForCharacterAsync(Guid actorId, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.PlayersRead);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await LoadAsync(db, [actorId], cancellationToken)).FirstOrDefault();
    }

    static async Task<IReadOnlyList<CharacterSheet>> LoadAsync(GameOpsDbContext db, List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        var actors = await db.Actors.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.UserId, a.User.Username, a.Name, a.Level, a.Experience, a.Position, a.CreatedAt, a.LastActive }).ToListAsync(ct);
        var zoneKeys = actors.Select(a => a.Position.ZoneId).OfType<string>().Distinct().ToList();
        var zones = await db.WorldZones.AsNoTracking().Where(z => zoneKeys.Contains(z.ZoneId)).ToDictionaryAsync(z => z.ZoneId, z => z.Name, ct);
        var guilds = (await db.GuildMembers.AsNoTracking().Where(m => ids.Contains(m.ActorId))
            .Select(m => new { m.ActorId, Line = new CharacterGuild(m.GuildId, m.Guild.Name, m.Rank, m.JoinedAt) }).ToListAsync(ct))
            .GroupBy(m => m.ActorId).ToDictionary(g => g.Key, g => g.OrderByDescending(m => m.Line.JoinedAt).First().Line);
        var skills = (await db.ActorSkills.AsNoTracking().Where(s => ids.Contains(s.ActorId))
            .Select(s => new { s.ActorId, Line = new CharacterSkill(s.SkillId, s.Skill.Name, s.Level, s.IsLearned) }).ToListAsync(ct))
            .ToLookup(s => s.ActorId, s => s.Line);
        var ratings = (await db.Ratings.AsNoTracking().Where(r => ids.Contains(r.ActorId))
            .Select(r => new { r.ActorId, Line = new CharacterRating(r.GameMode, r.RatingValue, r.Wins, r.Losses, r.Draws) }).ToListAsync(ct))
            .ToLookup(r => r.ActorId, r => r.Line);
        var quests = new Dictionary<Guid, (List<CharacterQuest> Shown, int Total)>();
        foreach (var id in ids)
        {
            var query = db.QuestProgress.AsNoTracking().Where(q => q.ActorId == id);
            var shown = await query.OrderByDescending(q => q.CompletedAt == null).ThenByDescending(q => q.StartedAt).Take(QuestsShown)
                .Select(q => new CharacterQuest(q.QuestId, q.Quest.QuestId, q.Quest.Title, q.Status, q.StartedAt, q.CompletedAt)).ToListAsync(ct);
            quests[id] = (shown, shown.Count < QuestsShown ? shown.Count : await query.CountAsync(ct));
        }
        return actors.OrderBy(a => ids.IndexOf(a.Id)).Select(a => new CharacterSheet(
            a.Id, a.UserId, a.Username, a.Name, a.Level, a.Experience, a.Position.ZoneId,
            a.Position.ZoneId is { } z && zones.TryGetValue(z, out var zoneName) ? zoneName : null, a.CreatedAt, a.LastActive,
            guilds.GetValueOrDefault(a.Id),
            skills[a.Id].OrderByDescending(s => s.Level).ThenBy(s => s.Name).ToList(),
            ratings[a.Id].OrderByDescending(r => r.Rating).ToList(),
            quests[a.Id].Shown, quests[a.Id].Total)).ToList();
    }
}
