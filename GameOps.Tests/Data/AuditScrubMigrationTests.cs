using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Data.Migrations.Sql;
using GameOps.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace GameOps.Tests.Data;

/// <summary>Issue 14.1: the migration that introduces the hash chain scrubs secrets older versions wrote into the trail.</summary>
public sealed class AuditScrubMigrationTests
{
    [Fact]
    public void The_scrub_covers_every_column_the_model_marks_secret()
    {
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            using var context = GameOpsDatabase.CreateContext(new DatabaseOptions { Provider = provider, ConnectionString = provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost" });
            var marked = context.Model.GetEntityTypes().SelectMany(e => e.GetProperties().Where(p => p.IsSecret()).Select(p => (e.GetTableName()!, p.GetColumnName())))
                .Order().ToList();
            Assert.Equal(marked, AuditSql.SecretColumns.Order().ToList());
        }
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Old_rows_holding_secrets_are_redacted_recorded_and_the_leaked_two_factor_secrets_reset(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabases.CreateEmptyAsync(provider);
        await using (var context = db.CreateContext())
        {
            var migrations = context.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_Audit_HashChain")) - 1];
            await context.GetService<IMigrator>().MigrateAsync(before, cancellationToken: ct);
        }

        var leaked = new StaffUser { Id = Guid.NewGuid(), UserName = "leaked@tests.local", Email = "leaked@tests.local", DisplayName = "Leaked", CreatedAt = RowBuilder.BaseTime, TwoFactorEnabled = true, SecurityStamp = "OLDSTAMP" };
        var other = new StaffUser { Id = Guid.NewGuid(), UserName = "other@tests.local", Email = "other@tests.local", DisplayName = "Other", CreatedAt = RowBuilder.BaseTime, TwoFactorEnabled = true, SecurityStamp = "OTHERSTAMP" };
        await using (var context = db.CreateContext())
        {
            context.Users.AddRange(leaked, other);
            foreach (var user in new[] { leaked, other })
            {
                context.UserTokens.Add(new IdentityUserToken<Guid> { UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "AuthenticatorKey", Value = "KEY-" + user.Id });
                context.UserTokens.Add(new IdentityUserToken<Guid> { UserId = user.Id, LoginProvider = "[AspNetUserStore]", Name = "RecoveryCodes", Value = "CODES-" + user.Id });
            }
            await context.SaveChangesAsync(ct);

            // What the old interceptor wrote: the key and the codes of "leaked", a player's hash and a session token.
            var rows = new (string Table, string Key, string Changes)[]
            {
                ("staff_user_tokens", $"{leaked.Id},[AspNetUserStore],AuthenticatorKey", """{"before":{},"after":{"user_id":"u","name":"AuthenticatorKey","value":"SECRETKEY234567"}}"""),
                ("staff_user_tokens", $"{leaked.Id},[AspNetUserStore],RecoveryCodes", """{"before":{"value":"OLDCODE1;OLDCODE2"},"after":{"value":"NEWCODE1;NEWCODE2"}}"""),
                ("users", Guid.NewGuid().ToString(), """{"before":{"password_hash":"$2a$10$playerhash","username":"keep-me"},"after":{"password_hash":"$2a$10$newplayerhash","username":"keep-me-too"}}"""),
                ("user_sessions", Guid.NewGuid().ToString(), """{"before":{},"after":{"session_token":"sess-token-123","ip_address":"10.0.0.1"}}"""),
                ("staff_users", other.Id.ToString(), """{"before":{"password_hash":"***"},"after":{"password_hash":"***","display_name":"Other"}}"""),
                ("items", Guid.NewGuid().ToString(), """{"before":{"name":"Sword"},"after":{"name":"Great Sword"}}"""),
            };
            foreach (var (table, key, changes) in rows)
            {
                var sql = provider == DatabaseProvider.Postgres
                    ? "INSERT INTO staff_audit_logs (id, action, entity_type, entity_key, changes, created_at) VALUES ({0}, 'update', {1}, {2}, CAST({3} AS jsonb), {4})"
                    : "INSERT INTO staff_audit_logs (id, action, entity_type, entity_key, changes, created_at) VALUES ({0}, 'update', {1}, {2}, {3}, {4})";
                object id = provider == DatabaseProvider.Postgres ? Guid.NewGuid() : Guid.NewGuid().ToString().ToUpperInvariant();
                await context.Database.ExecuteSqlRawAsync(sql, [id, table, key, changes, RowBuilder.BaseTime], ct);
            }
        }

        await db.MigrateAsync(ct);

        await using var check = db.CreateContext();
        var trail = await check.StaffAuditLogs.AsNoTracking().ToListAsync(ct);
        var text = string.Join("\n", trail.Select(r => r.Changes));
        foreach (var secret in new[] { "SECRETKEY234567", "OLDCODE1", "NEWCODE1", "playerhash", "newplayerhash", "sess-token-123" })
            Assert.DoesNotContain(secret, text);
        Assert.Contains("keep-me-too", text);      // only secret columns are touched
        Assert.Contains("10.0.0.1", text);
        Assert.Contains("Great Sword", text);
        Assert.Contains(AuditSql.Redacted, trail.Single(r => r.EntityType == "user_sessions").Changes);

        var scrub = Assert.Single(trail, r => r.Action == "scrub");
        Assert.Equal("staff_audit_logs", scrub.EntityType);
        Assert.Contains("\"scrubbed_rows\"", scrub.Changes);

        var tokens = await check.UserTokens.AsNoTracking().ToListAsync(ct);
        Assert.DoesNotContain(tokens, t => t.UserId == leaked.Id);
        Assert.Equal(2, tokens.Count(t => t.UserId == other.Id));
        var staff = await check.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        Assert.False(staff[leaked.Id].TwoFactorEnabled);
        Assert.NotEqual("OLDSTAMP", staff[leaked.Id].SecurityStamp);
        Assert.True(staff[other.Id].TwoFactorEnabled);
        Assert.Equal("OTHERSTAMP", staff[other.Id].SecurityStamp);
    }
}
