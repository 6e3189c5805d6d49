using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Data.Seeding;

internal sealed partial class SeedRun
{
    public const string SeedModeratorEmail = "seed-moderator@gameops.local";

    /// <summary>Staff users that moderation actions and report assignments point at.</summary>
    readonly List<(Guid Id, string? Email)> moderators = [];

    /// <summary>Staff who may decide appeals (Moderators and Admins).</summary>
    readonly List<Guid> appealDeciders = [];

    /// <summary>Staff who compose broadcasts (LiveOps, else Admin, else the first moderator).</summary>
    readonly List<(Guid Id, string? Email)> liveOps = [];

    async Task SeedStaffAsync()
    {
        var existing = await db.Users.AsNoTracking()
            .Select(u => new { u.Id, u.Email, u.IsDisabled, u.CreatedAt })
            .ToListAsync(ct);
        var roleRows = await (from ur in db.UserRoles
                              join role in db.Roles on ur.RoleId equals role.Id
                              select new { ur.UserId, role.Name })
            .AsNoTracking()
            .ToListAsync(ct);
        var ordered = existing
            .OrderBy(u => u.IsDisabled)
            .ThenBy(u => u.CreatedAt)
            .ThenBy(u => u.Id)
            .ToList();
        var enabled = ordered.Where(u => !u.IsDisabled).ToList();
        var pool = enabled.Count > 0 ? enabled : ordered;
        bool InRole(Guid id, string role) => roleRows.Any(x => x.UserId == id && x.Name == role);
        var mods = pool.Where(u => InRole(u.Id, "Moderator")).ToList();
        if (mods.Count == 0) mods = pool.Where(u => InRole(u.Id, "Admin")).ToList();
        if (mods.Count == 0) mods = pool;
        foreach (var u in mods) moderators.Add((u.Id, u.Email));
        foreach (var u in pool.Where(u => InRole(u.Id, "Moderator") || InRole(u.Id, "Admin"))) appealDeciders.Add(u.Id);
        var ops = pool.Where(u => InRole(u.Id, "LiveOps")).ToList();
        if (ops.Count == 0) ops = pool.Where(u => InRole(u.Id, "Admin")).ToList();
        foreach (var u in ops) liveOps.Add((u.Id, u.Email));
        if (moderators.Count == 0)
        {
            var r = Rng("staff");
            var staff = new StaffUser
            {
                Id = r.NextGuid(),
                UserName = SeedModeratorEmail,
                NormalizedUserName = SeedModeratorEmail.ToUpperInvariant(),
                Email = SeedModeratorEmail,
                NormalizedEmail = SeedModeratorEmail.ToUpperInvariant(),
                EmailConfirmed = false,
                PasswordHash = null,
                SecurityStamp = r.Hex(32).ToUpperInvariant(),
                ConcurrencyStamp = r.NextGuid().ToString(),
                DisplayName = "Seed moderator",
                IsDisabled = true,
                MustChangePassword = false,
                ThemePreference = "system",
                TimeZone = "UTC",
                LockoutEnabled = true,
                CreatedAt = Sec(Now.AddDays(-120)),
            };
            await AddAsync(staff);
            await FlushAsync();
            moderators.Add((staff.Id, staff.Email));
        }
        if (liveOps.Count == 0) liveOps.Add(moderators[0]);
    }
}
