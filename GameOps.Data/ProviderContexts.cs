using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GameOps.Data;

/// <summary>The embedded default. SQLite has no decimal arithmetic, so decimals are stored as REAL there.</summary>
public sealed class SqliteGameOpsDbContext(DbContextOptions<SqliteGameOpsDbContext> options) : GameOpsDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override string JsonColumnType => "TEXT";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
    }

    protected override void ApplyRowConcurrency(ModelBuilder builder) => RowConcurrency.CompareAllColumns(builder);
}

/// <summary>The production database: jsonb, timestamptz and numeric.</summary>
public sealed class PostgresGameOpsDbContext(DbContextOptions<PostgresGameOpsDbContext> options) : GameOpsDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
    protected override string JsonColumnType => "jsonb";

    protected override void ApplyRowConcurrency(ModelBuilder builder) => RowConcurrency.UseXmin(builder);
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        Configurations.FullTextSearchConfiguration.ApplyPostgres(builder);
        Configurations.TrigramSearchConfiguration.ApplyPostgres(builder);
    }
}

/// <summary>Used by <c>dotnet ef</c> only.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGameOpsDbContext>
{
    public SqliteGameOpsDbContext CreateDbContext(string[] args) =>
        (SqliteGameOpsDbContext)GameOpsDatabase.CreateContext(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=design.db" });
}

/// <summary>Used by <c>dotnet ef</c> only.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGameOpsDbContext>
{
    public PostgresGameOpsDbContext CreateDbContext(string[] args) =>
        (PostgresGameOpsDbContext)GameOpsDatabase.CreateContext(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=localhost;Database=gameops_design" });
}
