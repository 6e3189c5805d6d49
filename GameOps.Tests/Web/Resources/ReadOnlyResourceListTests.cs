using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Infrastructure;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using static GameOps.Tests.Web.Resources.ResourceArrange;

namespace GameOps.Tests.Web.Resources;

/// <summary>
/// Issue 18 item 4: the big read-only lists (pages, counts, pickers) read through <c>ConnectionStrings:GameOpsReadOnly</c> when it is
/// set. The read-only connection is a read-only role on a database of its own (a stand-in for a replica) holding a row the primary
/// lacks: the list shows exactly that row, while the load for an edit comes from the primary.
/// </summary>
public sealed class ReadOnlyResourceListTests
{
    /// <summary>The store as the app's container builds it when <c>ConnectionStrings:GameOpsReadOnly</c> is set (see ScaleOut).</summary>
    static ResourceStore StoreOver(IServiceProvider services, IReadOnlyDbContextFactory readOnly) => new(
        services.GetRequiredService<IDbContextFactory<GameOpsDbContext>>(), services.GetRequiredService<IMemoryCache>(), services.GetRequiredService<ResourceCatalog>(),
        services.GetRequiredService<TableVersions>(), services.GetRequiredService<CurrentStaff>(), readOnly);

    [Fact]
    public async Task Lists_counts_and_pickers_read_the_read_only_database_and_the_edit_load_reads_the_primary()
    {
        var onlyOnReplica = NewPlayer("replica-only");
        var onlyOnPrimary = NewPlayer("primary-only");
        await using var replica = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Postgres);
        await using (var db = replica.CreateContext())
        {
            db.Players.Add(onlyOnReplica);
            await db.SaveChangesAsync(Ct);
        }
        var (primary, services, catalog) = await ArrangeAsync(DatabaseProvider.Postgres, [onlyOnPrimary], StaffRoles.Admin);
        await using var _ = primary;
        var readOnly = new ReadOnlyDbContextFactory(
            new ReadOnlyDatabaseOptions(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = (await ReadOnlyRoles.CreateAsync(replica, "gameops_lists_")).ConnectionString }),
            primary.Options);
        await using var scope = services.CreateAsyncScope();
        var store = StoreOver(scope.ServiceProvider, readOnly);
        var players = catalog.For<Player>();

        var page = await store.ListAsync(players, new ResourceQuery(), Ct);
        Assert.Equal([(object)onlyOnReplica.Id], page.Rows.Select(r => r.Id));
        Assert.Equal(1, page.Total);
        var searched = await store.ListAsync(players, new ResourceQuery { Search = "replica" }, Ct);
        Assert.Equal([(object)onlyOnReplica.Id], searched.Rows.Select(r => r.Id));
        Assert.Equal([(object)onlyOnReplica.Id], (await store.PickFromTableAsync(players, nameof(Player.Id), "replica", Ct)).Select(o => o.Value));
        Assert.Empty(await store.PickFromTableAsync(players, nameof(Player.Id), "primary", Ct));

        Assert.NotNull(await store.LoadAsync(players, onlyOnPrimary.Id, Ct)); // an edit starts from the primary's latest row
        Assert.Null(await store.LoadAsync(players, onlyOnReplica.Id, Ct));
    }

    [Fact]
    public async Task Without_a_read_only_connection_the_lists_read_the_primary()
    {
        var player = NewPlayer("primary");
        var (primary, services, catalog) = await ArrangeAsync(DatabaseProvider.Postgres, [player], StaffRoles.Admin);
        await using var _ = primary;
        var readOnly = new ReadOnlyDbContextFactory(new ReadOnlyDatabaseOptions((DatabaseOptions?)null), primary.Options);
        await using var scope = services.CreateAsyncScope();
        var store = StoreOver(scope.ServiceProvider, readOnly);

        Assert.Equal([(object)player.Id], (await store.ListAsync(catalog.For<Player>(), new ResourceQuery(), Ct)).Rows.Select(r => r.Id));
    }
}
