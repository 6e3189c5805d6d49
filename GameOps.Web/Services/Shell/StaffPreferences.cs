using GameOps.Data;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Services.Shell;

/// <summary>The signed-in staff member's own settings (theme, time zone), stored on their account.</summary>
public sealed class StaffPreferences(IDbContextFactory<GameOpsDbContext> contextFactory, CurrentStaff currentStaff)
{
    public async Task<bool> IsDarkModeAsync()
    {
        var id = CurrentStaff.IdOf(await currentStaff.GetPrincipalAsync());
        if (id is null) return false;
        await using var db = await contextFactory.CreateDbContextAsync();
        var theme = await db.Users.Where(u => u.Id == id).Select(u => u.ThemePreference).FirstOrDefaultAsync();
        return theme == "dark";
    }

    public async Task<string?> TimeZoneAsync()
    {
        var id = CurrentStaff.IdOf(await currentStaff.GetPrincipalAsync());
        if (id is null) return null;
        await using var db = await contextFactory.CreateDbContextAsync();
        return await db.Users.Where(u => u.Id == id).Select(u => u.TimeZone).FirstOrDefaultAsync();
    }

    /// <summary>A preference is not a staff change worth auditing, so it is written directly.</summary>
    public async Task SaveThemeAsync(string theme)
    {
        var id = CurrentStaff.IdOf(await currentStaff.GetPrincipalAsync());
        if (id is null) return;
        await using var db = await contextFactory.CreateDbContextAsync();
        await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.ThemePreference, theme));
    }
}
