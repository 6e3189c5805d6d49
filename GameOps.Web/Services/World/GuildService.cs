using System.Security.Claims;
using System.Text.Json;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Data.Json;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Services.World;

/// <summary>
/// Staff actions on a guild: adjusting the treasury and disbanding. Each is one transaction that changes the guild
/// and writes a <c>guild_activities</c> row carrying the staff member and the reason, so the reason is both on the
/// guild's own activity log and in the staff audit trail (the interceptor audits every row of the transaction).
/// </summary>
/// <remarks>
/// Disbanding sets <c>guilds.status = 'disbanded'</c>, releases every territory the guild held (owner cleared) and
/// removes the <c>guild_members</c> rows so the characters can join another guild (an actor belongs to at most one
/// guild); the roster at the time is kept in the activity's details. Storage and treasury are left as they were:
/// they are frozen with the guild, and any refund is a separate, deliberate action.
/// </remarks>
public sealed class GuildService(IDbContextFactory<GameOpsDbContext> contexts, CurrentStaff currentStaff, TimeProvider? clock = null)
{
    public const int MaxReasonLength = 1000;
    /// <summary>A single adjustment larger than this is certainly a typo.</summary>
    public const long MaxAdjustment = 1_000_000_000_000;
    public const Permission RequiredPermission = Permission.LiveOpsWrite;

    DateTime Now() => VersioningInterceptor.Truncate((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);

    public static bool CanManage(ClaimsPrincipal? user) =>
        user.Has(RequiredPermission);

    async Task<(ClaimsPrincipal User, string? Refusal)> AuthorizeAsync()
    {
        var user = await currentStaff.GetPrincipalAsync();
        if (user is null || CurrentStaff.IdOf(user) is null) return (user!, "You are not signed in.");
        return CanManage(user) ? (user, null) : (user, "Your role cannot change guilds: this needs the Live Ops write permission.");
    }

    static string? CheckReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "A reason is required."
        : reason.Trim().Length > MaxReasonLength ? $"The reason is longer than {MaxReasonLength} characters." : null;

    /// <summary>Adds <paramref name="amount"/> (negative to take gold away) to the treasury; the balance never goes below zero.</summary>
    public async Task<OperationResult> AdjustTreasuryAsync(Guid guildId, long amount, string? reason, CancellationToken cancellationToken = default)
    {
        var (user, refusal) = await AuthorizeAsync();
        if (refusal is not null) return OperationResult.Refused(refusal);
        if (CheckReason(reason) is { } badReason) return OperationResult.Refused(badReason);
        if (amount == 0) return OperationResult.Refused("The amount is zero: nothing to adjust.");
        if (Math.Abs(amount) > MaxAdjustment) return OperationResult.Refused($"An adjustment is at most {MaxAdjustment:N0} gold.");

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var guild = await db.Guilds.FirstOrDefaultAsync(g => g.Id == guildId, cancellationToken);
        if (guild is null) return OperationResult.Refused("This guild no longer exists.");
        if (guild.Status == "disbanded") return OperationResult.Refused("This guild is disbanded; its treasury is frozen.");
        var before = guild.Treasury;
        var after = before + amount;
        if (after < 0) return OperationResult.Refused($"The treasury holds {before:N0} gold; taking {-amount:N0} would leave it below zero.");
        var now = Now();
        guild.Treasury = after;
        guild.UpdatedAt = now;
        db.GuildActivities.Add(StaffActivity(guild.Id, "staff_treasury_adjustment", now, new
        {
            amount, before, after, reason = reason!.Trim(), staff = CurrentStaff.EmailOf(user),
        }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResult.Refused("Someone changed this guild at the same moment; nothing was changed. Look at the new balance and try again.");
        }
        return OperationResult.Success($"Treasury {(amount > 0 ? "credited" : "debited")} {Math.Abs(amount):N0} gold: now {after:N0}.");
    }

    /// <summary>Disbands the guild in one transaction: status, territories released, members removed (see the class remarks).</summary>
    public async Task<OperationResult> DisbandAsync(Guid guildId, string? reason, CancellationToken cancellationToken = default)
    {
        var (user, refusal) = await AuthorizeAsync();
        if (refusal is not null) return OperationResult.Refused(refusal);
        if (CheckReason(reason) is { } badReason) return OperationResult.Refused(badReason);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var guild = await db.Guilds.FirstOrDefaultAsync(g => g.Id == guildId, cancellationToken);
        if (guild is null) return OperationResult.Refused("This guild no longer exists.");
        if (guild.Status == "disbanded") return OperationResult.Refused("This guild is already disbanded.");
        var now = Now();
        var territories = await db.Territories.Where(t => t.OwnerGuildId == guildId).ToListAsync(cancellationToken);
        foreach (var territory in territories)
        {
            territory.OwnerGuildId = null;
            territory.UpdatedAt = now;
        }
        var members = await db.GuildMembers.Where(m => m.GuildId == guildId).Include(m => m.Actor).ToListAsync(cancellationToken);
        db.GuildMembers.RemoveRange(members);
        var previousStatus = guild.Status;
        guild.Status = "disbanded";
        guild.UpdatedAt = now;
        db.GuildActivities.Add(StaffActivity(guild.Id, "guild_disbanded", now, new
        {
            reason = reason!.Trim(),
            staff = CurrentStaff.EmailOf(user),
            previous_status = previousStatus,
            treasury = guild.Treasury,
            territories_released = territories.Select(t => t.TerritoryId).ToList(),
            members_removed = members.Select(m => new { actor_id = m.ActorId, actor_name = m.Actor.Name, rank = m.Rank }).ToList(),
        }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return OperationResult.Refused("Someone changed this guild at the same moment; nothing was changed. Reload and try again.");
        }
        return OperationResult.Success($"{guild.Name} is disbanded: {members.Count} member(s) released, {territories.Count} territor{(territories.Count == 1 ? "y" : "ies")} freed.");
    }

    static GuildActivity StaffActivity(Guid guildId, string type, DateTime now, object details) => new()
    {
        Id = Guid.CreateVersion7(),
        GuildId = guildId,
        ActorId = null,
        ActivityType = type,
        Details = JsonSerializer.Serialize(details, GameJsonSerializer.Options),
        CreatedAt = now,
    };
}
