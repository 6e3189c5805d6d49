using GameOps.Data;
using GameOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Tests.Data.Migrations;

public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Migrations_apply_on_an_empty_database(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabases.CreateEmptyAsync(provider);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(provider, db.Provider);
            Assert.NotEmpty(db.Database.GetMigrations());
            Assert.Empty(await db.Database.GetAppliedMigrationsAsync(ct));
            await db.Database.MigrateAsync(ct);
        }
        await using (var db = database.CreateContext())
        {
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(ct));
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
            // Applying again is a no-op, and every mapped table can be queried.
            await db.Database.MigrateAsync(ct);
            Assert.Equal(0, await db.Items.CountAsync(ct));
            Assert.Equal(0, await db.PlayerReports.CountAsync(ct));
            Assert.Equal(0, await db.Users.CountAsync(ct));
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_model_has_no_changes_missing_from_the_migrations(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateEmptyAsync(provider);
        await using var db = database.CreateContext();
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} model differs from its migrations' snapshot: add a migration for {provider}.");
    }
}
