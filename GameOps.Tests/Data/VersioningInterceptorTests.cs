using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Tests.Data;

/// <summary>Optimistic concurrency: <c>version</c> (items, quests) or <c>updated_at</c> (the rest) refuses a stale save.</summary>
public sealed class VersioningInterceptorTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public Task A_stale_item_save_fails(DatabaseProvider provider) =>
        StaleSaveFails<Item>(provider, i => i.Id, i => i.Name = $"Renamed {Guid.NewGuid():N}", expectVersion: true);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public Task A_stale_quest_save_fails(DatabaseProvider provider) =>
        StaleSaveFails<Quest>(provider, q => q.Id, q => q.Title = $"Renamed {Guid.NewGuid():N}", expectVersion: true);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public Task A_stale_skill_definition_save_fails(DatabaseProvider provider) =>
        StaleSaveFails<SkillDefinition>(provider, s => s.Id, s => s.ManaCost++, expectVersion: false);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task New_rows_get_version_1_and_timestamps(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        var before = DateTime.UtcNow.AddSeconds(-1);
        Guid id;
        await using (var db = database.CreateContext())
        {
            var item = new Item { Id = Guid.NewGuid(), ItemId = "itm_stamp_test", Name = "Stamp test", ItemType = "weapon", Rarity = "common" };
            db.Items.Add(item);
            await db.SaveChangesAsync(ct);
            id = item.Id;
        }
        await using (var db = database.CreateContext())
        {
            var item = await db.Items.SingleAsync(i => i.Id == id, ct);
            Assert.Equal(1, item.Version);
            Assert.Equal(DateTimeKind.Utc, item.CreatedAt.Kind);
            Assert.InRange(item.CreatedAt, before, DateTime.UtcNow.AddSeconds(1));
            Assert.Equal(item.CreatedAt, item.UpdatedAt);
        }
    }

    static async Task StaleSaveFails<T>(DatabaseProvider provider, Func<T, Guid> id, Action<T> edit, bool expectVersion)
        where T : class, IUpdatedAt
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        Guid key;
        await using (var db = database.CreateContext())
        {
            var row = new RowBuilder(db).Add<T>();
            if (row is IVersioned v) v.Version = 0; // let the interceptor number it
            await db.SaveChangesAsync(ct);
            key = id(row);
            if (row is IVersioned saved) Assert.Equal(1, saved.Version);
        }

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var a = await first.Set<T>().SingleAsync(r => EF.Property<Guid>(r, "Id") == key, ct);
        var b = await second.Set<T>().SingleAsync(r => EF.Property<Guid>(r, "Id") == key, ct);
        var updatedBefore = a.UpdatedAt;

        edit(a);
        await first.SaveChangesAsync(ct);
        Assert.True(a.UpdatedAt > updatedBefore, "updated_at did not move on save");
        if (expectVersion) Assert.Equal(2, ((IVersioned)a).Version);

        edit(b);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(ct));

        await using var check = database.CreateContext();
        var stored = await check.Set<T>().SingleAsync(r => EF.Property<Guid>(r, "Id") == key, ct);
        Assert.Equal(a.UpdatedAt, stored.UpdatedAt);
        if (expectVersion) Assert.Equal(2, ((IVersioned)stored).Version);
    }
}
