using Npgsql;

namespace GameOps.Tests.Infrastructure;

/// <summary>A PostgreSQL role that may read every table of one test database and whose transactions are read-only.</summary>
public static class ReadOnlyRoles
{
    /// <summary>Creates the role; returns its name and a connection string to <paramref name="database"/> as it.</summary>
    public static async Task<(string Role, string ConnectionString)> CreateAsync(TestDatabase database, string prefix = "gameops_reader_")
    {
        var role = prefix + Guid.NewGuid().ToString("N")[..8];
        var ct = TestContext.Current.CancellationToken;
        await using var admin = new NpgsqlConnection(database.ConnectionString);
        await admin.OpenAsync(ct);
        await using var grant = new NpgsqlCommand($"""
            CREATE ROLE {role} LOGIN;
            ALTER ROLE {role} SET default_transaction_read_only = on;
            GRANT CONNECT ON DATABASE "{admin.Database}" TO {role};
            GRANT USAGE ON SCHEMA public TO {role};
            GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role};
            """, admin);
        await grant.ExecuteNonQueryAsync(ct);
        return (role, new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = role }.ConnectionString);
    }
}
