using GameOps.Data;
using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Auditing;

/// <summary>
/// How staff members are named to other staff: by display name, with the email (personal data, and their user name) beside it only for a
/// caller who may reveal personal data. The audit pages and the Design history both name the people behind audit rows this way.
/// </summary>
public static class StaffLabel
{
    /// <summary>A staff member by name; the email beside it only when <paramref name="reveal"/>; without a name, the email or else the id.</summary>
    public static string Of(Guid id, string? displayName, string? email, bool reveal) =>
        (string.IsNullOrWhiteSpace(displayName), reveal && !string.IsNullOrEmpty(email)) switch
        {
            (false, true) => $"{displayName} ({email})",
            (false, false) => displayName!,
            (true, true) => email!,
            (true, false) => id.ToString(),
        };

    /// <summary>The label of each staff member who wrote one of <paramref name="entries"/> (by <see cref="StaffAuditEntry.StaffUserId"/>), named as their account is now.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> ActorsAsync(GameOpsDbContext db, IEnumerable<StaffAuditEntry> entries, bool reveal, CancellationToken ct = default)
    {
        // The email the row recorded stands in for an account that no longer exists (shown only to a caller who may reveal it).
        var recorded = entries.Where(e => e.StaffUserId is not null).GroupBy(e => e.StaffUserId!.Value).ToDictionary(g => g.Key, g => g.First().StaffEmail);
        var ids = recorded.Keys.ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(ct);
        return recorded.ToDictionary(r => r.Key, r => names.FirstOrDefault(n => n.Id == r.Key) is { } account
            ? Of(r.Key, account.DisplayName, account.Email, reveal) : Of(r.Key, null, r.Value, reveal));
    }
}
