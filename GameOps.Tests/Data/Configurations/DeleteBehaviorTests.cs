using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Tests.Data.Configurations;

/// <summary>
/// The database itself enforces the foreign keys: each delete runs in a new context that has loaded only the
/// principal, so EF Core cannot stop it first and the database's answer is what is tested.
/// </summary>
public sealed class DeleteBehaviorTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_item_held_in_an_inventory_cannot_be_deleted(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        Guid itemId;
        await using (var db = database.CreateContext())
        {
            var row = new RowBuilder(db).Add<InventoryItem>();
            await db.SaveChangesAsync(ct);
            itemId = row.ItemId;
        }

        await using (var db = database.CreateContext())
        {
            db.Items.Remove(await db.Items.SingleAsync(i => i.Id == itemId, ct));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
        }
        await using (var db = database.CreateContext())
            Assert.True(await db.Items.AnyAsync(i => i.Id == itemId, ct));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_skill_learned_by_an_actor_cannot_be_deleted(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        string skillId;
        await using (var db = database.CreateContext())
        {
            var row = new RowBuilder(db).Add<ActorSkill>();
            await db.SaveChangesAsync(ct);
            skillId = row.SkillId; // the string business key skill_definitions.skill_id
        }

        await using (var db = database.CreateContext())
        {
            db.SkillDefinitions.Remove(await db.SkillDefinitions.SingleAsync(s => s.SkillId == skillId, ct));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
        }
        await using (var db = database.CreateContext())
            Assert.True(await db.SkillDefinitions.AnyAsync(s => s.SkillId == skillId, ct));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Deleting_an_actor_removes_its_inventory_and_keeps_the_items(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        Guid actorId, itemId, otherRowId;
        await using (var db = database.CreateContext())
        {
            var builder = new RowBuilder(db) { FillOptional = false };
            var row = builder.Add<InventoryItem>();
            var second = builder.Add<InventoryItem>();
            second.ActorId = row.ActorId; // the same actor holds two stacks
            second.SlotPosition = row.SlotPosition + 1;
            var other = builder.Add<InventoryItem>();
            await db.SaveChangesAsync(ct);
            (actorId, itemId, otherRowId) = (row.ActorId, row.ItemId, other.Id);
            Assert.Equal(2, await db.InventoryItems.CountAsync(i => i.ActorId == actorId, ct));
        }

        await using (var db = database.CreateContext())
        {
            db.Actors.Remove(await db.Actors.SingleAsync(a => a.Id == actorId, ct));
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.InventoryItems.CountAsync(i => i.ActorId == actorId, ct));
            Assert.True(await db.InventoryItems.AnyAsync(i => i.Id == otherRowId, ct));
            Assert.True(await db.Items.AnyAsync(i => i.Id == itemId, ct));
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Deleting_a_guild_clears_the_territories_it_owned(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        Guid territoryId, guildId;
        await using (var db = database.CreateContext())
        {
            var territory = new RowBuilder(db).Add<Territory>();
            await db.SaveChangesAsync(ct);
            (territoryId, guildId) = (territory.Id, territory.OwnerGuildId!.Value);
        }

        await using (var db = database.CreateContext())
        {
            db.Guilds.Remove(await db.Guilds.SingleAsync(g => g.Id == guildId, ct));
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.CreateContext())
            Assert.Null((await db.Territories.SingleAsync(t => t.Id == territoryId, ct)).OwnerGuildId);
    }
}
