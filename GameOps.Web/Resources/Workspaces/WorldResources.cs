using GameOps.Data.Entities;
using GameOps.Web.Security;
using GameOps.Web.Services.World;
using MudBlazor;

namespace GameOps.Web.Resources.Workspaces;

/// <summary>World: designers and live-ops write zones and spawns; live-ops write guilds; others read.</summary>
public sealed class WorldResources : IResourceConfiguration
{
    public void Configure(ResourceCatalog catalog)
    {
        catalog.For<WorldZone>().InWorkspace("World", "/world/zones", Icons.Material.Filled.Map, "Zones", "Zone")
            .Permissions(Permission.WorldRead, Permission.WorldWrite)
            .Columns(z => z.ZoneId, z => z.Name, z => z.ZoneType, z => z.LevelRangeMin, z => z.LevelRangeMax, z => z.IsActive)
            .Options(z => z.ZoneType, "town", "wilderness", "dungeon", "raid", "pvp", "instance")
            .FilterBy(z => z.ZoneType, z => z.IsActive)
            .Search(z => z.ZoneId, z => z.Name).SearchAnyPart(z => z.ZoneId, z => z.Name).SortBy(z => z.Name)
            .Range(z => z.LevelRangeMin, 1, 200).Range(z => z.LevelRangeMax, 1, 200)
            .Validate(WorldValidation.Zone)
            .Initialize(z => z.IsActive = true);
        catalog.For<Territory>().InWorkspace("World", "/world/territories", Icons.Material.Filled.Flag, "Territories", "Territory")
            .Permissions(Permission.WorldRead, Permission.WorldWrite)
            .Columns(t => t.TerritoryId, t => t.Name, t => t.ZoneId, t => t.OwnerGuildId, t => t.TerritoryType, t => t.Level, t => t.IsActive)
            .FilterBy(t => t.ZoneId, t => t.TerritoryType, t => t.IsActive)
            .Options(t => t.TerritoryType, "fortress", "mine", "outpost", "farmland", "lumber_camp", "shrine")
            .Search(t => t.TerritoryId, t => t.Name).SearchAnyPart(t => t.TerritoryId, t => t.Name).SortBy(t => t.Name)
            .Range(t => t.Level, 0, 100)
            .Validate(WorldValidation.Territory).ValidateWithDatabase(WorldValidation.TerritoryInZoneAsync)
            .Initialize(t => { t.IsActive = true; t.Level = 1; t.Coordinates = new() { Shape = "circle", Radius = 50 }; });
        catalog.For<SpawnPoint>().InWorkspace("World", "/world/spawns", Icons.Material.Filled.PinDrop, "Spawn points", "Spawn point")
            .Permissions(Permission.WorldRead, Permission.WorldWrite)
            .Columns(s => s.SpawnId, s => s.ZoneId, s => s.SpawnType, s => s.EntityId, s => s.SpawnRadius, s => s.SpawnCount, s => s.RespawnTime, s => s.SpawnChance, s => s.IsActive)
            .Options(s => s.SpawnType, "monster", "boss", "npc", "resource_node", "treasure", "player")
            .FilterBy(s => s.ZoneId, s => s.SpawnType, s => s.IsActive)
            .Search(s => s.SpawnId, s => s.EntityId).SortBy(s => s.SpawnId)
            .Range(s => s.SpawnChance, 0, 1).Range(s => s.SpawnRadius, 0, null).Range(s => s.SpawnCount, 0, null).Range(s => s.RespawnTime, 0, null)
            .Help(s => s.SpawnChance, "Probability (0–1) that the spawn fires when its timer elapses.")
            .Help(s => s.RespawnTime, "Seconds before a killed or gathered spawn comes back.")
            .Validate(WorldValidation.Spawn).ValidateWithDatabase(WorldValidation.SpawnInZoneAsync)
            .Initialize(s => { s.IsActive = true; s.SpawnChance = 1; s.SpawnCount = 1; s.SpawnRadius = 10; s.RespawnTime = 60; });
        catalog.For<WorldEvent>().InWorkspace("World", "/world/events", Icons.Material.Filled.Thunderstorm, "World events", "World event")
            .Permissions(Permission.WorldRead, Permission.WorldWrite)
            .Columns(e => e.EventId, e => e.Title, e => e.EventType, e => e.ZoneId, e => e.Status, e => e.StartTime, e => e.EndTime)
            .FilterBy(e => e.ZoneId, e => e.EventType, e => e.Status, e => e.StartTime)
            .Search(e => e.EventId, e => e.Title).SearchAnyPart(e => e.EventId, e => e.Title).SortBy(e => e.StartTime, descending: true);
        catalog.For<WeatherData>().InWorkspace("World", "/world/weather", Icons.Material.Filled.Cloud, "Weather", "Weather reading")
            .ListPage<Components.Pages.World.WeatherPage>()
            .Permissions(Permission.WorldRead, Permission.WorldWrite)
            .Columns(w => w.Timestamp, w => w.ZoneId, w => w.WeatherType, w => w.Temperature, w => w.WindSpeed, w => w.Intensity)
            .FilterBy(w => w.ZoneId, w => w.WeatherType, w => w.Timestamp)
            .Search().SortBy(w => w.Timestamp, descending: true);

        catalog.For<Guild>().InWorkspace("World", "/guilds", Icons.Material.Filled.Groups, "Guilds", "Guild")
            .ListPage<Components.Pages.World.GuildsResources>()
            // A guild is disbanded (GuildService: reason, territories, members), never deleted from the console.
            .Permissions(Permission.WorldRead, Permission.LiveOpsWrite).NoDelete()
            .Columns(g => g.GuildId, g => g.Name, g => g.Level, g => g.MaxMembers, g => g.Treasury, g => g.Status, g => g.CreatedAt)
            .Options(g => g.Status, "active", "inactive", "disbanded")
            .FilterBy(g => g.Status, g => g.Level)
            .Search(g => g.GuildId, g => g.Name).SearchAnyPart(g => g.GuildId, g => g.Name).SortBy(g => g.Name)
            // Treasury and status change only through GuildService (adjust with a reason, disband), never through the plain form.
            .ReadOnly(g => g.Treasury, g => g.Status)
            .Initialize(g => { g.Status = "active"; g.Level = 1; g.MaxMembers = 50; });
        catalog.For<Match>().InWorkspace("World", "/matches", Icons.Material.Filled.SportsEsports, "Matches", "Match")
            .ListPage<Components.Pages.World.MatchesResources>()
            .Permissions(Permission.WorldRead, write: null).NoCreate().NoDelete()
            .Columns(m => m.MatchId, m => m.GameMode, m => m.MatchType, m => m.Status, m => m.StartedAt, m => m.Duration, m => m.WinnerTeam)
            .FilterBy(m => m.GameMode, m => m.MatchType, m => m.Status, m => m.StartedAt)
            .Search(m => m.MatchId).SortBy(m => m.CreatedAt, descending: true);
        catalog.For<Rating>().InWorkspace("World", "/leaderboards", Icons.Material.Filled.Leaderboard, "Leaderboards", "Rating")
            .ListPage<Components.Pages.World.Leaderboards>()
            .Permissions(Permission.WorldRead, write: null).NoCreate().NoDelete()
            .Columns(r => r.GameMode, r => r.ActorId, r => r.RatingValue, r => r.Wins, r => r.Losses, r => r.WinStreak, r => r.LossStreak, r => r.LastPlayed)
            .FilterBy(r => r.GameMode, r => r.RatingValue)
            .Search().SortBy(r => r.RatingValue, descending: true);
    }
}
