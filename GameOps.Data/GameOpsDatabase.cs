using Microsoft.EntityFrameworkCore;
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
        builder.AddInterceptors(new VersioningInterceptor());
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
    /// The factory is scoped by default so that interceptors can see scoped services (the signed-in staff member
    /// of a Blazor circuit); consumers still create one short-lived context per operation.
    /// </remarks>
    public static IServiceCollection AddGameOpsData(this IServiceCollection services, DatabaseOptions options,
        Action<IServiceProvider, DbContextOptionsBuilder>? extra = null, ServiceLifetime factoryLifetime = ServiceLifetime.Scoped)
    {
        services.AddSingleton(options);
        if (options.Provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextFactory<PostgresGameOpsDbContext>((sp, b) => { Configure(b, options); extra?.Invoke(sp, b); }, factoryLifetime);
            services.Add(new ServiceDescriptor(typeof(IDbContextFactory<GameOpsDbContext>), sp => new Adapter<PostgresGameOpsDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresGameOpsDbContext>>()), factoryLifetime));
        }
        else
        {
            services.AddDbContextFactory<SqliteGameOpsDbContext>((sp, b) => { Configure(b, options); extra?.Invoke(sp, b); }, factoryLifetime);
            services.Add(new ServiceDescriptor(typeof(IDbContextFactory<GameOpsDbContext>), sp => new Adapter<SqliteGameOpsDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteGameOpsDbContext>>()), factoryLifetime));
        }
        services.AddScoped<GameOpsDbContext>(sp => sp.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContext());
        return services;
    }

    sealed class Adapter<T>(IDbContextFactory<T> inner) : IDbContextFactory<GameOpsDbContext> where T : GameOpsDbContext
    {
        public GameOpsDbContext CreateDbContext() => inner.CreateDbContext();
    }
}
