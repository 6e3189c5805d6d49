using System.Text;
using Deque.AxeCore.Playwright;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Data.Json;
using GameOps.E2E.Infrastructure;
using GameOps.E2E.Pages;
using GameOps.Web.Components.Pages.World;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Journeys;

/// <summary>A designer moves a spawn point and sees it move on the zone map; the map, zone and guild pages pass axe.</summary>
public sealed class WorldJourney(AppServer app, BrowserFixture browser) : JourneyTest(app, browser)
{
    static readonly HashSet<string> Blocking = ["serious", "critical"];
    static readonly MapBounds ZoneBounds = new() { MinX = 10_000, MinY = 20_000, MaxX = 12_000, MaxY = 21_000 };

    [Fact]
    public async Task Designer_moves_a_spawn_point_and_sees_it_at_the_new_place_on_the_map()
    {
        var suffix = TestData.UniqueSuffix();
        var (zone, spawn) = await CreateZoneWithSpawnAsync(suffix);
        await new LoginPage(Page).SignInAsAsync("Designer");

        var map = await ZoneMapPage.OpenAsync(Page, zone.ZoneId);
        var projection = new ZoneMapProjection(ZoneBounds);
        Assert.Equal((projection.X(10_500), projection.Y(20_250)), await map.SpawnCentreAsync(spawn.SpawnId));
        await StepAsync("map-before");

        var edit = await SpawnEditPage.OpenAsync(Page, spawn.Id);
        await StepAsync("spawn-edit");
        await edit.MoveToAsync(11_600, 20_900);
        await Expect(edit.Shell.FormIssues).ToHaveCountAsync(0);
        await StepAsync("spawn-moved");

        // A position outside the zone is refused with a message, and the saved position stays.
        await edit.X.FillAsync("99999");
        await edit.X.PressAsync("Tab");
        await edit.Shell.SaveButton.ClickAsync();
        await Expect(Page.Locator("[data-testid=error-Coordinates]")).ToContainTextAsync("outside");
        await StepAsync("outside-refused");

        map = await ZoneMapPage.OpenAsync(Page, zone.ZoneId);
        var (x, y) = await map.SpawnCentreAsync(spawn.SpawnId);
        Assert.Equal(projection.X(11_600), x);
        Assert.Equal(projection.Y(20_900), y);
        // North-east corner: right of and above where it was.
        Assert.True(x > projection.X(10_500) && y < projection.Y(20_250));
        await Expect(map.Spawn(spawn.SpawnId).Locator("title")).ToContainTextAsync("(11600, 20900)");
        await StepAsync("map-after");
    }

    [Fact]
    public async Task Map_zone_detail_and_guild_detail_have_no_serious_violations()
    {
        var suffix = TestData.UniqueSuffix();
        var (zone, _) = await CreateZoneWithSpawnAsync(suffix);
        var guildId = await CreateGuildAsync(suffix, zone.ZoneId);
        await new LoginPage(Page).SignInAsAsync("LiveOps");

        var map = await ZoneMapPage.OpenAsync(Page, zone.ZoneId);
        await Expect(map.Legend).ToContainTextAsync($"E2E Guild {suffix}");
        await StepAsync("map");
        await AssertAccessibleAsync("zone map");

        await new ShellPage(Page).GotoAsync($"/world/zones/{zone.Id}");
        await Expect(Page.Locator("[data-testid=zone-map-panel] [data-testid=map-bounds]")).ToBeVisibleAsync();
        await Expect(Page.Locator("[data-testid=zone-weather-now]")).ToBeVisibleAsync();
        await StepAsync("zone-detail");
        await AssertAccessibleAsync("zone detail");

        var guild = await GuildPage.OpenAsync(Page, guildId);
        await Expect(guild.Balance).ToContainTextAsync("1,500 gold");
        await Expect(guild.Disband).ToBeVisibleAsync();
        await StepAsync("guild-detail");
        await AssertAccessibleAsync("guild detail");
    }

