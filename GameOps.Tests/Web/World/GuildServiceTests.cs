using GameOps.Data;
using System.Text.Json;
using GameOps.Data.Entities;
using GameOps.Data.Json;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Security;
using GameOps.Web.Services.World;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.World;

/// <summary>Treasury adjustments and disbanding: reason required, never below zero, one transaction, audited with the reason; on both providers.</summary>
public sealed class GuildServiceTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    sealed record Arranged(ServiceProvider Services, Guild Guild, Guild Rival, List<GuildMember> Members, Territory Held, Territory RivalHeld) : IAsyncDisposable
    {
        public AsyncServiceScope As(string role)
        {
            var scope = Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentStaff>().Use(WebServices.Staff(role, email: $"{role.ToLowerInvariant()}@tests.local"), "127.0.0.1", "tests");
            return scope;
        }

        public ValueTask DisposeAsync() => Services.DisposeAsync();
    }

    static async Task<Arranged> ArrangeAsync(TestDatabase database)
    {
        var now = RowBuilder.BaseTime;
        var player = new Player { Id = Guid.NewGuid(), Username = "guildie", Email = "guildie@players.local", PasswordHash = "x", Status = "active", CreatedAt = now.AddDays(-30) };
        var actors = Enumerable.Range(0, 3).Select(i => new Actor { Id = Guid.NewGuid(), UserId = player.Id, Name = $"Hero{i}", Level = 20 + i, CreatedAt = now.AddDays(-20) }).ToList();
        var guild = new Guild { Id = Guid.NewGuid(), GuildId = "gld_test", Name = "Order of Tests", Level = 3, MaxMembers = 30, Treasury = 1000, Status = "active", CreatedAt = now.AddDays(-10), UpdatedAt = now.AddDays(-1) };
        var rival = new Guild { Id = Guid.NewGuid(), GuildId = "gld_rival", Name = "Rivals", Level = 2, MaxMembers = 30, Treasury = 50, Status = "active", CreatedAt = now.AddDays(-10), UpdatedAt = now.AddDays(-1) };
        var members = new List<GuildMember>
        {
            new() { Id = Guid.NewGuid(), GuildId = guild.Id, ActorId = actors[0].Id, Rank = "leader", Contribution = 500, JoinedAt = now.AddDays(-10) },
            new() { Id = Guid.NewGuid(), GuildId = guild.Id, ActorId = actors[1].Id, Rank = "member", Contribution = 100, JoinedAt = now.AddDays(-5) },
        };
        var rivalMember = new GuildMember { Id = Guid.NewGuid(), GuildId = rival.Id, ActorId = actors[2].Id, Rank = "leader", JoinedAt = now.AddDays(-8) };
        var zone = new WorldZone { Id = Guid.NewGuid(), ZoneId = "zone_t", Name = "Test zone", ZoneType = "pvp", LevelRangeMin = 1, LevelRangeMax = 60, IsActive = true, CreatedAt = now, UpdatedAt = now };
        Territory Territory(string key, Guid? owner) => new()
        {
            Id = Guid.NewGuid(), TerritoryId = key, Name = key, ZoneId = zone.ZoneId, OwnerGuildId = owner, TerritoryType = "mine", Level = 1, IsActive = true,
            Coordinates = new MapArea { Shape = "circle", X = 100, Y = 100, Radius = 10 }, CreatedAt = now, UpdatedAt = now,
        };
        var held = Territory("ter_held", guild.Id);
        var rivalHeld = Territory("ter_rival", rival.Id);
        await using (var db = database.CreateContext())
        {
            db.Players.Add(player);
            db.Actors.AddRange(actors);
            db.Guilds.AddRange(guild, rival);
            db.GuildMembers.AddRange([.. members, rivalMember]);
            db.WorldZones.Add(zone);
            db.Territories.AddRange(held, rivalHeld);
            await db.SaveChangesAsync(Ct);
        }
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGameOpsWebData(database);
        services.AddWorldWorkspace();
        return new Arranged(services.BuildServiceProvider(validateScopes: false), guild, rival, members, held, rivalHeld);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Treasury_adjustment_needs_a_reason_never_goes_below_zero_and_is_audited_with_its_reason(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        await using var arranged = await ArrangeAsync(database);
        await using var scope = arranged.As(StaffRoles.LiveOps);
        var service = scope.ServiceProvider.GetRequiredService<GuildService>();

        var noReason = await service.AdjustTreasuryAsync(arranged.Guild.Id, 500, "   ", Ct);
        Assert.False(noReason.Ok);
        Assert.Contains("reason", noReason.Message, StringComparison.OrdinalIgnoreCase);
        var tooMuch = await service.AdjustTreasuryAsync(arranged.Guild.Id, -1001, "clawback", Ct);
        Assert.False(tooMuch.Ok);
        Assert.Contains("below zero", tooMuch.Message);
        Assert.False((await service.AdjustTreasuryAsync(arranged.Guild.Id, 0, "nothing", Ct)).Ok);
        await using (var check = database.CreateContext())
        {
            Assert.Equal(1000, (await check.Guilds.SingleAsync(g => g.Id == arranged.Guild.Id, Ct)).Treasury);
            Assert.Equal(0, await check.StaffAuditLogs.CountAsync(Ct));
            Assert.Equal(0, await check.GuildActivities.CountAsync(Ct));
        }

        var credit = await service.AdjustTreasuryAsync(arranged.Guild.Id, 250, "Refund for bugged siege", Ct);
        Assert.True(credit.Ok, credit.Message);
        var drain = await service.AdjustTreasuryAsync(arranged.Guild.Id, -1250, "Gold dupe exploit", Ct);
        Assert.True(drain.Ok, drain.Message);

        await using var after = database.CreateContext();
        Assert.Equal(0, (await after.Guilds.SingleAsync(g => g.Id == arranged.Guild.Id, Ct)).Treasury);
        var activities = await after.GuildActivities.Where(a => a.GuildId == arranged.Guild.Id).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync(Ct);
        Assert.Equal(2, activities.Count);
        Assert.All(activities, a => Assert.Equal("staff_treasury_adjustment", a.ActivityType));
        var audit = await after.StaffAuditLogs.Where(a => a.EntityType == "guild_activities").ToListAsync(Ct);
        Assert.Equal(2, audit.Count);
        Assert.Contains(audit, a => a.Changes!.Contains("Gold dupe exploit") && a.StaffEmail == "liveops@tests.local");
        var guildAudit = await after.StaffAuditLogs.Where(a => a.EntityType == "guilds").ToListAsync(Ct);
        Assert.Equal(2, guildAudit.Count);
        Assert.Contains(guildAudit, a => JsonDocument.Parse(a.Changes!).RootElement.GetProperty("after").GetProperty("treasury").GetInt64() == 0);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Roles_without_the_permission_are_refused_with_a_message_and_nothing_changes(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        await using var arranged = await ArrangeAsync(database);
        foreach (var role in new[] { StaffRoles.Designer, StaffRoles.Moderator, StaffRoles.Manager })
        {
            await using var scope = arranged.As(role);
            var service = scope.ServiceProvider.GetRequiredService<GuildService>();
            var adjust = await service.AdjustTreasuryAsync(arranged.Guild.Id, 10, "because", Ct);
            var disband = await service.DisbandAsync(arranged.Guild.Id, "because", Ct);
            Assert.False(adjust.Ok);
            Assert.False(disband.Ok);
            Assert.Contains("role cannot", adjust.Message);
            Assert.Contains("role cannot", disband.Message);
        }
        await using var check = database.CreateContext();
        var guild = await check.Guilds.SingleAsync(g => g.Id == arranged.Guild.Id, Ct);
        Assert.Equal((1000L, "active"), (guild.Treasury, guild.Status));
        Assert.Equal(0, await check.StaffAuditLogs.CountAsync(Ct));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Disbanding_is_one_transaction_releasing_territories_and_members_audited_with_the_reason(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        await using var arranged = await ArrangeAsync(database);
        await using var scope = arranged.As(StaffRoles.Admin);
        var service = scope.ServiceProvider.GetRequiredService<GuildService>();

        var refused = await service.DisbandAsync(arranged.Guild.Id, "", Ct);
        Assert.False(refused.Ok);
        Assert.Contains("reason", refused.Message, StringComparison.OrdinalIgnoreCase);

        var result = await service.DisbandAsync(arranged.Guild.Id, "Guild used for RMT laundering", Ct);
        Assert.True(result.Ok, result.Message);

        await using var check = database.CreateContext();
        var guild = await check.Guilds.SingleAsync(g => g.Id == arranged.Guild.Id, Ct);
        Assert.Equal("disbanded", guild.Status);
        Assert.Equal(1000, guild.Treasury);
        Assert.Null((await check.Territories.SingleAsync(t => t.Id == arranged.Held.Id, Ct)).OwnerGuildId);
        Assert.Equal(arranged.Rival.Id, (await check.Territories.SingleAsync(t => t.Id == arranged.RivalHeld.Id, Ct)).OwnerGuildId);
        Assert.False(await check.GuildMembers.AnyAsync(m => m.GuildId == arranged.Guild.Id, Ct));
        Assert.True(await check.GuildMembers.AnyAsync(m => m.GuildId == arranged.Rival.Id, Ct));
        var activity = await check.GuildActivities.SingleAsync(a => a.GuildId == arranged.Guild.Id, Ct);
        Assert.Equal("guild_disbanded", activity.ActivityType);
        Assert.Contains("Hero0", activity.Details);

        // Every row of the one transaction is audited, and the reason is in the trail.
        var audited = await check.StaffAuditLogs.ToListAsync(Ct);
        Assert.Contains(audited, a => a.EntityType == "guilds" && a.EntityKey == arranged.Guild.Id.ToString());
        Assert.Contains(audited, a => a.EntityType == "territories" && a.EntityKey == arranged.Held.Id.ToString());
        Assert.Equal(2, audited.Count(a => a.EntityType == "guild_members" && a.Action == "delete"));
        Assert.Contains(audited, a => a.EntityType == "guild_activities" && a.Changes!.Contains("Guild used for RMT laundering"));
        Assert.Single(audited.Select(a => a.CreatedAt).Distinct());

        var again = await service.DisbandAsync(arranged.Guild.Id, "twice", Ct);
        Assert.False(again.Ok);
        Assert.False((await service.AdjustTreasuryAsync(arranged.Guild.Id, 5, "frozen?", Ct)).Ok);
    }
}
