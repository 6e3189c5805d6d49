using GameOps.Data;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Tests.Infrastructure;

/// <summary>
/// A fresh, private database of one provider: a temp SQLite file or a new database on the assembly's
/// <see cref="PostgresServer"/>. Hands out new contexts on it; removes the SQLite file when disposed.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    readonly string? sqlitePath;

    TestDatabase(DatabaseProvider provider, string connectionString, string? sqlitePath)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqlitePath = sqlitePath;
        Options = new DatabaseOptions { Provider = provider, ConnectionString = connectionString };
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public DatabaseOptions Options { get; }

    /// <summary>A new context on this database (callers dispose it).</summary>
    public GameOpsDbContext CreateContext() => GameOpsDatabase.CreateContext(Options);

    public static async Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider, CancellationToken cancellationToken = default)
    {
        if (provider == DatabaseProvider.Postgres)
            return new TestDatabase(provider, await PostgresServer.Current.CreateDatabaseAsync(cancellationToken), null);
        var (path, connectionString) = SqliteFiles.Create();
        return new TestDatabase(provider, connectionString, path);
    }

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = CreateContext();
        await db.Database.MigrateAsync(cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        if (sqlitePath is not null) SqliteFiles.Delete(sqlitePath);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Entry points for tests: <c>await using var db = await TestDatabases.CreateMigratedAsync(provider);</c></summary>
public static class TestDatabases
{
    /// <summary>An empty database (no tables).</summary>
    public static Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider) =>
        TestDatabase.CreateEmptyAsync(provider, TestContext.Current.CancellationToken);

    /// <summary>A database with every migration applied.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateEmptyAsync(provider, TestContext.Current.CancellationToken);
        try
        {
            await db.MigrateAsync(TestContext.Current.CancellationToken);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
