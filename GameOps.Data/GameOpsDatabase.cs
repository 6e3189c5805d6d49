using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Data;

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; set; } = "Data Source=gameops.db";
}

/// <summary>Builds contexts for the configured provider; the one place that knows which subclass to use.</summary>
public static class GameOpsDatabase
{
    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(options.ConnectionString, o => o.MigrationsAssembly(typeof(GameOpsDatabase).Assembly.FullName));
                break;
            default:
                builder.UseSqlite(options.ConnectionString, o => o.MigrationsAssembly(typeof(GameOpsDatabase).Assembly.FullName));
                break;
        }
        builder.UseSnakeCaseNamingConvention();
        builder.AddInterceptors(new VersioningInterceptor(), new AuditChainInterceptor());
    }

    public static GameOpsDbContext CreateContext(DatabaseOptions options)
    {
        if (options.Provider == DatabaseProvider.Postgres)
        {
            var b = new DbContextOptionsBuilder<PostgresGameOpsDbContext>();
            Configure(b, options);
            return new PostgresGameOpsDbContext(b.Options);
        }
        var s = new DbContextOptionsBuilder<SqliteGameOpsDbContext>();
        Configure(s, options);
        return new SqliteGameOpsDbContext(s.Options);
    }

    /// <summary>
    /// Registers <see cref="IDbContextFactory{GameOpsDbContext}"/> (one context per operation, as Blazor Server needs)
    /// and a scoped <see cref="GameOpsDbContext"/> for Identity's stores.
    /// </summary>
    /// <remarks>
    /// The factory is scoped so that interceptors can see scoped services (the signed-in staff member of a Blazor
    /// circuit). The options are read when first needed, so that hosts (and test hosts) can still change configuration.
    /// </remarks>
    public static IServiceCollection AddGameOpsData(this IServiceCollection services, Func<IServiceProvider, DatabaseOptions> options,
        Action<IServiceProvider, DbContextOptionsBuilder>? extra = null)
    {
        services.AddSingleton(options);
        services.AddScoped<IDbContextFactory<GameOpsDbContext>>(sp => new ContextFactory(sp, sp.GetRequiredService<DatabaseOptions>(), extra));
        services.AddScoped<GameOpsDbContext>(sp => sp.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContext());
        return services;
    }

    public static IServiceCollection AddGameOpsData(this IServiceCollection services, DatabaseOptions options,
        Action<IServiceProvider, DbContextOptionsBuilder>? extra = null) => services.AddGameOpsData(_ => options, extra);

    /// <summary>
    /// Contexts that only read, from a pool (EF's <c>PooledDbContextFactory</c>): a list load no longer builds a context's
    /// services anew, which cost about a fifth of a sub-millisecond list. They track nothing and carry only the given
    /// interceptors, none that need the caller's scope (those that audit or version a write): a caller that writes takes the
    /// scoped factory of <see cref="AddGameOpsData(IServiceCollection, Func{IServiceProvider, DatabaseOptions}, Action{IServiceProvider, DbContextOptionsBuilder}?)"/>.
    /// </summary>
    public static IDbContextFactory<GameOpsDbContext> CreateReadPool(DatabaseOptions options, params IInterceptor[] interceptors)
    {
        if (options.Provider == DatabaseProvider.Postgres)
            return new PoolOf<PostgresGameOpsDbContext>(new PooledDbContextFactory<PostgresGameOpsDbContext>(
                ReadOptions(new DbContextOptionsBuilder<PostgresGameOpsDbContext>(), options, interceptors)));
        return new PoolOf<SqliteGameOpsDbContext>(new PooledDbContextFactory<SqliteGameOpsDbContext>(
            ReadOptions(new DbContextOptionsBuilder<SqliteGameOpsDbContext>(), options, interceptors)));
    }

    static DbContextOptions<T> ReadOptions<T>(DbContextOptionsBuilder<T> builder, DatabaseOptions options, IInterceptor[] interceptors) where T : DbContext
    {
        Configure(builder, options);
        builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        builder.AddInterceptors(interceptors);
        return builder.Options;
    }

    sealed class PoolOf<T>(IDbContextFactory<T> pool) : IDbContextFactory<GameOpsDbContext> where T : GameOpsDbContext
    {
        public GameOpsDbContext CreateDbContext() => pool.CreateDbContext();

        public async Task<GameOpsDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await pool.CreateDbContextAsync(cancellationToken);
    }

    sealed class ContextFactory(IServiceProvider services, DatabaseOptions options, Action<IServiceProvider, DbContextOptionsBuilder>? extra)
        : IDbContextFactory<GameOpsDbContext>
    {
        DbContextOptions? built;

        public GameOpsDbContext CreateDbContext()
        {
            if (options.Provider == DatabaseProvider.Postgres)
                return new PostgresGameOpsDbContext((DbContextOptions<PostgresGameOpsDbContext>)(built ??= Build(new DbContextOptionsBuilder<PostgresGameOpsDbContext>())));
            return new SqliteGameOpsDbContext((DbContextOptions<SqliteGameOpsDbContext>)(built ??= Build(new DbContextOptionsBuilder<SqliteGameOpsDbContext>())));
        }

        DbContextOptions Build(DbContextOptionsBuilder builder)
        {
            Configure(builder, options);
            extra?.Invoke(services, builder);
            return builder.Options;
        }
    }
}
