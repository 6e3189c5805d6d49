using GameOps.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.E2E.Infrastructure;

/// <summary>Reads staff accounts straight from the app's database.</summary>
public static class StaffData
{
    public static async Task<Guid> StaffIdAsync(this AppServer app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync();
        var normalized = email.ToUpperInvariant();
        return await db.Users.Where(s => s.NormalizedEmail == normalized).Select(s => s.Id).SingleAsync();
    }
}

/// <summary>Staff accounts a test makes for itself, so a preference it changes (the theme) touches no other test.</summary>
public static class OwnStaff
{
    /// <summary>A ready account (no password change, no enrolment) of one role, signed in with <see cref="AppServer.Password"/>.</summary>
    public static async Task<string> CreateStaffAsync(this AppServer app, string role, string theme = "system")
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..24] + "@e2e.local";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<GameOps.Data.Entities.StaffUser>>();
        var staff = new GameOps.Data.Entities.StaffUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"E2E {role}",
            ThemePreference = theme, CreatedAt = DateTime.UtcNow,
        };
        var created = await users.CreateAsync(staff, AppServer.Password);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        var added = await users.AddToRoleAsync(staff, role);
        if (!added.Succeeded) throw new InvalidOperationException(string.Join("; ", added.Errors.Select(e => e.Description)));
        return email;
    }
}
