using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Auditing;
using GameOps.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Auditing;

/// <summary>Issue 14.1: no secret (two-factor key, recovery code, password hash, session token, any column marked secret) reaches the audit trail.</summary>
public sealed class AuditRedactionTests
{
    static ServiceProvider IdentityServices(TestDatabase db)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection();
        services.AddGameOpsWebData(db);
        services.AddIdentityCore<StaffUser>().AddRoles<StaffRole>().AddEntityFrameworkStores<GameOpsDbContext>().AddDefaultTokenProviders();
        return services.BuildServiceProvider(validateScopes: false);
    }

    static async Task<string> AllAuditTextAsync(TestDatabase db, CancellationToken ct)
    {
        await using var check = db.CreateContext();
        var rows = await check.StaffAuditLogs.AsNoTracking().ToListAsync(ct);
        return string.Join("\n", rows.Select(r => $"{r.EntityKey}|{r.Changes}|{r.StaffEmail}|{r.UserAgent}"));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Enrolling_two_factor_and_changing_the_password_leave_no_secret_in_the_trail(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        await using var services = IdentityServices(db);
        var users = services.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { Id = Guid.CreateVersion7(), UserName = "mfa@tests.local", Email = "mfa@tests.local", DisplayName = "Mfa", CreatedAt = RowBuilder.BaseTime };
        services.GetRequiredService<CurrentStaff>().Use(WebServices.Staff(StaffRoles.Admin, user.Id, user.Email), "127.0.0.1", "tests");
        Assert.True((await users.CreateAsync(user, "First-Passw0rd!x")).Succeeded);
        var secrets = new List<string> { user.PasswordHash!, user.SecurityStamp! };

        // What /account/security does: show the key (created on first visit), enable, hand out recovery codes.
        await users.ResetAuthenticatorKeyAsync(user);
        var key = await users.GetAuthenticatorKeyAsync(user);
        Assert.False(string.IsNullOrEmpty(key));
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        secrets.Add(key!);
        secrets.AddRange(codes);
        Assert.True((await users.ChangePasswordAsync(user, "First-Passw0rd!x", "Second-Passw0rd!y")).Succeeded);
        secrets.Add(user.PasswordHash!);
        secrets.Add(user.SecurityStamp!);

        var trail = await AllAuditTextAsync(db, ct);
        foreach (var secret in secrets) Assert.DoesNotContain(secret, trail);
        await using var check = db.CreateContext();
        var tokenRows = await check.StaffAuditLogs.AsNoTracking().Where(a => a.EntityType == "staff_user_tokens").ToListAsync(ct);
        Assert.NotEmpty(tokenRows);
        // The trail still says that the key and the codes changed.
        Assert.All(tokenRows, r => Assert.Contains(StaffAuditInterceptor.Redacted, r.Changes));
    }

    /// <summary>Model-driven: every property marked secret, on create and on update, is recorded as "[redacted]".</summary>
    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Every_secret_marked_property_is_recorded_redacted(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        await using var services = WebServices.Build(db, WebServices.Staff(StaffRoles.Admin));
        var factory = services.GetRequiredService<IDbContextFactory<GameOpsDbContext>>();
        await using var model = db.CreateContext();
        var secretTypes = model.Model.GetEntityTypes().Where(e => e.GetProperties().Any(p => p.IsSecret())).ToList();
        // The marks of the brief: players' password hash, session tokens, staff credentials, two-factor tokens.
        Assert.Contains(secretTypes, e => e.GetTableName() == "users");
        Assert.Contains(secretTypes, e => e.GetTableName() == "user_sessions");
        Assert.Contains(secretTypes, e => e.GetTableName() == "staff_users");
        Assert.Contains(secretTypes, e => e.GetTableName() == "staff_user_tokens");

        var counter = 0;
        foreach (var type in secretTypes)
        {
            var table = type.GetTableName()!;
            var secretProperties = type.GetProperties().Where(p => p.IsSecret()).ToList();
            var seen = new List<string>();
            object?[] keyValues;
            await using (var context = await factory.CreateDbContextAsync(ct))
            {
                var row = new RowBuilder(context) { Counter = counter += 1000 }.Add(context.Model.FindEntityType(type.ClrType)!);
                foreach (var p in secretProperties) seen.Add((string)p.PropertyInfo!.GetValue(row)!);
                await context.SaveChangesAsync(ct);
                keyValues = type.FindPrimaryKey()!.Properties.Select(k => context.Entry(row).Property(k.Name).CurrentValue).ToArray();
            }
            await using (var context = await factory.CreateDbContextAsync(ct))
            {
                var row = await context.FindAsync(type.ClrType, keyValues, ct);
                foreach (var p in secretProperties)
                {
                    var changed = $"changed-secret-{table}-{p.Name}-{Guid.NewGuid():N}";
                    if (p.GetMaxLength() is { } max && changed.Length > max) changed = changed[^max..]; // e.g. a SHA-256 column: keep the random end
                    seen.Add(changed);
                    context.Entry(row!).Property(p.Name).CurrentValue = changed;
                }
                await context.SaveChangesAsync(ct);
            }
            var entityKey = string.Join(",", keyValues.Select(v => v?.ToString()));
            if (entityKey.Length > 256) entityKey = entityKey[..255] + "…";

            var trail = await AllAuditTextAsync(db, ct);
            foreach (var secret in seen) Assert.DoesNotContain(secret, trail);
            await using var check = db.CreateContext();
            var rows = await check.StaffAuditLogs.AsNoTracking().Where(a => a.EntityType == table).ToListAsync(ct);
            var update = Assert.Single(rows, r => r.Action == "update" && r.EntityKey == entityKey);
            using var changes = System.Text.Json.JsonDocument.Parse(update.Changes!);
            foreach (var p in secretProperties)
            {
                var column = p.GetColumnName();
                Assert.Equal(StaffAuditInterceptor.Redacted, changes.RootElement.GetProperty("before").GetProperty(column).GetString());
                Assert.Equal(StaffAuditInterceptor.Redacted, changes.RootElement.GetProperty("after").GetProperty(column).GetString());
            }
        }
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task The_acting_identity_is_the_signed_in_staff_member_never_the_callers_claim(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var staffId = Guid.NewGuid();
        await using var services = WebServices.Build(db, WebServices.Staff(StaffRoles.Admin, staffId, "real@tests.local"));
        await services.GetRequiredService<StaffAuditRecorder>().RecordAsync("export", "items", null, null, Guid.NewGuid(), "forged@tests.local");
        await using (var context = await services.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync(ct))
        {
            context.StaffAuditLogs.Add(new StaffAuditEntry { Id = Guid.NewGuid(), Action = "note", EntityType = "items", StaffEmail = "forged@tests.local", StaffUserId = Guid.NewGuid(), CreatedAt = DateTime.UtcNow });
            await context.SaveChangesAsync(ct);
        }
        await using var check = db.CreateContext();
        var rows = await check.StaffAuditLogs.AsNoTracking().ToListAsync(ct);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal((staffId, "real@tests.local"), (r.StaffUserId!.Value, r.StaffEmail)));
    }
}
