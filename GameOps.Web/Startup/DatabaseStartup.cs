using GameOps.Data.Entities;
using System.Security.Cryptography;
using GameOps.Data;
using GameOps.Data.Seeding;
using GameOps.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Startup;

/// <summary>First run: migrations, roles, staff accounts and (outside Production) demo data.</summary>
public static class DatabaseStartup
{
    public static readonly string[] DemoStaffEmails =
        ["admin@gameops.local", "designer@gameops.local", "moderator@gameops.local", "liveops@gameops.local", "manager@gameops.local"];

    /// <summary>
    /// <c>migrate [--grant-runtime-role NAME]</c>: applies the migrations as the configured (owner) connection, then
    /// creates the runtime role if missing and (re)grants it. <c>Database:RuntimeRole</c> does the same on every migrate.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, string[] args, CancellationToken ct = default)
    {
        var index = Array.IndexOf(args, "--grant-runtime-role");
        string? role = null;
        if (index >= 0)
            role = index + 1 < args.Length && !args[index + 1].StartsWith("--") ? args[index + 1]
                : throw new ArgumentException("--grant-runtime-role needs the role name, e.g. --grant-runtime-role gameops_app");
        await MigrateAsync(services, ct, role);
    }

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default, string? runtimeRole = null)
    {
        await using var scope = services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<GameOpsDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        if (db.Database.IsSqlite())
        {
            var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        await db.Database.MigrateAsync(ct);

        var config = services.GetService<IConfiguration>();
        runtimeRole ??= config?["Database:RuntimeRole"] is { Length: > 0 } configured ? configured : null;
        if (runtimeRole is null) return;
        if (!db.Database.IsNpgsql())
            throw new InvalidOperationException("A runtime role exists on PostgreSQL only; SQLite has no roles (its triggers keep the audit trail append-only).");
        await GrantRuntimeRoleAsync(db, runtimeRole, config?["Database:RuntimeRolePassword"], ct);
    }

    /// <summary>
    /// The role the app runs as: full DML on the game tables, only INSERT and SELECT on <c>staff_audit_logs</c>, owner
    /// of nothing (so it can neither ALTER a table nor disable a trigger). Idempotent.
    /// </summary>
    public static async Task GrantRuntimeRoleAsync(GameOpsDbContext db, string role, string? password = null, CancellationToken ct = default)
    {
        await db.Database.ExecuteSqlRawAsync(GameOps.Data.Migrations.Sql.AuditSql.PostgresCreateRuntimeRole(role), ct);
        if (!string.IsNullOrEmpty(password))
            await db.Database.ExecuteSqlRawAsync(GameOps.Data.Migrations.Sql.AuditSql.PostgresSetRuntimePassword(role, password), ct);
        await db.Database.ExecuteSqlRawAsync(GameOps.Data.Migrations.Sql.AuditSql.PostgresGrantRuntimeRole(role), ct);
    }

    /// <summary>Key of the PostgreSQL advisory lock held around migrate + seed ("GameOps" in ASCII).</summary>
    public const long StartupLockKey = 0x47616D654F7073;

    public static async Task InitializeAsync(WebApplication app, CancellationToken ct = default)
    {
        // Several instances starting at once on an empty database: the first takes the lock, migrates and seeds; the
        // others wait here and then find nothing left to do. The lock is a session lock on a connection of its own,
        // released when that connection closes (also if this process dies).
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        if (database.Provider != DatabaseProvider.Postgres)
        {
            await InitializeUnlockedAsync(app, ct);
            return;
        }
        await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString)
            { ApplicationName = "GameOps startup lock", Pooling = false, CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync(ct);
        // Polled, not a blocking pg_advisory_lock(): a statement left waiting holds a snapshot, and the migrations'
        // CREATE INDEX CONCURRENTLY waits for every such snapshot — the two instances would wait on each other forever.
        await using (var tryLock = new Npgsql.NpgsqlCommand($"SELECT pg_try_advisory_lock({StartupLockKey})", connection))
        {
            var logged = false;
            while (!(bool)(await tryLock.ExecuteScalarAsync(ct))!)
            {
                if (!logged) app.Logger.LogInformation("Another instance is migrating or seeding the database; waiting for it.");
                logged = true;
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
        try { await InitializeUnlockedAsync(app, ct); }
        finally
        {
            await using var unlock = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_unlock({StartupLockKey})", connection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    static async Task InitializeUnlockedAsync(WebApplication app, CancellationToken ct)
    {
        var config = app.Configuration;
        var log = app.Logger;
        if (config.GetValue("Database:MigrateOnStartup", true)) await MigrateAsync(app.Services, ct);

        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var roles = sp.GetRequiredService<RoleManager<StaffRole>>();
        foreach (var role in StaffRoles.All)
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new StaffRole(role)), $"role {role}");

        var users = sp.GetRequiredService<UserManager<StaffUser>>();
        var demo = !app.Environment.IsProduction() && config.GetValue("Seed:DemoData", true);
        if (demo)
        {
            var password = DemoPassword(config, app.Environment.ContentRootPath, out var source);
            var created = 0;
            for (var i = 0; i < DemoStaffEmails.Length; i++)
            {
                var email = DemoStaffEmails[i];
                if (await users.FindByEmailAsync(email) is not null) continue;
                var user = NewStaff(email, $"Demo {StaffRoles.All[i]}");
                Check(await users.CreateAsync(user, password), email);
                Check(await users.AddToRoleAsync(user, StaffRoles.All[i]), email);
                created++;
            }
            var factory = sp.GetRequiredService<IDbContextFactory<GameOpsDbContext>>();
            await using (var db = await factory.CreateDbContextAsync(ct))
            {
                var result = await DemoSeeder.SeedAsync(db, new SeedOptions { Scale = config.GetValue("Seed:Scale", 1.0) }, ct);
                if (result.Seeded) log.LogInformation("Demo data seeded: {Rows} rows", result.RowsPerTable.Values.Sum());
            }
            PrintDemoLogins(password, source, created);
        }
        else if (config["Seed:AdminEmail"] is { Length: > 0 } adminEmail && !(await users.GetUsersInRoleAsync(StaffRoles.Admin)).Any())
        {
            var adminPassword = config["Seed:AdminPassword"]
                ?? throw new InvalidOperationException("Seed:AdminEmail is set but Seed:AdminPassword is not (use an environment variable, never appsettings.json).");
            var admin = NewStaff(adminEmail, "Administrator");
            admin.MustChangePassword = true;
            Check(await users.CreateAsync(admin, adminPassword), adminEmail);
            Check(await users.AddToRoleAsync(admin, StaffRoles.Admin), adminEmail);
            log.LogWarning("Created the first Admin {Email} from configuration; the password must be changed at first sign-in.", adminEmail);
        }
    }

    static StaffUser NewStaff(string email, string displayName) => new()
    {
        Id = Guid.CreateVersion7(),
        UserName = email,
        Email = email,
        EmailConfirmed = true,
        DisplayName = displayName,
        CreatedAt = VersioningInterceptor.Truncate(DateTime.UtcNow),
        LockoutEnabled = true,
    };

    /// <summary>
    /// <c>Seed:DemoStaffPassword</c> when configured; otherwise a strong random password generated once and kept
    /// in <c>.gameops/demo-staff-password.txt</c> beside the database, so that every later start prints the same one.
    /// </summary>
    static string DemoPassword(IConfiguration config, string contentRoot, out string source)
    {
        if (config["Seed:DemoStaffPassword"] is { Length: > 0 } configured)
        {
            source = "Seed:DemoStaffPassword";
            return configured;
        }
        // The working directory: `dotnet run --project GameOps.Web` runs in GameOps.Web/, as the README says; the box prints the full path.
        var file = Path.GetFullPath(Path.Combine(Directory.GetCurrentDirectory(), ".gameops", "demo-staff-password.txt"));
        source = file;
        if (File.Exists(file)) return File.ReadAllText(file).Trim();
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        var password = "Go-" + RandomNumberGenerator.GetString(alphabet, 16) + "!7";
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, password);
        return password;
    }

    static void PrintDemoLogins(string password, string source, int created)
    {
        var lines = new List<string> { "GameOps demo staff logins" + (created > 0 ? $" ({created} created)" : ""), "" };
        for (var i = 0; i < DemoStaffEmails.Length; i++) lines.Add($"  {StaffRoles.All[i],-10} {DemoStaffEmails[i]}");
        lines.Add("");
        lines.Add($"  Password:  {password}");
        lines.Add($"  (from {source})");
        var width = lines.Max(l => l.Length) + 2;
        Console.WriteLine("+" + new string('-', width) + "+");
        foreach (var l in lines) Console.WriteLine("| " + l.PadRight(width - 1) + "|");
        Console.WriteLine("+" + new string('-', width) + "+");
    }

    static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not create {what}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
