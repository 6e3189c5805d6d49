using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace GameOps.Web.Resources;

/// <summary>
/// A constraint the database enforced (unique, foreign key, not null, check) as a message for the user, next to the field it
/// is about when the constraint names one. The field is found through the EF model (the violated index, key or foreign key
/// by its database name on PostgreSQL; the table and column SQLite's message names), never by guessing from the text.
/// </summary>
public static class DatabaseErrorDescriber
{
    // SQLite's extended result codes (https://www.sqlite.org/rescode.html).
    const int SqliteCheck = 275, SqliteForeignKey = 787, SqliteNotNull = 1299, SqlitePrimaryKey = 1555, SqliteUnique = 2067;

    public static ValidationIssue Describe(DbUpdateException exception, IReadOnlyModel model) => exception.InnerException switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg => Unique(UniqueProperties(model, pg.TableName, pg.ConstraintName)),
        PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation } pg => ForeignKey(ForeignKeyProperty(model, pg.TableName, pg.ConstraintName)),
        PostgresException { SqlState: PostgresErrorCodes.NotNullViolation } pg => Missing(Property(model, pg.TableName, pg.ColumnName)),
        PostgresException { SqlState: PostgresErrorCodes.CheckViolation } pg => Check(pg.ConstraintName),
        SqliteException { SqliteExtendedErrorCode: SqliteUnique or SqlitePrimaryKey } sqlite => Unique(SqliteColumns(model, sqlite.Message, "UNIQUE constraint failed: ")),
        SqliteException { SqliteExtendedErrorCode: SqliteForeignKey } => ForeignKey(null), // SQLite does not say which key
        SqliteException { SqliteExtendedErrorCode: SqliteNotNull } sqlite => Missing(SqliteColumns(model, sqlite.Message, "NOT NULL constraint failed: ").FirstOrDefault()),
        SqliteException { SqliteExtendedErrorCode: SqliteCheck } sqlite => Check(After(sqlite.Message, "CHECK constraint failed: ")),
        _ => new ValidationIssue(null, "The database refused the change: " + (exception.InnerException?.Message ?? exception.Message)),
    };

    static ValidationIssue Unique(IReadOnlyList<IReadOnlyProperty> properties) => new(
        properties.Count == 1 ? properties[0].Name : null,
        "Another row already uses this value where it must be unique ("
        + (properties.Count > 0 ? string.Join(", ", properties.Select(p => p.GetColumnName())) : "unique value") + ").");

    static ValidationIssue ForeignKey(IReadOnlyProperty? property) => property is null
        ? new(null, "A referenced row does not exist, or this row is still referenced elsewhere.")
        : new(property.Name, $"The referenced row ({property.GetColumnName()}) does not exist, or this row is still referenced elsewhere.");

    static ValidationIssue Missing(IReadOnlyProperty? property) => property is null
        ? new(null, "A required value is missing.")
        : new(property.Name, $"{property.GetColumnName()} is required.");

    static ValidationIssue Check(string? constraint) =>
        new(null, "A value is outside what the database allows" + (string.IsNullOrEmpty(constraint) ? "." : $" ({constraint.Trim()})."));

    static IEnumerable<IReadOnlyEntityType> Tables(IReadOnlyModel model, string? table) =>
        model.GetEntityTypes().Where(e => table is null || e.GetTableName() == table);

    /// <summary>The columns of the unique index, alternate key or primary key named <paramref name="constraint"/>.</summary>
    static IReadOnlyList<IReadOnlyProperty> UniqueProperties(IReadOnlyModel model, string? table, string? constraint)
    {
        foreach (var entityType in Tables(model, table))
        {
            if (entityType.GetIndexes().FirstOrDefault(i => i.IsUnique && i.GetDatabaseName() == constraint) is { } index) return index.Properties;
            if (entityType.GetKeys().FirstOrDefault(k => k.GetName() == constraint) is { } key) return key.Properties;
        }
        return [];
    }

    /// <summary>The dependent column of the foreign key named <paramref name="constraint"/>, when it is one column.</summary>
    static IReadOnlyProperty? ForeignKeyProperty(IReadOnlyModel model, string? table, string? constraint) =>
        Tables(model, table).SelectMany(e => e.GetForeignKeys()).FirstOrDefault(k => k.GetConstraintName() == constraint) is { Properties.Count: 1 } fk
            ? fk.Properties[0]
            : null;

    static IReadOnlyProperty? Property(IReadOnlyModel model, string? table, string? column) =>
        column is null ? null : Tables(model, table).SelectMany(e => e.GetProperties()).FirstOrDefault(p => p.GetColumnName() == column);

    /// <summary>SQLite names the columns as <c>table.column, table.column</c> after the prefix (or <c>index 'name'</c> for an expression index).</summary>
    static IReadOnlyList<IReadOnlyProperty> SqliteColumns(IReadOnlyModel model, string message, string prefix)
    {
        var list = After(message, prefix);
        if (list is null) return [];
        if (list.StartsWith("index '", StringComparison.Ordinal))
            return UniqueProperties(model, null, list[7..].TrimEnd('\'', '.', ' '));
        var properties = new List<IReadOnlyProperty>();
        foreach (var qualified in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var dot = qualified.IndexOf('.');
            if (dot <= 0 || Property(model, qualified[..dot], qualified[(dot + 1)..].TrimEnd('\'', '.', ' ')) is not { } property) return [];
            properties.Add(property);
        }
        return properties;
    }

    static string? After(string message, string prefix)
    {
        var at = message.IndexOf(prefix, StringComparison.Ordinal);
        return at < 0 ? null : message[(at + prefix.Length)..].Split('\n')[0].Trim().TrimEnd('.', '\'');
    }
}
