using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Auditing;
using GameOps.Web.Security;
using GameOps.Web.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GameOps.Tests.Web.Auditing;

/// <summary>Issue 14.4: the trail is append-only in the database, hash-chained, and the chain can be verified.</summary>
public sealed class AuditChainTests
{
    static async Task RecordAsync(ServiceProvider services, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentStaff>().Use(WebServices.Staff(StaffRoles.Admin), "127.0.0.1", "tests");
            await scope.ServiceProvider.GetRequiredService<StaffAuditRecorder>().RecordAsync("export", "items", $"key-{i}", new { rows = i, ratio = 1.5e20, text = "é \"quoted\"" });
        }
    }

    /// <summary>Changes one row as the owner would (around the guards), like an attacker with the owner's password.</summary>
    static async Task TamperAsOwnerAsync(TestDatabase db, string statement)
    {
        await using var context = db.CreateContext();
        var sql = db.Provider == DatabaseProvider.Postgres
            ? $"ALTER TABLE staff_audit_logs DISABLE TRIGGER staff_audit_logs_no_update_delete; {statement}; ALTER TABLE staff_audit_logs ENABLE TRIGGER staff_audit_logs_no_update_delete;"
            : $"DROP TRIGGER staff_audit_logs_no_update; DROP TRIGGER staff_audit_logs_no_delete; {statement}; " +
              GameOps.Data.Migrations.Sql.AuditSql.SqliteGuards.Replace("CREATE TRIGGER staff_audit_logs_chained", "CREATE TRIGGER IF NOT EXISTS staff_audit_logs_chained");
        await context.Database.ExecuteSqlRawAsync(sql);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Each_row_is_chained_to_the_one_before_and_the_chain_verifies(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        await using var services = WebServices.Build(db, WebServices.Staff(StaffRoles.Admin));
        await RecordAsync(services, 5);
        await using (var check = db.CreateContext())
        {
            var rows = await check.StaffAuditLogs.AsNoTracking().Where(a => a.ChainSequence != null).OrderBy(a => a.ChainSequence).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal([1L, 2, 3, 4, 5], rows.Select(r => r.ChainSequence!.Value));
            Assert.Null(rows[0].PreviousHash);
            for (var i = 1; i < rows.Count; i++) Assert.Equal(rows[i - 1].Hash, rows[i].PreviousHash);
            Assert.All(rows, r => Assert.Equal(AuditChain.ComputeHash(r), r.Hash));
        }
        var result = await services.GetRequiredService<AuditChainVerifier>().VerifyAsync(TestContext.Current.CancellationToken);
        Assert.True(result.Intact, result.Summary);
        Assert.Equal(5, result.ChainedRows);
        Assert.StartsWith("Chain intact (5 rows)", result.Summary);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_row_edited_by_the_owner_is_found_at_that_row(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        await using var services = WebServices.Build(db, WebServices.Staff(StaffRoles.Admin));
        await RecordAsync(services, 6);
        await TamperAsOwnerAsync(db, "UPDATE staff_audit_logs SET staff_email = 'someone-else@tests.local' WHERE chain_sequence = 3");

        var result = await services.GetRequiredService<AuditChainVerifier>().VerifyAsync(TestContext.Current.CancellationToken);
        Assert.False(result.Intact);
        Assert.Equal(3, result.Break!.Sequence);
        Assert.Contains("no longer matches its hash", result.Break.Problem);
        Assert.Equal(2, result.ChainedRows);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_row_deleted_by_the_owner_is_found_where_it_was(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        await using var services = WebServices.Build(db, WebServices.Staff(StaffRoles.Admin));
        await RecordAsync(services, 4);
        await TamperAsOwnerAsync(db, "DELETE FROM staff_audit_logs WHERE chain_sequence = 2");

        var result = await services.GetRequiredService<AuditChainVerifier>().VerifyAsync(TestContext.Current.CancellationToken);
        Assert.False(result.Intact);
        Assert.Equal(3, result.Break!.Sequence);
        Assert.Contains("row 2 is missing", result.Break.Problem);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Writers_at_the_same_time_still_form_one_chain(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        // Separate service providers: separate connections, like separate app instances.
        var instances = Enumerable.Range(0, 4).Select(_ => WebServices.Build(db, WebServices.Staff(StaffRoles.Admin))).ToList();
        try
        {
            await Task.WhenAll(instances.Select(s => Task.Run(() => RecordAsync(s, 8))));
            var result = await instances[0].GetRequiredService<AuditChainVerifier>().VerifyAsync(TestContext.Current.CancellationToken);
            Assert.True(result.Intact, result.Summary);
            Assert.Equal(32, result.ChainedRows);
        }
        finally
        {
            foreach (var s in instances) await s.DisposeAsync();
        }
    }

    [Fact]
    public async Task Verifying_needs_the_audit_read_permission()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var services = WebServices.Build(db, WebServices.Staff(StaffRoles.Designer));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => services.GetRequiredService<AuditChainVerifier>().VerifyAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task On_sqlite_triggers_refuse_update_delete_and_unchained_rows()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var services = WebServices.Build(db, WebServices.Staff(StaffRoles.Admin));
        await RecordAsync(services, 1);
        await using var context = db.CreateContext();
        var update = await Assert.ThrowsAnyAsync<Exception>(() => context.Database.ExecuteSqlRawAsync("UPDATE staff_audit_logs SET action = 'tampered'", ct));
        Assert.Contains("append-only", update.Message);
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => context.Database.ExecuteSqlRawAsync("DELETE FROM staff_audit_logs", ct));
        Assert.Contains("append-only", delete.Message);
        var forged = await Assert.ThrowsAnyAsync<Exception>(() => context.Database.ExecuteSqlRawAsync(
            "INSERT INTO staff_audit_logs (id, action, entity_type, created_at) VALUES ('6A3C0B7E-0000-4000-8000-000000000001', 'forged', 'items', '2026-01-01 00:00:00')", ct));
        Assert.Contains("hash chain", forged.Message);
        Assert.Equal(1, await context.StaffAuditLogs.CountAsync(a => a.Action == "export", ct));
    }

    [Fact]
    public async Task Through_ef_an_audit_row_cannot_be_changed_or_deleted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var services = WebServices.Build(db, WebServices.Staff(StaffRoles.Admin));
        await RecordAsync(services, 1);
        await using var context = db.CreateContext();
        var row = await context.StaffAuditLogs.SingleAsync(ct);
        row.Action = "tampered";
        await Assert.ThrowsAsync<InvalidOperationException>(() => context.SaveChangesAsync(ct));
    }

    [Fact]
    public async Task On_postgres_the_runtime_role_can_only_insert_and_read_the_trail()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Postgres);
        var role = $"gameops_app_{Guid.NewGuid():N}"[..24];
        await using (var owner = db.CreateContext())
        {
            await DatabaseStartup.GrantRuntimeRoleAsync(owner, role, ct: ct);
            await DatabaseStartup.GrantRuntimeRoleAsync(owner, role, ct: ct); // idempotent: every migrate re-grants
        }
        var runtime = new DatabaseOptions
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = new NpgsqlConnectionStringBuilder(db.ConnectionString) { Username = role }.ConnectionString,
        };

        // The app's own work as the runtime role: audited writes to game tables, chained audit rows.
        await using (var app = GameOpsDatabase.CreateContext(runtime))
        {
            var item = new RowBuilder(app).Add<Item>();
            app.StaffAuditLogs.Add(new StaffAuditEntry { Id = Guid.NewGuid(), Action = "create", EntityType = "items", EntityKey = item.Id.ToString(), CreatedAt = DateTime.UtcNow });
            await app.SaveChangesAsync(ct);
            item.Name = "renamed by the runtime role";
            await app.SaveChangesAsync(ct);
            Assert.Equal(1, await app.StaffAuditLogs.CountAsync(ct));
        }

        await using var connection = new NpgsqlConnection(runtime.ConnectionString);
        await connection.OpenAsync(ct);
        async Task<PostgresException> RefusedAsync(string sql)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            return await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(ct));
        }
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await RefusedAsync("UPDATE staff_audit_logs SET action = 'tampered'")).SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await RefusedAsync("DELETE FROM staff_audit_logs")).SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await RefusedAsync("TRUNCATE staff_audit_logs")).SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await RefusedAsync("ALTER TABLE staff_audit_logs DISABLE TRIGGER staff_audit_logs_no_update_delete")).SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await RefusedAsync("ALTER TABLE staff_audit_logs DISABLE TRIGGER ALL")).SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await RefusedAsync("DROP TABLE staff_audit_logs")).SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, (await RefusedAsync("DELETE FROM \"__EFMigrationsHistory\"")).SqlState);
        // A row outside the chain is refused even with the right privileges.
        Assert.Equal(PostgresErrorCodes.CheckViolation, (await RefusedAsync(
            "INSERT INTO staff_audit_logs (id, action, entity_type, created_at) VALUES (gen_random_uuid(), 'forged', 'items', now())")).SqlState);
    }
}
