namespace GameOps.Web.Services.Moderation;

/// <summary>What a moderator can do from a report (or a profile): one of these is one transaction.</summary>
public enum SanctionKind
{
    Dismiss,
    Warn,
    Mute,
    Kick,
    TempBan,
    PermBan,
    DeleteMessage,
}

public static class SanctionKinds
{
    /// <summary>The <c>moderation_actions.action_type</c> value (null for dismiss: no sanction row).</summary>
    public static string? ActionType(this SanctionKind kind) => kind switch
    {
        SanctionKind.Warn => "warn",
        SanctionKind.Mute => "mute",
        SanctionKind.Kick => "kick",
        SanctionKind.TempBan => "temp_ban",
        SanctionKind.PermBan => "perm_ban",
        SanctionKind.DeleteMessage => "delete_message",
        _ => null,
    };

    /// <summary>The <c>player_reports.resolution</c> value.</summary>
    public static string Resolution(this SanctionKind kind) => kind switch
    {
        SanctionKind.Dismiss => "dismissed",
        SanctionKind.Warn => "warned",
        SanctionKind.Mute => "muted",
        SanctionKind.Kick => "kicked",
        SanctionKind.TempBan => "temp_banned",
        SanctionKind.PermBan => "perm_banned",
        _ => "message_deleted",
    };

    public static string Label(this SanctionKind kind) => kind switch
    {
        SanctionKind.TempBan => "Temporary ban",
        SanctionKind.PermBan => "Permanent ban",
        SanctionKind.DeleteMessage => "Delete message",
        _ => kind.ToString(),
    };

    public static bool NeedsDuration(this SanctionKind kind) => kind is SanctionKind.TempBan or SanctionKind.Mute;

    public static readonly string[] BanTypes = ["temp_ban", "perm_ban"];
}

/// <summary>A moderator's decision: <paramref name="DurationMinutes"/> for temp bans and mutes.</summary>
public sealed record SanctionRequest(SanctionKind Kind, string Reason, int? DurationMinutes = null);

