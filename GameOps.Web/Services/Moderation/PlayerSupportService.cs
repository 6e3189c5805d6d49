using System.Net.Mail;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Data.Json;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Services.Moderation;

/// <summary>
/// Support actions on a player, each with a reason. The change and a staff note carrying the reason are saved in one
/// transaction, so the reason sits on the profile and both rows are in the staff audit trail.
/// </summary>
public sealed partial class PlayerSupportService(IDbContextFactory<GameOpsDbContext> contexts, CurrentStaff currentStaff, TimeProvider? clock = null)
{
    public const int MaxNoteLength = 4000;

    DateTime Now() => VersioningInterceptor.Truncate((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);

    async Task<Guid?> StaffIdAsync() => CurrentStaff.IdOf(await currentStaff.GetPrincipalAsync());

    public sealed record NoteLine(Guid Id, string Note, string Author, DateTime CreatedAt);

    public async Task<IReadOnlyList<NoteLine>> NotesAsync(Guid playerId, int take = 20, CancellationToken cancellationToken = default)
    {
        // Managers and LiveOps read notes too: the author by name, the email beside it only for a caller who may reveal it.
        var reveal = (await currentStaff.DemandAsync(Permission.PlayersRead)).Has(Permission.RevealPersonalData);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PlayerNotes.AsNoTracking().Where(n => n.UserId == playerId).OrderByDescending(n => n.CreatedAt).Take(take)
            .Select(n => new NoteLine(n.Id, n.Note, GameOps.Web.Auditing.StaffLabel.Of(n.StaffUserId, n.StaffUser.DisplayName, reveal ? n.StaffUser.Email : null, reveal), n.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<OperationResult> AddNoteAsync(Guid playerId, string note, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.PlayersSupport);
        if (ModerationRules.Note.FirstProblem(note, DateTime.UtcNow) is { } invalid) return OperationResult.Refused(invalid);
        if (await StaffIdAsync() is not { } staff) return OperationResult.Refused("You are not signed in.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Players.AnyAsync(p => p.Id == playerId, cancellationToken)) return OperationResult.Refused("This player no longer exists.");
        db.PlayerNotes.Add(new PlayerNote { Id = Guid.CreateVersion7(), UserId = playerId, StaffUserId = staff, Note = note.Trim() });
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success("Note added.");
    }

    /// <summary>
    /// Changes a player's username and/or email; both stay unique (case-insensitively). <paramref name="seen"/> is the
    /// account as the form loaded it: when it changed meanwhile (a colleague, the game), nothing changes and the message says so.
    /// </summary>
    public async Task<OperationResult> UpdateAccountAsync(Guid playerId, string username, string email, string reason, AccountSeen? seen, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.PlayersSupport);
        username = username?.Trim() ?? "";
        email = email?.Trim() ?? "";
        if (string.IsNullOrWhiteSpace(reason)) return OperationResult.Refused("A reason is required.");
        if (username.Length is < 3 or > 50) return OperationResult.Refused("The username must be 3 to 50 characters.");
        if (email.Length > 255 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email) return OperationResult.Refused("The email address is not valid.");
        if (await StaffIdAsync() is not { } staff) return OperationResult.Refused("You are not signed in.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var player = await db.Players.FirstOrDefaultAsync(p => p.Id == playerId, cancellationToken);
        if (player is null) return OperationResult.Refused("This player no longer exists.");
        if (seen is not null && (player.Username != seen.Username || player.Email != seen.Email))
            return OperationResult.Refused(player.Username != seen.Username
                ? $"Someone else changed this account since you opened it (the username is now “{player.Username}”); nothing was changed. Reload to see it."
                : "Someone else changed this account's email since you opened it; nothing was changed. Reload to see it.");
        if (player.Username == username && player.Email == email) return OperationResult.Refused("Nothing changed.");
        var lowerName = username.ToLower();
        var lowerEmail = email.ToLower();
        if (await db.Players.AnyAsync(p => p.Id != playerId && p.Username.ToLower() == lowerName, cancellationToken))
            return OperationResult.Refused($"The username “{username}” is taken.");
        if (await db.Players.AnyAsync(p => p.Id != playerId && p.Email.ToLower() == lowerEmail, cancellationToken))
            return OperationResult.Refused("That email address belongs to another player.");
        var changes = new List<string>();
        if (player.Username != username) changes.Add($"username {player.Username} → {username}");
        if (player.Email != email) changes.Add("email changed");
        player.Username = username;
        player.Email = email;
        db.PlayerNotes.Add(new PlayerNote { Id = Guid.CreateVersion7(), UserId = playerId, StaffUserId = staff, Note = $"Support: {string.Join(", ", changes)}. Reason: {reason.Trim()}" });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return OperationResult.Refused("The username or email was taken meanwhile; nothing was changed.");
        }
        return OperationResult.Success("Account updated.");
    }

    /// <summary>
    /// Ends every active session of a player (they are disconnected at their next server check). The end time goes
    /// into <c>expires_at</c>: <c>user_sessions</c> has no <c>ended_at</c> column.
    /// </summary>
    public async Task<OperationResult> EndSessionsAsync(Guid playerId, string reason, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.PlayersSupport);
        if (ReasonProblem(reason) is { } problem) return OperationResult.Refused(problem);
        if (await StaffIdAsync() is not { } staff) return OperationResult.Refused("You are not signed in.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Players.AnyAsync(p => p.Id == playerId, cancellationToken)) return OperationResult.Refused("This player no longer exists.");
        var ended = await ModerationService.EndSessionsAsync(db, playerId, Now(), cancellationToken);
        if (ended == 0) return OperationResult.Refused("The player has no active session.");
        AddNote(db, playerId, staff, $"Support: ended {ended} active session(s).", reason);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return OperationResult.Success($"{ended} session(s) ended.");
    }

    static string? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "A reason is required."
        : reason.Trim().Length > ModerationService.MaxReasonLength ? $"The reason is longer than {ModerationService.MaxReasonLength} characters." : null;

    static void AddNote(GameOpsDbContext db, Guid playerId, Guid staff, string what, string reason) =>
        db.PlayerNotes.Add(new PlayerNote { Id = Guid.CreateVersion7(), UserId = playerId, StaffUserId = staff, Note = $"{what} Reason: {reason.Trim()}" });
}

/// <summary>A player's account as the support form loaded it: the base a save compares with to notice a change made meanwhile.</summary>
public sealed record AccountSeen(string Username, string Email);
