using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Data.Json;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Services.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Moderation;

/// <summary>In-game support actions (inventory, safe spots, sessions), each with a reason note in one transaction, on both providers.</summary>
public sealed class CharacterSupportTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    sealed record Game(Actor Actor, Item Potion, Item Sword, Item Retired, WorldZone Zone, WorldZone City);

    static Item NewItem(string key, string type, int stack, bool active = true) => new()
    {
        Id = Guid.NewGuid(), ItemId = key, Name = key.Replace('_', ' '), ItemType = type, Rarity = "common", StackSize = stack, IsActive = active, Version = 1,
        CreatedAt = RowBuilder.BaseTime, UpdatedAt = RowBuilder.BaseTime,
    };

    static WorldZone NewZone(string key, string type, List<MapArea> safe) => new()
    {
        Id = Guid.NewGuid(), ZoneId = key, Name = key, ZoneType = type, LevelRangeMin = 1, LevelRangeMax = 10, IsActive = true,
        Coordinates = new MapBounds { MinX = 0, MinY = 0, MaxX = 1000, MaxY = 1000 }, SafeZones = safe,
        CreatedAt = RowBuilder.BaseTime, UpdatedAt = RowBuilder.BaseTime,
    };

    static async Task<Game> ArrangeAsync(TestDatabase db, ModerationArrange world)
    {
        var zone = NewZone("zone_marsh", "wilderness", [new MapArea { Name = "Camp", Shape = "rect", X = 100, Y = 200, Width = 50, Height = 20 }]);
        var city = NewZone("zone_capital", "city", [new MapArea { Name = "City walls", Shape = "circle", X = 500, Y = 500, Radius = 80 }]);
        var actor = new Actor
        {
            Id = Guid.NewGuid(), UserId = world.Target.Id, Name = "Grimbold", Level = 12, CreatedAt = RowBuilder.BaseTime,
            Position = new ActorPosition { ZoneId = "zone_marsh", X = 999, Y = 999, Z = -40 },
        };
        var potion = NewItem("potion_small", "consumable", 20);
        var sword = NewItem("iron_sword", "weapon", 1);
        var retired = NewItem("old_relic", "quest", 1, active: false);
        await using var add = db.CreateContext();
        add.AddRange(zone, city, actor, potion, sword, retired);
        add.SpawnPoints.AddRange(
            new SpawnPoint { Id = Guid.NewGuid(), SpawnId = "spn_marsh_01", ZoneId = "zone_marsh", SpawnType = "player", EntityId = "player_respawn", IsActive = true,
                Coordinates = new MapPoint { Name = "Marsh gate", X = 10, Y = 20, Z = 3 }, CreatedAt = RowBuilder.BaseTime, UpdatedAt = RowBuilder.BaseTime },
            new SpawnPoint { Id = Guid.NewGuid(), SpawnId = "spn_marsh_02", ZoneId = "zone_marsh", SpawnType = "monster", EntityId = "frog", IsActive = true,
                Coordinates = new MapPoint { X = 30, Y = 40 }, CreatedAt = RowBuilder.BaseTime, UpdatedAt = RowBuilder.BaseTime });
        // Slots 0 (potions, 15 of 20) and 2 (a sword) are taken; the rest of the 40 slots are free.
        add.InventoryItems.AddRange(
            new InventoryItem { Id = Guid.NewGuid(), ActorId = actor.Id, SlotPosition = 0, ItemId = potion.Id, Quantity = 15, AcquiredAt = RowBuilder.BaseTime, UpdatedAt = RowBuilder.BaseTime },
            new InventoryItem { Id = Guid.NewGuid(), ActorId = actor.Id, SlotPosition = 2, ItemId = sword.Id, Quantity = 1, Durability = 40, AcquiredAt = RowBuilder.BaseTime, UpdatedAt = RowBuilder.BaseTime });
        await add.SaveChangesAsync(Ct);
        return new Game(actor, potion, sword, retired, zone, city);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Granting_tops_up_stacks_then_fills_free_slots_and_refuses_what_does_not_fit(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var world = await ModerationArrange.CreateAsync(db);
        var game = await ArrangeAsync(db, world);
        await using var alice = world.As(world.Alice);
        var support = alice.ServiceProvider.GetRequiredService<PlayerSupportService>();
        var (player, actor) = (world.Target.Id, game.Actor.Id);

        Assert.Equal("A reason is required.", (await support.GrantItemAsync(player, actor, game.Potion.Id, 5, "", Ct)).Message);
        Assert.False((await support.GrantItemAsync(player, actor, game.Potion.Id, 0, "lost to a bug", Ct)).Ok);
        Assert.False((await support.GrantItemAsync(player, actor, game.Potion.Id, PlayerSupportService.MaxGrantQuantity + 1, "lost to a bug", Ct)).Ok);
        Assert.Contains("retired", (await support.GrantItemAsync(player, actor, game.Retired.Id, 1, "lost to a bug", Ct)).Message);
        Assert.Contains("does not belong", (await support.GrantItemAsync(world.Reporter.Id, actor, game.Potion.Id, 1, "lost to a bug", Ct)).Message);

        var granted = await support.GrantItemAsync(player, actor, game.Potion.Id, 30, "Potions lost in the 1.4 crash", Ct);
        Assert.True(granted.Ok, granted.Message);
        var inventory = await support.InventoryAsync(actor, Ct);
        // 5 top up slot 0 to 20, then 20 into slot 1 and 5 into slot 3 (slot 2 holds the sword).
        Assert.Equal([(0, 20), (1, 20), (2, 1), (3, 5)], inventory.Select(i => (i.Slot, i.Quantity)));

        // 36 free slots left: 37 swords do not fit, and nothing changes.
        var tooMany = await support.GrantItemAsync(player, actor, game.Sword.Id, 37, "x", Ct);
        Assert.False(tooMany.Ok);
        Assert.Contains("36 free slot(s); 37 are needed", tooMany.Message);
        Assert.Equal(4, (await support.InventoryAsync(actor, Ct)).Count);
        Assert.True((await support.GrantItemAsync(player, actor, game.Sword.Id, 2, "Sword vanished on trade", Ct)).Ok);
        var swords = (await support.InventoryAsync(actor, Ct)).Where(i => i.ItemId == game.Sword.Id).ToList();
        Assert.Equal([(2, 1), (4, 1), (5, 1)], swords.Select(i => (i.Slot, i.Quantity)));

        await using var check = db.CreateContext();
        var notes = await check.PlayerNotes.Where(n => n.UserId == player).Select(n => n.Note).ToListAsync(Ct);
        Assert.Contains(notes, n => n.Contains("granted 30 × potion small (potion_small) to Grimbold (slot 0, 1, 3)") && n.Contains("Potions lost in the 1.4 crash"));
        Assert.Equal(2, notes.Count);
        Assert.Equal(4, await check.StaffAuditLogs.CountAsync(a => a.EntityType == "inventory_items" && a.Action == "create" && a.StaffUserId == world.Alice.Id, Ct));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_quantity_the_game_changed_meanwhile_is_not_overwritten(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var world = await ModerationArrange.CreateAsync(db);
        var game = await ArrangeAsync(db, world);
        await using var alice = world.As(world.Alice);
        var support = alice.ServiceProvider.GetRequiredService<PlayerSupportService>();
        var potions = (await support.InventoryAsync(game.Actor.Id, Ct)).Single(i => i.Slot == 0);
        await using (var game2 = db.CreateContext()) // the player drinks one while support looks at the inventory
            await game2.InventoryItems.Where(i => i.Id == potions.Id).ExecuteUpdateAsync(u => u.SetProperty(i => i.Quantity, potions.Quantity - 1), Ct);

        var late = await support.SetQuantityAsync(world.Target.Id, potions.Id, 3, "Duplicated by the bank exploit", potions.Quantity, Ct);

        Assert.False(late.Ok);
        Assert.Contains($"changed from {potions.Quantity} to {potions.Quantity - 1}", late.Message);
        await using var check = db.CreateContext();
        Assert.Equal(potions.Quantity - 1, (await check.InventoryItems.SingleAsync(i => i.Id == potions.Id, Ct)).Quantity);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Quantities_stay_within_the_stack_and_zero_removes_the_entry(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var world = await ModerationArrange.CreateAsync(db);
        var game = await ArrangeAsync(db, world);
        await using var alice = world.As(world.Alice);
        var support = alice.ServiceProvider.GetRequiredService<PlayerSupportService>();
        var potions = (await support.InventoryAsync(game.Actor.Id, Ct)).Single(i => i.Slot == 0);
        var sword = (await support.InventoryAsync(game.Actor.Id, Ct)).Single(i => i.Slot == 2);

        Assert.Contains("stacks up to 20", (await support.SetQuantityAsync(world.Target.Id, potions.Id, 21, "dupe fix", null, Ct)).Message);
        Assert.False((await support.SetQuantityAsync(world.Target.Id, potions.Id, -1, "dupe fix", null, Ct)).Ok);
        Assert.False((await support.SetQuantityAsync(world.Target.Id, potions.Id, 3, " ", null, Ct)).Ok);
        Assert.False((await support.SetQuantityAsync(world.Reporter.Id, potions.Id, 3, "wrong player", null, Ct)).Ok);
        Assert.True((await support.SetQuantityAsync(world.Target.Id, potions.Id, 3, "Duplicated by the bank exploit", null, Ct)).Ok);
        Assert.True((await support.RemoveItemAsync(world.Target.Id, sword.Id, "Exploit reward", Ct)).Ok);

        var left = Assert.Single(await support.InventoryAsync(game.Actor.Id, Ct));
        Assert.Equal((0, 3), (left.Slot, left.Quantity));
        await using var check = db.CreateContext();
        var notes = await check.PlayerNotes.Select(n => n.Note).ToListAsync(Ct);
        Assert.Contains(notes, n => n.Contains("quantity 15 → 3") && n.Contains("bank exploit"));
        Assert.Contains(notes, n => n.Contains("removed 1 × iron sword") && n.Contains("Exploit reward"));
        Assert.Equal(1, await check.StaffAuditLogs.CountAsync(a => a.EntityType == "inventory_items" && a.Action == "delete", Ct));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_stuck_character_moves_to_a_respawn_point_or_safe_area_of_its_zone_or_a_city(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var world = await ModerationArrange.CreateAsync(db);
        var game = await ArrangeAsync(db, world);
        await using var alice = world.As(world.Alice);
        var support = alice.ServiceProvider.GetRequiredService<PlayerSupportService>();

        var spots = await support.SafeSpotsAsync(game.Actor.Id, Ct);
        Assert.Equal(["spawn:spn_marsh_01", "safe:zone_marsh:0", "safe:zone_capital:0"], spots.Select(s => s.Key));
        Assert.Equal((125.0, 210.0), (spots[1].X, spots[1].Y)); // centre of the camp rectangle
        Assert.Equal((500.0, 500.0), (spots[2].X, spots[2].Y));

        Assert.False((await support.MoveToSafeSpotAsync(world.Target.Id, game.Actor.Id, "spawn:spn_marsh_02", "stuck", Ct)).Ok); // a monster spawn is no safe spot
        Assert.False((await support.MoveToSafeSpotAsync(world.Target.Id, game.Actor.Id, "spawn:spn_marsh_01", "", Ct)).Ok);
        var moved = await support.MoveToSafeSpotAsync(world.Target.Id, game.Actor.Id, "spawn:spn_marsh_01", "Stuck under the map", Ct);
        Assert.True(moved.Ok, moved.Message);
        Assert.Contains("The player is online", moved.Message); // the arrange gives the target two active sessions

        await using var check = db.CreateContext();
        var position = (await check.Actors.SingleAsync(a => a.Id == game.Actor.Id, Ct)).Position;
        Assert.Equal(("zone_marsh", 10.0, 20.0, 3.0), (position.ZoneId, position.X, position.Y, position.Z));
        var note = await check.PlayerNotes.Select(n => n.Note).SingleAsync(Ct);
        Assert.Contains("moved Grimbold from zone_marsh (999, 999)", note);
        Assert.Contains("Stuck under the map", note);
        Assert.True(await check.StaffAuditLogs.AnyAsync(a => a.EntityType == "actors" && a.StaffUserId == world.Alice.Id, Ct));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Ending_sessions_needs_a_reason_closes_every_active_session_and_leaves_a_note(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var world = await ModerationArrange.CreateAsync(db);
        await using var alice = world.As(world.Alice);
        var support = alice.ServiceProvider.GetRequiredService<PlayerSupportService>();

        Assert.Equal("A reason is required.", (await support.EndSessionsAsync(world.Target.Id, " ", Ct)).Message);
        var before = DateTime.UtcNow.AddSeconds(-1);
        Assert.Equal("2 session(s) ended.", (await support.EndSessionsAsync(world.Target.Id, "Account compromised", Ct)).Message);
        Assert.Equal("The player has no active session.", (await support.EndSessionsAsync(world.Target.Id, "again", Ct)).Message);

        await using var check = db.CreateContext();
        var sessions = await check.UserSessions.Where(s => s.UserId == world.Target.Id).ToListAsync(Ct);
        Assert.All(sessions, s => Assert.False(s.IsActive));
        Assert.All(sessions, s => Assert.InRange(s.ExpiresAt, before, DateTime.UtcNow.AddSeconds(1))); // the end time (no ended_at column)
        Assert.Contains("Account compromised", await check.PlayerNotes.Select(n => n.Note).SingleAsync(Ct));
        Assert.Equal(2, await check.StaffAuditLogs.CountAsync(a => a.EntityType == "user_sessions" && a.StaffUserId == world.Alice.Id, Ct));
    }
}
