using GameOps.Data.Json;

namespace GameOps.Web.Services.World;

/// <summary>An NPC placed in the world (a spawn point), as a picker shows it: never a raw id.</summary>
public sealed record NpcSpawnOption(Guid Id, string SpawnId, string? EntityId, string ZoneId, string ZoneName, string SpawnType, bool IsActive)
{
    public string Label => $"{SpawnId} · {EntityId ?? "(no entity)"} · {ZoneName}" + (SpawnType == "npc" ? "" : $" ({SpawnType})") + (IsActive ? "" : " (inactive)");
}

public sealed record ZoneOption(Guid Id, string ZoneId, string Name, string ZoneType, bool IsActive);

/// <summary>Everything the zone map draws, in world units.</summary>
public sealed record ZoneMapModel(
    Guid Id, string ZoneId, string Name, string ZoneType, int LevelMin, int LevelMax, MapBounds Bounds,
    IReadOnlyList<MapArea> SafeAreas, IReadOnlyList<MapArea> PvpAreas, IReadOnlyList<MapPoint> Landmarks,
    IReadOnlyList<MapTerritory> Territories, IReadOnlyList<MapSpawn> Spawns);

public sealed record MapTerritory(Guid Id, string TerritoryId, string Name, string TerritoryType, int Level, bool IsActive,
    MapArea Area, Guid? OwnerGuildId, string? OwnerGuildName);

public sealed record MapSpawn(Guid Id, string SpawnId, string SpawnType, string? EntityId, MapPoint Position, int Radius,
    int Count, int RespawnSeconds, decimal Chance, LevelRange Levels, bool IsActive);

public sealed record WeatherReading(string ZoneId, string ZoneName, string WeatherType, decimal Intensity, decimal Temperature,
    decimal? Humidity, decimal? WindSpeed, int? WindDirection, DateTime Timestamp);

public sealed record WorldEventLine(Guid Id, string EventId, string Title, string EventType, string Status, DateTime? StartTime, DateTime? EndTime,
    int CurrentParticipants, int? MaxParticipants);

public sealed record GuildSummary(Guid Id, string GuildId, string Name, string? Description, int Level, long Experience, int MaxMembers,
    long Treasury, string Status, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record GuildMemberLine(Guid ActorId, Guid PlayerId, string ActorName, int ActorLevel, string Rank, long Contribution, string? Note,
    DateTime JoinedAt, DateTime? LastActiveAt);

public sealed record GuildStorageLine(int? Slot, Guid ItemId, string ItemKey, string ItemName, string Rarity, int Quantity, string? DepositedBy, DateTime DepositedAt);

public sealed record GuildActivityLine(DateTime At, string ActivityType, string? ActorName, string? Details);

public sealed record TerritoryLine(Guid Id, string TerritoryId, string Name, string ZoneId, string ZoneName, string TerritoryType, int Level, bool IsActive);

public sealed record GuildOverview(GuildSummary Guild, IReadOnlyList<GuildMemberLine> Members, IReadOnlyList<GuildStorageLine> Storage,
    IReadOnlyList<GuildActivityLine> Activities, IReadOnlyList<TerritoryLine> Territories);

public sealed record MatchHeader(Guid Id, string MatchId, string GameMode, string MatchType, string Status, DateTime? StartedAt, DateTime? EndedAt,
    int? DurationSeconds, int? WinnerTeam, DateTime CreatedAt);

public sealed record MatchPlayerLine(Guid PlayerId, string Username, int? TeamId, string? Role, string? Result, int? RatingChange, int? NewRating,
    decimal? PerformanceScore, DateTime JoinedAt);

public sealed record MatchOverview(MatchHeader Match, IReadOnlyList<MatchPlayerLine> Players, string? MatchData);

public sealed record QueueLine(string GameMode, string QueueType, string Status, int Count, double? AverageWaitSeconds);

public sealed record LeaderboardLine(int Rank, Guid ActorId, Guid PlayerId, string ActorName, int ActorLevel, int Rating, int Wins, int Losses, int Draws,
    int WinStreak, int LossStreak, DateTime? LastPlayed)
{
    public double WinRate => Wins + Losses + Draws == 0 ? 0 : (double)Wins / (Wins + Losses + Draws);
}

public sealed record TeamLine(Guid Id, string TeamId, string TeamName, string? TeamType, string LeaderName, Guid LeaderId, int Rating, int Wins, int Losses,
    int MemberCount, bool IsActive);
