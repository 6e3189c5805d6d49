using System.Text.Json;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Services.Moderation;

/// <summary>
/// The moderation workflows that change data: claiming reports and acting on them, lifting or shortening
/// sanctions, deciding appeals. Each call is one transaction; every entity change is audited by the
/// StaffAuditInterceptor in that same transaction.
/// </summary>
/// <remarks>
/// Mutes: a mute sets <c>channel_members.is_muted</c> on every channel the player belongs to and is recorded as a
/// <c>mute</c> action with its <c>expires_at</c>; <c>users.status</c> is left alone. Temporary bans set
/// <c>users.status = 'suspended'</c>, permanent bans <c>'banned'</c>; both end the player's sessions. The effective
/// status (see <see cref="ModerationQueries.EffectiveStatusAsync"/>) ignores bans that expired or were lifted.
/// </remarks>
public sealed class ModerationService(IDbContextFactory<GameOpsDbContext> contexts, CurrentStaff currentStaff, ReportQueueNotifier notifier, TimeProvider? clock = null)
{
    public const int MaxReasonLength = 1000;
    public const int MaxDurationMinutes = 60 * 24 * 365;

    DateTime Now() => VersioningInterceptor.Truncate((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);

    async Task<(Guid Id, string? Email)?> StaffAsync()
    {
        var user = await currentStaff.GetPrincipalAsync();
        return CurrentStaff.IdOf(user) is { } id ? (id, CurrentStaff.EmailOf(user)) : null;
    }

    /// <summary>
    /// Assigns an open, unassigned report to the current moderator with one conditional UPDATE: when two moderators
    /// claim at once exactly one row update succeeds and the other is told who has it.
    /// </summary>
    public async Task<OperationResult> ClaimAsync(Guid reportId, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.ModerationAct);
        if (await StaffAsync() is not { } staff) return OperationResult.Refused("You are not signed in.");
        var now = Now();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.PlayerReports
            .Where(r => r.Id == reportId && r.Status == "open" && r.AssigneeStaffId == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.AssigneeStaffId, staff.Id)
                .SetProperty(r => r.Status, "in_review")
                .SetProperty(r => r.ClaimedAt, now)
                .SetProperty(r => r.UpdatedAt, now), cancellationToken);
        if (claimed == 1)
        {
            await RecordAsync(db, "claim", reportId, staff, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            notifier.Notify();
            return OperationResult.Success("The report is yours.");
        }
        var current = await db.PlayerReports.AsNoTracking().Where(r => r.Id == reportId)
            .Select(r => new { r.Status, r.AssigneeStaffId, Email = r.AssigneeStaff != null ? r.AssigneeStaff.Email : null })
            .FirstOrDefaultAsync(cancellationToken);
        if (current is null) return OperationResult.Refused("This report no longer exists.");
        if (current.AssigneeStaffId == staff.Id) return OperationResult.Success("You already have this report.");
        if (current.AssigneeStaffId is not null) return OperationResult.Refused($"Already claimed by {current.Email ?? "another moderator"}.");
        return OperationResult.Refused($"This report is {current.Status.Replace('_', ' ')} and cannot be claimed.");
    }

