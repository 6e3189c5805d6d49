using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Tests.Web.Moderation;
using GameOps.Web.Security;
using GameOps.Web.Services.LiveOps;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.LiveOps;

/// <summary>
/// A small live-ops world: a live-ops and a manager staff member, two catalogue items, and five players —
/// rookie (level 10, Greenhollow, guild Wolves), veteran (level 30, Ashen Wastes), champion (level 55, Greenhollow,
/// Wolves), outlaw (level 30 but banned) and newcomer (no character).
/// </summary>
public sealed class LiveOpsArrange : IAsyncDisposable
{
    public required ServiceProvider Services { get; init; }
    public required StaffUser LiveOps { get; init; }
    public required StaffUser Manager { get; init; }
    public required Item Sword { get; init; }
    public required Item Potion { get; init; }
    public required Dictionary<string, Player> Players { get; init; }

    public static async Task<LiveOpsArrange> CreateAsync(TestDatabase database)
    {
        var ct = TestContext.Current.CancellationToken;
        var liveOps = ModerationArrange.NewStaff("lena");
        var manager = ModerationArrange.NewStaff("marc");
        var now = DateTime.UtcNow;
        Item NewItem(string key, string name) => new()
        {
            Id = Guid.NewGuid(), ItemId = key, Name = name, ItemType = "weapon", Rarity = "rare", StackSize = 1, IsActive = true, Version = 1, CreatedAt = now, UpdatedAt = now,
        };
        var sword = NewItem("it_frost_sword", "Frost Sword");
        var potion = NewItem("it_potion", "Potion");
        var players = new[] { "rookie", "veteran", "champion", "outlaw", "newcomer" }
            .ToDictionary(n => n, n => ModerationArrange.NewPlayer(n, n == "outlaw" ? "banned" : "active"));
        Actor NewActor(string player, int level, string zone) => new()
        {
            Id = Guid.NewGuid(), UserId = players[player].Id, Name = player + "_hero", Level = level, Position = new() { ZoneId = zone }, CreatedAt = now,
        };
        var actors = new[]
        {
            NewActor("rookie", 10, "zone_greenhollow"), NewActor("veteran", 30, "zone_ashen_wastes"), NewActor("champion", 55, "zone_greenhollow"),
            NewActor("outlaw", 30, "zone_greenhollow"),
        };
        var wolves = new Guild { Id = Guid.NewGuid(), GuildId = "g_wolves", Name = "Wolves", Status = "active", MaxMembers = 50, Level = 1, CreatedAt = now, UpdatedAt = now };
        await using (var db = database.CreateContext())
        {
            db.AddRange(liveOps, manager);
            db.Items.AddRange(sword, potion);
            db.Players.AddRange(players.Values);
            db.Actors.AddRange(actors);
            db.Guilds.Add(wolves);
            db.GuildMembers.AddRange(
                new GuildMember { Id = Guid.NewGuid(), GuildId = wolves.Id, ActorId = actors[0].Id, Rank = "member", JoinedAt = now },
                new GuildMember { Id = Guid.NewGuid(), GuildId = wolves.Id, ActorId = actors[2].Id, Rank = "leader", JoinedAt = now });
            await db.SaveChangesAsync(ct);
        }
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGameOpsWebData(database);
        services.AddLiveOpsWorkspace();
        return new LiveOpsArrange
        {
            Services = services.BuildServiceProvider(validateScopes: false),
            LiveOps = liveOps, Manager = manager, Sword = sword, Potion = potion, Players = players,
        };
    }

    /// <summary>A scope acting as <paramref name="staff"/> with <paramref name="role"/>.</summary>
    public AsyncServiceScope As(StaffUser staff, string role = StaffRoles.LiveOps)
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentStaff>().Use(WebServices.Staff(role, staff.Id, staff.Email), "127.0.0.1", "tests");
        return scope;
    }

    public static GameEvent NewEvent(string key, string status, DateTime start, string category = "pvp") => new()
    {
        Id = Guid.NewGuid(), EventId = key, Name = key.Replace('_', ' '), EventType = "community", Category = category, Status = status,
        StartTime = start, EndTime = start.AddHours(3), Settings = "{}", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
    };

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}

/// <summary>A migrated database of one provider with the live-ops world, and a scope acting as its live-ops staff member (or <see cref="StaffRoles.Manager"/>).</summary>
public sealed class LiveOpsSession : IAsyncDisposable
{
    public required TestDatabase Database { get; init; }
    public required LiveOpsArrange World { get; init; }
    public required AsyncServiceScope Scope { get; init; }

    public EventService Events => Scope.ServiceProvider.GetRequiredService<EventService>();
    public BroadcastService Broadcasts => Scope.ServiceProvider.GetRequiredService<BroadcastService>();

    public static async Task<LiveOpsSession> StartAsync(DatabaseProvider provider, string role = StaffRoles.LiveOps)
    {
        var database = await TestDatabases.CreateMigratedAsync(provider);
        var world = await LiveOpsArrange.CreateAsync(database);
        return new LiveOpsSession { Database = database, World = world, Scope = world.As(role == StaffRoles.LiveOps ? world.LiveOps : world.Manager, role) };
    }

    public async ValueTask DisposeAsync()
    {
        await Scope.DisposeAsync();
        await World.DisposeAsync();
        await Database.DisposeAsync();
    }
}
