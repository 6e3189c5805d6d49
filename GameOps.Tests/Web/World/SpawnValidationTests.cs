using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Data.Json;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using GameOps.Web.Services.World;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.World;

/// <summary>Spawn points are saved through the shared edit shell's store: insane values are refused with a message and leave the row unchanged.</summary>
public sealed class SpawnValidationTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static SpawnPoint Valid() => new()
    {
        Id = Guid.NewGuid(), SpawnId = "spn_test", ZoneId = "zone_v", SpawnType = "monster", EntityId = "mob_wolf",
        Coordinates = new MapPoint { X = 150, Y = 150 }, SpawnRadius = 20, SpawnCount = 3, RespawnTime = 60, SpawnChance = 0.5m,
        LevelRange = new LevelRange { Min = 5, Max = 8 }, IsActive = true,
    };

    [Fact]
    public void Rules_catch_chance_counts_and_level_ranges()
    {
        Assert.Empty(WorldValidation.Spawn(Valid()));
        var bad = Valid();
        bad.SpawnChance = 1.2m;
        bad.SpawnRadius = -1;
        bad.SpawnCount = -2;
        bad.RespawnTime = -5;
        bad.LevelRange = new LevelRange { Min = 9, Max = 3 };
        var fields = WorldValidation.Spawn(bad).Select(i => i.Field).ToList();
        Assert.Equal([nameof(SpawnPoint.SpawnChance), nameof(SpawnPoint.SpawnRadius), nameof(SpawnPoint.SpawnCount), nameof(SpawnPoint.RespawnTime), nameof(SpawnPoint.LevelRange)], fields);
        var zeroLevel = Valid();
        zeroLevel.LevelRange = new LevelRange { Min = 0, Max = 3 };
        Assert.Contains(WorldValidation.Spawn(zeroLevel), i => i.Message.Contains("from 1"));
    }

    [Fact]
    public void Areas_must_have_sizes_and_lie_in_the_bounds()
    {
        var bounds = new MapBounds { MinX = 0, MinY = 0, MaxX = 100, MaxY = 100 };
        Assert.Null(WorldValidation.Area(new MapArea { Shape = "rect", X = 10, Y = 10, Width = 50, Height = 50 }, bounds));
        Assert.NotNull(WorldValidation.Area(new MapArea { Shape = "rect", X = 80, Y = 10, Width = 50, Height = 50 }, bounds));
        Assert.NotNull(WorldValidation.Area(new MapArea { Shape = "circle", X = 50, Y = 50 }, bounds));
        Assert.NotNull(WorldValidation.Area(new MapArea { Shape = "polygon", Points = [new() { X = 1, Y = 1 }] }, bounds));
        Assert.NotNull(WorldValidation.Area(new MapArea { Shape = "hexagon" }, bounds));
    }

    [Fact]
    public async Task Saving_refuses_a_spawn_outside_its_zone_or_with_a_bad_chance_and_keeps_the_row_then_accepts_a_valid_move()
    {
        await using var database = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var spawn = Valid();
        await using (var db = database.CreateContext())
        {
            db.WorldZones.Add(new WorldZone
            {
                Id = Guid.NewGuid(), ZoneId = "zone_v", Name = "Valley", ZoneType = "wilderness", LevelRangeMin = 1, LevelRangeMax = 10, IsActive = true,
                Coordinates = new MapBounds { MinX = 100, MinY = 100, MaxX = 300, MaxY = 200 },
            });
            db.SpawnPoints.Add(spawn);
            await db.SaveChangesAsync(Ct);
        }
        await using var services = WebServices.Build(database, WebServices.Staff(StaffRoles.Designer));
        var store = services.GetRequiredService<ResourceStore>();
        var resource = services.GetRequiredService<ResourceCatalog>().For<SpawnPoint>();
        var loaded = (SpawnPoint)(await store.LoadAsync(resource, spawn.Id, Ct))!;
        var token = resource.Field(resource.ConcurrencyToken!).GetValue(loaded);

        loaded.Coordinates = new MapPoint { X = 500, Y = 150 };
        var outside = await store.SaveAsync(resource, loaded, isNew: false, token, ct: Ct);
        Assert.Equal(SaveOutcome.Invalid, outside.Outcome);
        Assert.Contains(outside.Issues, i => i.Field == nameof(SpawnPoint.Coordinates) && i.Message.Contains("outside Valley"));

        loaded.Coordinates = new MapPoint { X = 250, Y = 120 };
        loaded.SpawnChance = 1.5m;
        var chance = await store.SaveAsync(resource, loaded, isNew: false, token, ct: Ct);
        Assert.Equal(SaveOutcome.Invalid, chance.Outcome);
        Assert.Contains(chance.Issues, i => i.Field == nameof(SpawnPoint.SpawnChance));

        await using (var check = database.CreateContext())
        {
            var stored = await check.SpawnPoints.AsNoTracking().SingleAsync(Ct);
            Assert.Equal((150d, 150d, 0.5m), (stored.Coordinates.X, stored.Coordinates.Y, stored.SpawnChance));
        }

        loaded.SpawnChance = 0.9m;
        loaded.LevelRange = new LevelRange { Min = 5, Max = 14 };
        var moved = await store.SaveAsync(resource, loaded, isNew: false, token, ct: Ct);
        Assert.Equal(SaveOutcome.Saved, moved.Outcome);
        Assert.Contains(moved.Issues, i => i.IsWarning && i.Field == nameof(SpawnPoint.LevelRange));
        await using var after = database.CreateContext();
        var saved = await after.SpawnPoints.AsNoTracking().SingleAsync(Ct);
        Assert.Equal((250d, 120d), (saved.Coordinates.X, saved.Coordinates.Y));
        Assert.Equal(1, await after.StaffAuditLogs.CountAsync(a => a.EntityType == "spawn_points", Ct));
    }
}