    /// <summary>Puts a report the current moderator holds back in the queue.</summary>
    public async Task<OperationResult> ReleaseAsync(Guid reportId, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.ModerationAct);
        if (await StaffAsync() is not { } staff) return OperationResult.Refused("You are not signed in.");
        var now = Now();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var released = await db.PlayerReports
            .Where(r => r.Id == reportId && r.Status == "in_review" && r.AssigneeStaffId == staff.Id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.AssigneeStaffId, (Guid?)null)
                .SetProperty(r => r.Status, "open")
                .SetProperty(r => r.ClaimedAt, (DateTime?)null)
                .SetProperty(r => r.UpdatedAt, now), cancellationToken);
        if (released == 0) return OperationResult.Refused("You do not hold this report.");
        await RecordAsync(db, "release", reportId, staff, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notifier.Notify();
        return OperationResult.Success("The report is back in the queue.");
    }

    /// <summary>
    /// Claims (if needed) and resolves a report with one action, all in one transaction: the moderation_actions row,
    /// the player's status, sessions and mutes, the deleted message, the report's resolution and the player's
    /// notification. Any failure rolls everything back.
    /// </summary>
    public async Task<OperationResult> ActOnReportAsync(Guid reportId, SanctionRequest request, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.ModerationAct);
        if (Validate(request) is { } invalid) return OperationResult.Refused(invalid);
        if (await StaffAsync() is not { } staff) return OperationResult.Refused("You are not signed in.");
        var now = Now();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var report = await db.PlayerReports.Include(r => r.ChatMessage).FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
            if (report is null) return OperationResult.Refused("This report no longer exists.");
            if (report.Status is "resolved" or "dismissed") return OperationResult.Refused($"This report was already {report.Status} ({report.Resolution}).");
            if (report.AssigneeStaffId is { } holder && holder != staff.Id)
                return OperationResult.Refused("Another moderator holds this report; ask them to release it first.");
            if (request.Kind == SanctionKind.DeleteMessage && report.ChatMessage is null)
                return OperationResult.Refused("This report has no chat message to delete.");

            Guid? actionId = null;
            if (request.Kind != SanctionKind.Dismiss)
                actionId = await ApplySanctionAsync(db, report.TargetUserId, request, staff.Id, now, report.ChatMessage, cancellationToken);

            report.Status = request.Kind == SanctionKind.Dismiss ? "dismissed" : "resolved";
            report.Resolution = request.Kind.Resolution();
            report.ResolutionNote = request.Reason.Trim();
            report.ResolvedAt = now;
            report.AssigneeStaffId = staff.Id;
            report.ClaimedAt ??= now;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            notifier.Notify();
            return OperationResult.Success(request.Kind == SanctionKind.Dismiss ? "Report dismissed." : $"{request.Kind.Label()} applied; report resolved.", actionId);
        }
    }

    /// <summary>Sanctions a player directly (from the profile or the fraud queue), in one transaction.</summary>
    public async Task<OperationResult> SanctionPlayerAsync(Guid playerId, SanctionRequest request, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.ModerationAct);
        if (request.Kind is SanctionKind.Dismiss or SanctionKind.DeleteMessage) return OperationResult.Refused("Choose a sanction.");
        if (Validate(request) is { } invalid) return OperationResult.Refused(invalid);
        if (await StaffAsync() is not { } staff) return OperationResult.Refused("You are not signed in.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Players.AnyAsync(p => p.Id == playerId, cancellationToken)) return OperationResult.Refused("This player no longer exists.");
        var id = await ApplySanctionAsync(db, playerId, request, staff.Id, Now(), null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return OperationResult.Success($"{request.Kind.Label()} applied.", id);
    }

    /// <summary>What a sanction would touch, for its confirmation: the player's name, open sessions and running sanctions.</summary>
    public async Task<SanctionImpact?> ImpactAsync(Guid playerId, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.ModerationRead);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = Now();
        return await db.Players.AsNoTracking().Where(p => p.Id == playerId)
            .Select(p => new SanctionImpact(p.Username,
                db.UserSessions.Count(s => s.UserId == p.Id && s.IsActive),
                db.ModerationActions.Count(a => a.TargetUserId == p.Id && a.LiftedAt == null
                    && (a.ActionType == "temp_ban" || a.ActionType == "perm_ban" || a.ActionType == "mute") && (a.ExpiresAt == null || a.ExpiresAt > now))))
            .FirstOrDefaultAsync(cancellationToken);
    }

    internal static string? Validate(SanctionRequest request)
    {
        return ModerationRules.Sanction.FirstProblem(request, DateTime.UtcNow);
    }

    /// <summary>Adds the sanction's rows to the tracked context (saved by the caller, inside its transaction).</summary>
    internal async Task<Guid> ApplySanctionAsync(GameOpsDbContext db, Guid playerId, SanctionRequest request, Guid staffId, DateTime now,
        ChatMessage? message, CancellationToken cancellationToken)
    {
        var player = await db.Players.FirstAsync(p => p.Id == playerId, cancellationToken);
        var minutes = request.Kind.NeedsDuration() ? request.DurationMinutes : null;
        var channelKey = message is null ? null : await db.Channels.Where(c => c.Id == message.ChannelId).Select(c => c.ChannelId).FirstOrDefaultAsync(cancellationToken);
        var action = new ModerationAction
        {
            Id = Guid.CreateVersion7(),
            ActionId = "mod_" + Guid.NewGuid().ToString("N")[..24],
            ModeratorId = staffId,
            TargetUserId = playerId,
            ActionType = request.Kind.ActionType()!,
            Reason = request.Reason.Trim(),
            Duration = minutes,
            ExpiresAt = minutes is { } m ? now.AddMinutes(m) : null,
            ChannelId = channelKey,
            MessageId = message?.MessageId,
            CreatedAt = now,
        };
        db.ModerationActions.Add(action);

        switch (request.Kind)
        {
            case SanctionKind.TempBan:
                if (player.Status != "banned") player.Status = "suspended";
                await EndSessionsAsync(db, playerId, now, cancellationToken);
                break;
            case SanctionKind.PermBan:
                player.Status = "banned";
                await EndSessionsAsync(db, playerId, now, cancellationToken);
                break;
            case SanctionKind.Kick:
                await EndSessionsAsync(db, playerId, now, cancellationToken);
                break;
            case SanctionKind.Mute:
                foreach (var member in await db.ChannelMembers.Where(m => m.UserId == playerId && !m.IsMuted).ToListAsync(cancellationToken))
                    member.IsMuted = true;
                break;
            case SanctionKind.DeleteMessage:
                message!.IsDeleted = true;
                message.DeletedAt = now;
                break;
        }

        db.Notifications.Add(new Notification
        {
            Id = Guid.CreateVersion7(),
            NotificationId = "ntf_" + Guid.NewGuid().ToString("N")[..24],
            UserId = playerId,
            NotificationType = "moderation",
            Channel = "in_game",
            Title = request.Kind switch
            {
                SanctionKind.Warn => "You received a warning",
                SanctionKind.Mute => "You have been muted",
                SanctionKind.Kick => "You were disconnected by a moderator",
                SanctionKind.TempBan => "Your account is suspended",
                SanctionKind.PermBan => "Your account is banned",
                _ => "A message of yours was removed",
            },
            Message = request.Reason.Trim() + (action.ExpiresAt is { } until ? $" (until {until:yyyy-MM-dd HH:mm} UTC)" : ""),
            Data = JsonSerializer.Serialize(new { action_id = action.ActionId, action_type = action.ActionType, expires_at = action.ExpiresAt }),
            Status = "queued",
            Priority = "high",
            ScheduledAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        });
        return action.Id;
    }

    /// <summary>
    /// Marks every active session of the player ended (tracked, saved by the caller). <c>user_sessions</c> has no
    /// <c>ended_at</c>: the end is recorded by moving <c>expires_at</c> to now.
    /// </summary>
    internal static async Task<int> EndSessionsAsync(GameOpsDbContext db, Guid playerId, DateTime now, CancellationToken cancellationToken)
    {
        var sessions = await db.UserSessions.Where(s => s.UserId == playerId && s.IsActive).ToListAsync(cancellationToken);
        foreach (var session in sessions)
        {
            session.IsActive = false;
            if (session.ExpiresAt > now) session.ExpiresAt = now;
        }
        return sessions.Count;
    }

    /// <summary>Lifts a running sanction early; a lifted ban restores the player's status when no other ban runs.</summary>
    public async Task<OperationResult> LiftAsync(Guid actionId, string reason, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.ModerationAct);
        if (string.IsNullOrWhiteSpace(reason)) return OperationResult.Refused("A reason is required.");
        if (await StaffAsync() is not { } staff) return OperationResult.Refused("You are not signed in.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await LiftInContextAsync(db, actionId, reason.Trim(), staff.Id, Now(), cancellationToken);
        if (!result.Ok) return result;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    async Task<OperationResult> LiftInContextAsync(GameOpsDbContext db, Guid actionId, string reason, Guid staffId, DateTime now, CancellationToken cancellationToken)
    {
        var action = await db.ModerationActions.FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        if (action is null) return OperationResult.Refused("This sanction no longer exists.");
        if (action.LiftedAt is not null) return OperationResult.Refused("This sanction was already lifted.");
        if (action.ExpiresAt is { } expires && expires <= now) return OperationResult.Refused("This sanction has already expired.");
        if (action.ActionType is not ("temp_ban" or "perm_ban" or "mute")) return OperationResult.Refused("Only bans and mutes can be lifted.");
        action.LiftedAt = now;
        action.LiftedByStaffId = staffId;
        action.LiftReason = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason;
        var others = db.ModerationActions.Where(a => a.TargetUserId == action.TargetUserId && a.Id != action.Id && a.LiftedAt == null
            && (a.ExpiresAt == null || a.ExpiresAt > now));
        if (action.ActionType is "temp_ban" or "perm_ban")
        {
            var otherBans = await others.Where(a => a.ActionType == "temp_ban" || a.ActionType == "perm_ban").Select(a => a.ActionType).ToListAsync(cancellationToken);
            var player = await db.Players.FirstAsync(p => p.Id == action.TargetUserId, cancellationToken);
            player.Status = otherBans.Contains("perm_ban") ? "banned" : otherBans.Count > 0 ? "suspended" : "active";
        }
        else if (!await others.AnyAsync(a => a.ActionType == "mute", cancellationToken))
        {
            foreach (var member in await db.ChannelMembers.Where(m => m.UserId == action.TargetUserId && m.IsMuted).ToListAsync(cancellationToken))
                member.IsMuted = false;
        }
        return OperationResult.Success("Sanction lifted.");
    }

    /// <summary>Moves a temporary sanction's end earlier (never later, never into the past).</summary>
    public async Task<OperationResult> ShortenAsync(Guid actionId, DateTime newExpiresAt, string reason, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.ModerationAct);
        if (string.IsNullOrWhiteSpace(reason)) return OperationResult.Refused("A reason is required.");
        if (await StaffAsync() is not { } staff) return OperationResult.Refused("You are not signed in.");
        var now = Now();
        newExpiresAt = VersioningInterceptor.Truncate(DateTime.SpecifyKind(newExpiresAt, DateTimeKind.Utc));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var action = await db.ModerationActions.FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        if (action is null) return OperationResult.Refused("This sanction no longer exists.");
        if (action.LiftedAt is not null) return OperationResult.Refused("This sanction was lifted.");
        if (action.ExpiresAt is not { } expires) return OperationResult.Refused("Only temporary sanctions can be shortened; lift a permanent one instead.");
        if (expires <= now) return OperationResult.Refused("This sanction has already expired.");
        if (newExpiresAt <= now) return OperationResult.Refused("The new end must be in the future (lift the sanction to end it now).");
        if (newExpiresAt >= expires) return OperationResult.Refused("The new end must be earlier than the current one.");
        action.ExpiresAt = newExpiresAt;
        action.Duration = (int)Math.Ceiling((newExpiresAt - action.CreatedAt).TotalMinutes);
        action.LiftReason = "shortened: " + reason.Trim();
        action.LiftedByStaffId = staff.Id;
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success($"Sanction now ends {newExpiresAt:yyyy-MM-dd HH:mm} UTC.");
    }

    /// <summary>Records a player's appeal against a sanction (entered by staff from a support ticket).</summary>
    public async Task<OperationResult> FileAppealAsync(Guid actionId, string appealText, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.ModerationAct);
        if (string.IsNullOrWhiteSpace(appealText)) return OperationResult.Refused("The appeal text is required.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.ModerationActions.AnyAsync(a => a.Id == actionId, cancellationToken)) return OperationResult.Refused("This sanction no longer exists.");
        if (await db.SanctionAppeals.AnyAsync(a => a.ModerationActionId == actionId && a.Status == "pending", cancellationToken))
            return OperationResult.Refused("This sanction already has a pending appeal.");
        var appeal = new SanctionAppeal { Id = Guid.CreateVersion7(), ModerationActionId = actionId, AppealText = appealText.Trim(), Status = "pending" };
        db.SanctionAppeals.Add(appeal);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success("Appeal recorded.", appeal.Id);
    }

    /// <summary>Decides a pending appeal: overturned lifts the sanction in the same transaction. The sanctioning moderator may not decide.</summary>
    public async Task<OperationResult> DecideAppealAsync(Guid appealId, bool overturn, string note, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.ModerationAct);
        if (string.IsNullOrWhiteSpace(note)) return OperationResult.Refused("A decision note is required.");
        if (await StaffAsync() is not { } staff) return OperationResult.Refused("You are not signed in.");
        var now = Now();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var appeal = await db.SanctionAppeals.Include(a => a.ModerationAction).FirstOrDefaultAsync(a => a.Id == appealId, cancellationToken);
        if (appeal is null) return OperationResult.Refused("This appeal no longer exists.");
        if (appeal.Status != "pending") return OperationResult.Refused($"This appeal was already decided ({appeal.Status}).");
        if (appeal.ModerationAction.ModeratorId == staff.Id) return OperationResult.Refused("You issued this sanction: another moderator must decide the appeal.");
        appeal.Status = overturn ? "overturned" : "upheld";
        appeal.DecidedByStaffId = staff.Id;
        appeal.DecisionNote = note.Trim();
        appeal.DecidedAt = now;
        if (overturn && appeal.ModerationAction.LiftedAt is null && (appeal.ModerationAction.ExpiresAt is null || appeal.ModerationAction.ExpiresAt > now)
            && appeal.ModerationAction.ActionType is "temp_ban" or "perm_ban" or "mute")
        {
            var lifted = await LiftInContextAsync(db, appeal.ModerationActionId, "appeal overturned: " + note.Trim(), staff.Id, now, cancellationToken);
            if (!lifted.Ok) return lifted;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return OperationResult.Success(overturn ? "Appeal granted; sanction overturned." : "Appeal rejected; sanction upheld.");
    }

    async Task RecordAsync(GameOpsDbContext db, string action, Guid reportId, (Guid Id, string? Email) staff, DateTime now, CancellationToken cancellationToken)
    {
        // ExecuteUpdate bypasses SaveChanges interceptors: the claim's audit row is written here, right after it.
        db.StaffAuditLogs.Add(AuditRow(action, "player_reports", reportId.ToString(), staff, now, null));
        await db.SaveChangesAsync(cancellationToken);
    }

    StaffAuditEntry AuditRow(string action, string entityType, string key, (Guid Id, string? Email) staff, DateTime now, object? details) => new()
    {
        Id = Guid.CreateVersion7(),
        StaffUserId = staff.Id,
        StaffEmail = staff.Email,
        Action = action,
        EntityType = entityType,
        EntityKey = key,
        Changes = details is null ? null : JsonSerializer.Serialize(details),
        IpAddress = currentStaff.IpAddress,
        UserAgent = currentStaff.UserAgent,
        CreatedAt = now,
    };
}

/// <summary>What a sanction would touch (for its confirmation).</summary>
public sealed record SanctionImpact(string Username, int OpenSessions, int RunningSanctions);

