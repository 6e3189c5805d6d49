using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Resources;
using Microsoft.EntityFrameworkCore;
using static GameOps.Tests.Web.Resources.ResourceArrange;

namespace GameOps.Tests.Web.Resources;

/// <summary><see cref="DatabaseErrorDescriber"/> on real constraint violations of both providers.</summary>
public sealed class DatabaseErrorDescriberTests
{
    static async Task<ValidationIssue> ViolationAsync(TestDatabase database, params object[] rows)
    {
        await using var db = database.CreateContext();
        db.AddRange(rows);
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        return DatabaseErrorDescriber.Describe(error, db.Model);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_duplicate_unique_value_is_reported_on_its_field(DatabaseProvider provider)
    {
        var (database, _, _) = await ArrangeAsync(provider, [NewItem("sword_iron", "Iron Sword")]);
        await using var _ = database;

        var issue = await ViolationAsync(database, NewItem("sword_iron", "Copy"));

        Assert.Equal(new ValidationIssue(nameof(Item.ItemId), "Another row already uses this value where it must be unique (item_id)."), issue);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_missing_referenced_row_is_reported_on_its_field_where_the_database_names_it(DatabaseProvider provider)
    {
        var (database, _, _) = await ArrangeAsync(provider, []);
        await using var _ = database;

        var issue = await ViolationAsync(database, new Actor { Id = Guid.NewGuid(), UserId = Guid.NewGuid(), Name = "Orphan", Level = 1, CreatedAt = DateTime.UtcNow });

        if (provider == DatabaseProvider.Postgres) // PostgreSQL names the constraint; SQLite only says "FOREIGN KEY constraint failed"
            Assert.Equal(new ValidationIssue(nameof(Actor.UserId), "The referenced row (user_id) does not exist, or this row is still referenced elsewhere."), issue);
        else Assert.Equal(new ValidationIssue(null, "A referenced row does not exist, or this row is still referenced elsewhere."), issue);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_missing_required_value_is_reported_on_its_field(DatabaseProvider provider)
    {
        var (database, _, _) = await ArrangeAsync(provider, []);
        await using var _ = database;
        var nameless = NewItem("nameless", "x");
        nameless.Name = null!;

        var issue = await ViolationAsync(database, nameless);

        Assert.Equal(new ValidationIssue(nameof(Item.Name), "name is required."), issue);
    }

    [Fact]
    public void An_error_that_is_no_constraint_says_what_the_database_said()
    {
        using var db = GameOpsDatabase.CreateContext(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=:memory:" });
        var issue = DatabaseErrorDescriber.Describe(new DbUpdateException("disk full"), db.Model);
        Assert.Equal(new ValidationIssue(null, "The database refused the change: disk full"), issue);
    }
}