public sealed record ReportQueueFilter
{
    public string? Category { get; init; }
    /// <summary>open (default: open and in review), in_review, resolved, dismissed, or "all".</summary>
    public string? Status { get; init; }
    public bool MineOnly { get; init; }
    /// <summary>priority (default: priority, then oldest), oldest or newest.</summary>
    public string? Sort { get; init; }
    /// <summary>Full-text search in the description (web-search syntax, see <see cref="TextSearch"/>).</summary>
    public string? Text { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = 50;
    /// <summary>
    /// Keyset paging for the "oldest" sort: only rows after this (created_at, id) pair, and <see cref="Page"/> is ignored,
    /// so a row claimed or resolved between two pages does not shift the rest (the API's cursor).
    /// </summary>
    public (DateTime CreatedAt, Guid Id)? After { get; init; }
}

/// <summary>
/// A report in the queue. The assignee is named by <paramref name="AssigneeName"/> (their display name); <paramref name="AssigneeEmail"/> is
/// personal data, filled only for a caller who may reveal it (<see cref="GameOps.Web.Auditing.StaffLabel"/> puts the two together).
/// </summary>
public sealed record ReportQueueRow(
    Guid Id, string Category, int Priority, string Status, DateTime CreatedAt,
    Guid TargetUserId, string TargetUsername, Guid ReporterUserId, string ReporterUsername,
    Guid? AssigneeStaffId, string? AssigneeName, string? AssigneeEmail, string? Description, bool HasMessage)
{
    /// <summary>Who holds the report, as staff are named (<see cref="GameOps.Web.Auditing.StaffLabel"/>); null when nobody does.</summary>
    public string? Assignee => AssigneeStaffId is { } id ? GameOps.Web.Auditing.StaffLabel.Of(id, AssigneeName, AssigneeEmail, AssigneeEmail is not null) : null;

    public TimeSpan Age(DateTime now) => now - CreatedAt;
}

public sealed record ReportQueuePage(IReadOnlyList<ReportQueueRow> Rows, int Total, int OverSla)
{
    /// <summary>Why the search found nothing to look for (bad search text), shown next to the field.</summary>
    public string? Notice { get; init; }
}

public sealed record ChatLine(Guid Id, string MessageId, Guid UserId, string Username, string Content, string MessageType, bool IsDeleted, DateTime CreatedAt);

public sealed record SessionLine(Guid Id, string? IpAddress, string? UserAgent, DateTime CreatedAt, DateTime? LastActivity, bool IsActive);

public sealed record ReportLine(Guid Id, string Category, string Status, string? Resolution, DateTime CreatedAt, string OtherUsername, string? Description);

/// <summary>A sanction on a player's summary; the moderator as in <see cref="SanctionRow"/>.</summary>
public sealed record SanctionLine(Guid Id, string ActionType, string? Reason, int? Duration, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? LiftedAt,
    Guid ModeratorId, string? ModeratorName, string? ModeratorEmail, bool IsActive);

public sealed record FraudLine(Guid Id, string FraudType, double RiskScore, string? Indicators, DateTime DetectedAt);

public sealed record SecurityLine(Guid Id, string EventType, string Severity, string? Description, string? IpAddress, DateTime CreatedAt);

/// <summary>A player's status as it is now: a ban whose <c>expires_at</c> passed (or that was lifted) no longer counts.</summary>
public sealed record EffectiveStatus(string StoredStatus, string Status, DateTime? BannedUntil, bool IsPermanentlyBanned, DateTime? MutedUntil);

public sealed record PlayerSummary(
    Guid Id, string Username, string Email, DateTime CreatedAt, DateTime? LastLogin, EffectiveStatus Status,
    IReadOnlyList<SessionLine> Sessions, IReadOnlyList<string> RecentIps,
    IReadOnlyList<ReportLine> ReportsAgainst, IReadOnlyList<ReportLine> ReportsBy,
    IReadOnlyList<SanctionLine> Sanctions, IReadOnlyList<FraudLine> OpenFraud, IReadOnlyList<SecurityLine> OpenSecurity);

public sealed record ReportEvidence(
    ReportQueueRow Report, string? Resolution, string? ResolutionNote, DateTime? ResolvedAt, DateTime? ClaimedAt,
    ChatLine? Message, string? ChannelName, string? ChannelKey, IReadOnlyList<ChatLine> Before, IReadOnlyList<ChatLine> After,
    PlayerSummary Target);

public sealed record SanctionFilter
{
    public string? Type { get; init; }
    public Guid? ModeratorId { get; init; }
    public Guid? TargetUserId { get; init; }
    /// <summary>Username prefix.</summary>
    public string? Player { get; init; }
    /// <summary>active, expired, lifted, appealed (a pending appeal), or null for all.</summary>
    public string? State { get; init; }
    /// <summary>Full-text search in the reason (web-search syntax, see <see cref="TextSearch"/>).</summary>
    public string? Text { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = 50;
}

/// <summary>
/// A sanction in the list. The moderator is named by <paramref name="ModeratorName"/> (their display name); <paramref name="ModeratorEmail"/>
/// is personal data, filled only for a caller who may reveal it (<see cref="GameOps.Web.Auditing.StaffLabel"/> puts the two together).
/// </summary>
public sealed record SanctionRow(
    Guid Id, string ActionType, string? Reason, int? Duration, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? LiftedAt, string? LiftReason,
    Guid ModeratorId, string? ModeratorName, string? ModeratorEmail, Guid TargetUserId, string TargetUsername, bool IsActive,
    Guid? AppealId, string? AppealStatus, string? AppealText)
{
    /// <summary>Who issued it, as staff are named (<see cref="GameOps.Web.Auditing.StaffLabel"/>).</summary>
    public string Moderator => GameOps.Web.Auditing.StaffLabel.Of(ModeratorId, ModeratorName, ModeratorEmail, ModeratorEmail is not null);
}

public sealed record SanctionPage(IReadOnlyList<SanctionRow> Rows, int Total)
{
    /// <summary>Why the search found nothing to look for (bad search text), shown next to the field.</summary>
    public string? Notice { get; init; }
}

/// <summary>A staff note found by text search.</summary>
public sealed record NoteHit(Guid Id, Guid PlayerId, string Username, string Note, string Author, DateTime CreatedAt);
