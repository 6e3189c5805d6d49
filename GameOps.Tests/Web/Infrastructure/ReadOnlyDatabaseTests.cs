using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Tests.Web.Infrastructure;

/// <summary>
/// Issue 19 item 5: the lists' read contexts come from a pool even without a read-only connection, because building a
/// context's services anew was about a fifth of a sub-millisecond list load. Being pooled must not make them able to write.
/// </summary>
public sealed class ReadOnlyDatabaseTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static ReadOnlyDbContextFactory OverPrimary(TestDatabase primary) => new(new ReadOnlyDatabaseOptions((DatabaseOptions?)null), primary.Options);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_read_context_given_back_is_lent_again_instead_of_built_anew(DatabaseProvider provider)
    {
        await using var primary = await TestDatabases.CreateMigratedAsync(provider);
        var reads = OverPrimary(primary);

        var first = await reads.CreateDbContextAsync(Ct);
        Assert.Equal(0, await first.Players.CountAsync(Ct));
        await first.DisposeAsync();
        await using var second = await reads.CreateDbContextAsync(Ct);

        Assert.Same(first, second);
        Assert.Equal(0, await second.Players.CountAsync(Ct)); // and it still reads after its return to the pool
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_read_context_over_the_primary_tracks_nothing_and_refuses_to_save(DatabaseProvider provider)
    {
        await using var primary = await TestDatabases.CreateMigratedAsync(provider);
        await using var reads = await OverPrimary(primary).CreateDbContextAsync(Ct);

        reads.Players.Add(new Player { Id = Guid.NewGuid(), Username = "written-through-a-read-context", Email = "reader@example.test" });
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => reads.SaveChangesAsync(Ct));

        Assert.Contains("reading only", refused.Message);
        await using var check = primary.CreateContext();
        Assert.Equal(0, await check.Players.CountAsync(Ct)); // nothing reached the database
        Assert.Equal(QueryTrackingBehavior.NoTracking, reads.ChangeTracker.QueryTrackingBehavior);
    }
}
