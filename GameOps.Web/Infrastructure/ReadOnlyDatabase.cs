using System.Collections.Concurrent;
using GameOps.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GameOps.Web.Infrastructure;

/// <summary>
/// Contexts for reading only: dashboards, exports and the big read-only lists. With
/// <c>ConnectionStrings:GameOpsReadOnly</c> set (a streaming replica, or a role whose transactions are read-only) they
/// connect there; without it, to the primary. Either way they come from a pool, track nothing and refuse <c>SaveChanges</c>.
/// Everything that writes takes <see cref="IDbContextFactory{GameOpsDbContext}"/>.
/// </summary>
public interface IReadOnlyDbContextFactory : IDbContextFactory<GameOpsDbContext>
{
    /// <summary>True when the contexts connect to <c>ConnectionStrings:GameOpsReadOnly</c>, not the primary.</summary>
    bool IsSeparate { get; }
}

/// <summary>The read-only connection's settings, read once (null when it is not configured).</summary>
public sealed record ReadOnlyDatabaseOptions(DatabaseOptions? Database)
{
    public const string ConnectionName = "GameOpsReadOnly";

    public static ReadOnlyDatabaseOptions From(IConfiguration configuration, DatabaseOptions primary) =>
        configuration.GetConnectionString(ConnectionName) is { Length: > 0 } connection
            ? new(new DatabaseOptions { Provider = primary.Provider, ConnectionString = connection })
            : new((DatabaseOptions?)null);
}

/// <summary>
/// Read contexts from a pool, one per database (a pool outlives the scopes that draw from it): the read-only connection when it
/// is set, else the primary. They track nothing and refuse <c>SaveChanges</c> either way.
/// </summary>
public sealed class ReadOnlyDbContextFactory(ReadOnlyDatabaseOptions options, DatabaseOptions primary) : IReadOnlyDbContextFactory
{
    static readonly ConcurrentDictionary<(DatabaseProvider, string), IDbContextFactory<GameOpsDbContext>> Pools = new();

    public bool IsSeparate => options.Database is not null;

    public GameOpsDbContext CreateDbContext() => Pool().CreateDbContext();

    public Task<GameOpsDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => Pool().CreateDbContextAsync(cancellationToken);

    IDbContextFactory<GameOpsDbContext> Pool()
    {
        var database = options.Database ?? primary;
        return Pools.GetOrAdd((database.Provider, database.ConnectionString), _ => GameOpsDatabase.CreateReadPool(database, new RefuseWrites(IsSeparate)));
    }

    /// <summary>A read context that is asked to save is a bug: say so rather than let the replica (or nobody) refuse it later.</summary>
    sealed class RefuseWrites(bool separate) : SaveChangesInterceptor
    {
        string Message => separate
            ? "This context reads through ConnectionStrings:GameOpsReadOnly and cannot save changes."
            : "This context is for reading only and cannot save changes: writes take IDbContextFactory<GameOpsDbContext>.";

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
            throw new InvalidOperationException(Message);

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException(Message);
    }
}