    async Task<(WorldZone Zone, SpawnPoint Spawn)> CreateZoneWithSpawnAsync(string suffix)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var zone = new WorldZone
        {
            Id = Guid.CreateVersion7(), ZoneId = $"zone_e2e_{suffix}", Name = $"E2E Zone {suffix}", ZoneType = "wilderness", LevelRangeMin = 10, LevelRangeMax = 20,
            Coordinates = ZoneBounds, IsActive = true, CreatedAt = now, UpdatedAt = now,
            SafeZones = [new MapArea { Name = "Camp", Shape = "circle", X = 10_300, Y = 20_300, Radius = 120 }],
            PvpZones = [new MapArea { Name = "Pit", Shape = "rect", X = 11_000, Y = 20_100, Width = 500, Height = 300 }],
            SpawnPoints = [new MapPoint { Name = "Waystone", X = 10_900, Y = 20_700 }],
        };
        var spawn = new SpawnPoint
        {
            Id = Guid.CreateVersion7(), SpawnId = $"spn_e2e_{suffix}", ZoneId = zone.ZoneId, SpawnType = "monster", EntityId = "mob_e2e_wolf",
            Coordinates = new MapPoint { X = 10_500, Y = 20_250 }, SpawnRadius = 40, SpawnCount = 4, RespawnTime = 90, SpawnChance = 0.8m,
            LevelRange = new LevelRange { Min = 11, Max = 14 }, IsActive = true, CreatedAt = now, UpdatedAt = now,
        };
        db.AddRange(zone, spawn);
        db.WeatherData.Add(new WeatherData { Id = Guid.CreateVersion7(), ZoneId = zone.ZoneId, WeatherType = "rain", Intensity = 0.6m, Temperature = 12.5m, WindSpeed = 20, WindDirection = 270, Timestamp = now.AddMinutes(-5) });
        await db.SaveChangesAsync();
        return (zone, spawn);
    }

    async Task<Guid> CreateGuildAsync(string suffix, string zoneId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var player = new Player { Id = Guid.CreateVersion7(), Username = $"e2e_{suffix}", Email = $"e2e_{suffix}@players.local", PasswordHash = "x", Status = "active", CreatedAt = now };
        var actor = new Actor { Id = Guid.CreateVersion7(), UserId = player.Id, Name = $"E2EHero{suffix}", Level = 15, CreatedAt = now };
        var guild = new Guild { Id = Guid.CreateVersion7(), GuildId = $"gld_e2e_{suffix}", Name = $"E2E Guild {suffix}", Level = 2, MaxMembers = 20, Treasury = 1500, Status = "active", CreatedAt = now, UpdatedAt = now };
        db.AddRange(player, actor, guild);
        db.GuildMembers.Add(new GuildMember { Id = Guid.CreateVersion7(), GuildId = guild.Id, ActorId = actor.Id, Rank = "leader", Contribution = 100, JoinedAt = now });
        db.Territories.Add(new Territory
        {
            Id = Guid.CreateVersion7(), TerritoryId = $"ter_e2e_{suffix}", Name = "E2E Keep", ZoneId = zoneId, OwnerGuildId = guild.Id, TerritoryType = "fortress", Level = 2, IsActive = true,
            Coordinates = new MapArea { Shape = "rect", X = 11_500, Y = 20_500, Width = 300, Height = 200 },
            Buildings = """[{"type":"watchtower","level":2}]""", Defenses = """{"walls":3,"guards":12}""", Resources = """{"gold":400}""",
            CreatedAt = now, UpdatedAt = now,
        });
        await db.SaveChangesAsync();
        return guild.Id;
    }

    async Task AssertAccessibleAsync(string what)
    {
        var result = await Page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact ?? "")).ToList();
        if (blocking.Count == 0) return;
        var text = new StringBuilder();
        foreach (var v in blocking)
        {
            text.AppendLine($"- {v.Id} [{v.Impact}] {v.Help}");
            foreach (var node in v.Nodes.Take(5)) text.AppendLine($"    at {node.Target}: {(node.Html.Length > 200 ? node.Html[..200] + "…" : node.Html)}");
        }
        Assert.Fail($"{blocking.Count} serious/critical accessibility violation(s) on the {what} ({Page.Url}):\n{text}");
    }
}
