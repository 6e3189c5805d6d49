using System.Data.Common;
using GameOps.Bench;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Data.Schema;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Bench;

/// <summary>The benchmark's generator at a tiny scale, on both providers, and keyset paging against offset paging on what it made.</summary>
public sealed class GeneratorTests
{
    const double TinyScale = 0.0005;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Generated_data_is_consistent_and_the_schema_is_unchanged(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        LiveSchema before;
        List<string> schemaBefore;
        await using (var db = database.CreateContext())
        {
            before = await LiveSchema.ReadAsync(db, ct);
            schemaBefore = await SchemaDefinitionsAsync(db, ct);
        }

        var result = await new Generator(database.Options, TinyScale).RunAsync(ct);

        await using (var db = database.CreateContext())
        {
            var after = await LiveSchema.ReadAsync(db, ct);
            Assert.Equal(before.Tables.Keys.Order(), after.Tables.Keys.Order());
            foreach (var (table, columns) in before.Tables)
                Assert.Equal(columns.OrderBy(c => c.Key), after.Tables[table].OrderBy(c => c.Key));
            Assert.Equal(before.ForeignKeyColumns.Order(), after.ForeignKeyColumns.Order());
            Assert.Equal(before.UniqueColumns.Order(), after.UniqueColumns.Order());
            Assert.Equal(schemaBefore, await SchemaDefinitionsAsync(db, ct));

            Assert.Equal(500, await db.Players.CountAsync(ct)); // 1M × 0.0005, above the template's 300
            foreach (var load in result.Tables)
                Assert.Equal(load.Rows, await ScalarAsync(db, $"SELECT COUNT(*) FROM \"{load.Table}\"", ct));

            // Every foreign key of the model points at an existing row.
            var dangling = new List<string>();
            foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
                foreach (var fk in entity.GetForeignKeys())
                {
                    var child = entity.GetTableName()!;
                    var parent = fk.PrincipalEntityType.GetTableName()!;
                    var on = string.Join(" AND ", fk.Properties.Select((p, i) => $"p.\"{fk.PrincipalKey.Properties[i].GetColumnName()}\" = c.\"{p.GetColumnName()}\""));
                    var notNull = string.Join(" AND ", fk.Properties.Select(p => $"c.\"{p.GetColumnName()}\" IS NOT NULL"));
                    var sql = $"SELECT COUNT(*) FROM \"{child}\" c WHERE {notNull} AND NOT EXISTS (SELECT 1 FROM \"{parent}\" p WHERE {on})";
                    var count = await ScalarAsync(db, sql, ct);
                    if (count > 0) dangling.Add($"{child}.{string.Join(",", fk.Properties.Select(p => p.GetColumnName()))} → {parent}: {count}");
                }
            Assert.Empty(dangling);
        }

        // Keyset paging returns exactly the rows of offset paging, paging on, back, and jumping deep.
        using var services = WebServices.Build(database, WebServices.Staff(GameOps.Web.Security.StaffRoles.Admin)); // the store demands read permission
        var catalog = services.GetRequiredService<ResourceCatalog>();
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ResourceStore>();
        await using var check = database.CreateContext();
        await ExpectSamePagesAsync(store, catalog.For<ChatMessage>(), null, false, check.ChatMessages.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Select(m => m.Id), ct);
        await ExpectSamePagesAsync(store, catalog.For<Player>(), nameof(Player.Username), false, check.Players.OrderBy(p => p.Username).ThenBy(p => p.Id).Select(p => p.Id), ct);
        await ExpectSamePagesAsync(store, catalog.For<Player>(), nameof(Player.CreatedAt), false, check.Players.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Select(p => p.Id), ct);
        await ExpectSamePagesAsync(store, catalog.For<Item>(), nameof(Item.Value), true, check.Items.OrderByDescending(i => i.Value).ThenByDescending(i => i.Id).Select(i => i.Id), ct);
        await ExpectSamePagesAsync(store, catalog.For<PlayerReport>(), null, false, check.PlayerReports.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(r => r.Id), ct);
    }

    static async Task ExpectSamePagesAsync(ResourceStore store, ResourceDescription resource, string? sort, bool descending, IQueryable<Guid> offsetOrder, CancellationToken ct)
    {
        const int size = 25;
        var total = await offsetOrder.CountAsync(ct);
        var deep = Math.Max(1, total / size - 2);
        foreach (var page in new[] { 0, 1, 2, 3, 2, 1, deep, deep + 1, deep - 1, 5 })
        {
            var expected = await offsetOrder.Skip(page * size).Take(size).ToListAsync(ct);
            var actual = await store.ListAsync(resource, new ResourceQuery { SortField = sort, SortDescending = descending, Page = page, PageSize = size }, ct);
            Assert.True(expected.SequenceEqual(actual.Rows.Select(r => (Guid)r.Id)), $"{resource.Slug} sorted by {sort ?? "default"}: page {page} differs from offset paging");
        }
    }

    /// <summary>
    /// Every index, constraint (with its validation state), user trigger (with its enabled state) and table persistence: the
    /// generator drops keys, foreign keys and indexes during the load and must put back exactly what the migrations made.
    /// </summary>
    static async Task<List<string>> SchemaDefinitionsAsync(GameOpsDbContext db, CancellationToken ct)
    {
        string[] queries = db.Provider == DatabaseProvider.Postgres
            ?
            [
                "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname",
                "SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' validated=' || convalidated FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1",
                "SELECT tgrelid::regclass::text || ' ' || tgname || ' ' || tgenabled::text FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1",
                "SELECT relname || ' ' || relpersistence::text FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY 1",
            ]
            : ["SELECT type || ' ' || name || ' ' || sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name"];
        var list = new List<string>();
        await db.Database.OpenConnectionAsync(ct);
        foreach (var sql in queries)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) list.Add(reader.GetString(0));
        }
        return list;
    }

    static async Task<long> ScalarAsync(GameOpsDbContext db, string sql, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct));
    }
}
