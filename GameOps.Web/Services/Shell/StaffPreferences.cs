using GameOps.Data;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Services.Shell;

/// <summary>The signed-in staff member's own settings (theme, time zone, list layouts), stored on their account.</summary>
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

    /// <summary>The caller's layout of one list; the default (every column, normal rows) when none is saved or nobody is signed in.</summary>
    public async Task<ListLayout> ListLayoutAsync(string listKey, CancellationToken cancellationToken = default)
    {
        var id = CurrentStaff.IdOf(await currentStaff.GetPrincipalAsync());
        if (id is null) return ListLayout.Default;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var saved = await db.StaffListLayouts.AsNoTracking()
            .Where(l => l.StaffUserId == id && l.ListKey == listKey)
            .Select(l => new { l.HiddenColumns, l.Compact })
            .FirstOrDefaultAsync(cancellationToken);
        return saved is null ? ListLayout.Default : new ListLayout(ListLayout.ParseColumns(saved.HiddenColumns), saved.Compact);
    }

    /// <summary>Saves the caller's layout of one list (one upsert; like the theme, not audited).</summary>
    public async Task SaveListLayoutAsync(string listKey, ListLayout layout, CancellationToken cancellationToken = default)
    {
        var id = CurrentStaff.IdOf(await currentStaff.GetPrincipalAsync());
        if (id is null) return;
        var hidden = string.Join(',', layout.HiddenColumns.Order(StringComparer.Ordinal));
        if (listKey.Length > 100 || hidden.Length > 2000) throw new ArgumentException("The list layout is too long to save.");
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = DateTime.UtcNow;
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO staff_list_layouts (staff_user_id, list_key, hidden_columns, compact, updated_at)
            VALUES ({id.Value}, {listKey}, {hidden}, {layout.Compact}, {now})
            ON CONFLICT (staff_user_id, list_key) DO UPDATE SET hidden_columns = {hidden}, compact = {layout.Compact}, updated_at = {now}
            """, cancellationToken);
    }
}

/// <summary>A staff member's choices for one list.</summary>
public sealed record ListLayout(IReadOnlySet<string> HiddenColumns, bool Compact)
{
    public static readonly ListLayout Default = new(new HashSet<string>(), false);

    public static IReadOnlySet<string> ParseColumns(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
}
