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

    /// <summary>
    /// A database with every migration applied, copied from a template migrated once per provider and test run:
    /// migrating costs 1-3 s of CPU, copying a few milliseconds, and the suite asks for hundreds of these.
    /// </summary>
    public static async Task<TestDatabase> CreateMigratedAsync(DatabaseProvider provider, CancellationToken cancellationToken = default)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var template = await MigratedTemplates.PostgresDatabaseAsync(cancellationToken);
            return new TestDatabase(provider, await PostgresServer.Current.CreateDatabaseAsync(template, cancellationToken), null);
        }
        var templatePath = await MigratedTemplates.SqliteFileAsync(cancellationToken);
        var (path, connectionString) = SqliteFiles.Create();
        File.Copy(templatePath, path);
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
    public static Task<TestDatabase> CreateMigratedAsync(DatabaseProvider provider) =>
        TestDatabase.CreateMigratedAsync(provider, TestContext.Current.CancellationToken);
}

/// <summary>
/// One migrated database per provider, made on first use and only ever copied: a PostgreSQL database used as a
/// <c>CREATE DATABASE … TEMPLATE</c>, and a SQLite file. Nothing connects to them after migrating, which a template needs.
/// </summary>
static class MigratedTemplates
{
    static readonly SemaphoreSlim Gate = new(1, 1);
    static string? postgresDatabase;
    static string? sqliteFile;

    public static async Task<string> PostgresDatabaseAsync(CancellationToken cancellationToken)
    {
        if (postgresDatabase is not null) return postgresDatabase;
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (postgresDatabase is not null) return postgresDatabase;
            var connectionString = await PostgresServer.Current.CreateDatabaseAsync(cancellationToken);
            await MigrateAsync(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString }, cancellationToken);
            await using (var pooled = new Npgsql.NpgsqlConnection(connectionString)) Npgsql.NpgsqlConnection.ClearPool(pooled); // a template takes no connections
            return postgresDatabase = new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database!;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task<string> SqliteFileAsync(CancellationToken cancellationToken)
    {
        if (sqliteFile is not null) return sqliteFile;
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (sqliteFile is not null) return sqliteFile;
            var (path, connectionString) = SqliteFiles.Create();
            await MigrateAsync(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = connectionString }, cancellationToken);
            SqliteFiles.ReleaseConnections(path);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => SqliteFiles.Delete(path);
            return sqliteFile = path;
        }
        finally
        {
            Gate.Release();
        }
    }

    static async Task MigrateAsync(DatabaseOptions options, CancellationToken cancellationToken)
    {
        await using var db = GameOpsDatabase.CreateContext(options);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
