using GameOps.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GameOps.Web.Infrastructure;

/// <summary>
/// Contexts for reading only: dashboards, exports and the big read-only lists. With
/// <c>ConnectionStrings:GameOpsReadOnly</c> set (a streaming replica, or a role whose transactions are read-only) they
/// connect there, track nothing and refuse <c>SaveChanges</c>; without it they are the primary's contexts.
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

public sealed class ReadOnlyDbContextFactory(ReadOnlyDatabaseOptions options, IDbContextFactory<GameOpsDbContext> primary) : IReadOnlyDbContextFactory
{
    static readonly object Gate = new();
    static (string Key, DbContextOptions Options)? built;

    public bool IsSeparate => options.Database is not null;

    public GameOpsDbContext CreateDbContext()
    {
        if (options.Database is not { } database) return primary.CreateDbContext();
        var contextOptions = Build(database);
        return database.Provider == DatabaseProvider.Postgres
            ? new PostgresGameOpsDbContext((DbContextOptions<PostgresGameOpsDbContext>)contextOptions)
            : new SqliteGameOpsDbContext((DbContextOptions<SqliteGameOpsDbContext>)contextOptions);
    }

    static DbContextOptions Build(DatabaseOptions database)
    {
        var key = database.Provider + "|" + database.ConnectionString;
        lock (Gate)
        {
            if (built is { } cached && cached.Key == key) return cached.Options;
            DbContextOptionsBuilder builder = database.Provider == DatabaseProvider.Postgres
                ? new DbContextOptionsBuilder<PostgresGameOpsDbContext>()
                : new DbContextOptionsBuilder<SqliteGameOpsDbContext>();
            GameOpsDatabase.Configure(builder, database);
            builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
            builder.AddInterceptors(new RefuseWrites());
            built = (key, builder.Options);
            return builder.Options;
        }
    }

    /// <summary>A read-only context that is asked to save is a bug: say so rather than let the replica refuse it later.</summary>
    sealed class RefuseWrites : SaveChangesInterceptor
    {
        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
            throw new InvalidOperationException("This context reads through ConnectionStrings:GameOpsReadOnly and cannot save changes.");

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("This context reads through ConnectionStrings:GameOpsReadOnly and cannot save changes.");
    }
}
