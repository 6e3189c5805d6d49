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

    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
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
    }

    public static async Task InitializeAsync(WebApplication app, CancellationToken ct = default)
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
