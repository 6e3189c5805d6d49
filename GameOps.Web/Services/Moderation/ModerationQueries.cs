using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Web.Auditing;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Services.Moderation;

/// <summary>Read side of the moderation workspace: the queue, a report's evidence, a player's effective status. No tracking.</summary>
public sealed class ModerationQueries(IDbContextFactory<GameOpsDbContext> contexts, CurrentStaff currentStaff, ModerationSla? sla = null, TimeProvider? clock = null)
{
    /// <summary>Reports older than their priority's (or category's) target are highlighted in the queue.</summary>
    public ModerationSla Sla { get; } = sla ?? new ModerationSla();
    public const int ContextMessages = 10;
    public const int SectionSize = 10;

    public DateTime Now() => VersioningInterceptor.Truncate((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);

    /// <summary>Sanctions, newest first, with filters; "active" means not lifted and not expired (follows <c>expires_at</c>).</summary>
    public async Task<SanctionPage> ListSanctionsAsync(SanctionFilter filter, CancellationToken cancellationToken = default)
    {
        var reveal = (await currentStaff.DemandAsync(Permission.ModerationRead)).Has(Permission.RevealPersonalData);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = Now();
        var query = db.ModerationActions.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.Type)) query = query.Where(a => a.ActionType == filter.Type);
        if (filter.ModeratorId is { } moderator) query = query.Where(a => a.ModeratorId == moderator);
        if (filter.TargetUserId is { } target) query = query.Where(a => a.TargetUserId == target);
        if (!string.IsNullOrWhiteSpace(filter.Player))
        {
            var prefix = filter.Player.Trim().ToLowerInvariant();
            query = query.Where(a => a.TargetUser.Username.ToLower().StartsWith(prefix));
        }
        if (TextSearch.Parse(filter.Text, out var problem) is { } text) query = TextSearch.Matching(db, query, text, filter.Text!);
        else if (problem is not null) return new SanctionPage([], 0) { Notice = problem };
        query = filter.State switch
        {
            "active" => query.Where(a => a.LiftedAt == null && (a.ActionType == "temp_ban" || a.ActionType == "perm_ban" || a.ActionType == "mute") && (a.ExpiresAt == null || a.ExpiresAt > now)),
            "expired" => query.Where(a => a.LiftedAt == null && a.ExpiresAt != null && a.ExpiresAt <= now),
            "lifted" => query.Where(a => a.LiftedAt != null),
            "appealed" => query.Where(a => db.SanctionAppeals.Any(ap => ap.ModerationActionId == a.Id && ap.Status == "pending")),
            _ => query,
        };
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(a => a.CreatedAt).ThenBy(a => a.Id)
            .Skip(Math.Max(0, filter.Page) * filter.PageSize).Take(filter.PageSize)
            .Select(a => new SanctionRow(a.Id, a.ActionType, a.Reason, a.Duration, a.CreatedAt, a.ExpiresAt, a.LiftedAt, a.LiftReason,
                a.ModeratorId, a.Moderator.DisplayName, reveal ? a.Moderator.Email : null, a.TargetUserId, a.TargetUser.Username,
                a.LiftedAt == null && (a.ActionType == "temp_ban" || a.ActionType == "perm_ban" || a.ActionType == "mute") && (a.ExpiresAt == null || a.ExpiresAt > now),
                db.SanctionAppeals.Where(ap => ap.ModerationActionId == a.Id).OrderByDescending(ap => ap.CreatedAt).Select(ap => (Guid?)ap.Id).FirstOrDefault(),
                db.SanctionAppeals.Where(ap => ap.ModerationActionId == a.Id).OrderByDescending(ap => ap.CreatedAt).Select(ap => ap.Status).FirstOrDefault(),
                db.SanctionAppeals.Where(ap => ap.ModerationActionId == a.Id).OrderByDescending(ap => ap.CreatedAt).Select(ap => ap.AppealText).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new SanctionPage(rows, total);
    }

    public const int MaxNoteHits = 200;

    /// <summary>Staff notes matching a full-text search (web-search syntax), newest first, optionally of one player.</summary>
    public async Task<(IReadOnlyList<NoteHit> Rows, string? Notice)> SearchNotesAsync(string text, Guid? playerId = null, int take = 50, CancellationToken cancellationToken = default)
    {
        var reveal = (await currentStaff.DemandAsync(Permission.ModerationRead)).Has(Permission.RevealPersonalData);
        if (TextSearch.Parse(text, out var problem) is not { } search) return ([], problem ?? "Type at least one word or number to search for.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.PlayerNotes.AsNoTracking();
        if (playerId is { } player) query = query.Where(n => n.UserId == player);
        var rows = await TextSearch.Matching(db, query, search, text).OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(Math.Clamp(take, 1, MaxNoteHits))
            .Select(n => new NoteHit(n.Id, n.UserId, n.User.Username, n.Note, StaffLabel.Of(n.StaffUserId, n.StaffUser.DisplayName, reveal ? n.StaffUser.Email : null, reveal), n.CreatedAt))
            .ToListAsync(cancellationToken);
        return (rows, null);
    }

    /// <summary>Staff who issued sanctions (for the moderator filter), by name (<see cref="StaffLabel"/>).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Label)>> ModeratorsAsync(CancellationToken cancellationToken = default)
    {
        var reveal = (await currentStaff.DemandAsync(Permission.ModerationRead)).Has(Permission.RevealPersonalData);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = db.ModerationActions.Select(a => a.ModeratorId).Distinct();
        var staff = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        return staff.Select(s => (s.Id, StaffLabel.Of(s.Id, s.DisplayName, s.Email, reveal))).ToList();
    }

    public async Task<ReportQueuePage> ListQueueAsync(ReportQueueFilter filter, Guid? me, CancellationToken cancellationToken = default)
    {
        var reveal = (await currentStaff.DemandAsync(Permission.ModerationRead)).Has(Permission.RevealPersonalData);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.PlayerReports.AsNoTracking();
        query = filter.Status switch
        {
            null or "" => query.Where(r => r.Status == "open" || r.Status == "in_review"),
            "all" => query,
            var status => query.Where(r => r.Status == status),
        };
        if (!string.IsNullOrEmpty(filter.Category)) query = query.Where(r => r.Category == filter.Category);
        if (filter.MineOnly && me is { } id) query = query.Where(r => r.AssigneeStaffId == id);
        if (TextSearch.Parse(filter.Text, out var problem) is { } text) query = TextSearch.Matching(db, query, text, filter.Text!);
        else if (problem is not null) return new ReportQueuePage([], 0, 0) { Notice = problem };
        var total = await query.CountAsync(cancellationToken);
        var overSla = await query.Where(r => r.Status == "open" || r.Status == "in_review").Where(Sla.OverSla(Now())).CountAsync(cancellationToken);
        if (filter.After is { } after)
        {
            var (afterCreatedAt, afterId) = after;
            if (filter.Sort != "oldest") throw new ArgumentException("Keyset paging needs the oldest-first sort.", nameof(filter));
            query = query.Where(r => r.CreatedAt >= afterCreatedAt && (r.CreatedAt > afterCreatedAt || r.Id.CompareTo(afterId) > 0)); // ">=" lets the index range start at the cursor
        }
        var ordered = filter.Sort switch
        {
            "oldest" => query.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id),
            "newest" => query.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id),
            _ => query.OrderBy(r => r.Priority).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id),
        };
        var rows = await Project(db, ordered
                .Skip(filter.After is null ? Math.Max(0, filter.Page) * filter.PageSize : 0).Take(filter.PageSize), reveal)
            .ToListAsync(cancellationToken);
        return new ReportQueuePage(rows, total, overSla);
    }

    /// <summary>The queue's rows; the assignee by display name, their email (personal data) only when <paramref name="reveal"/>.</summary>
    static IQueryable<ReportQueueRow> Project(GameOpsDbContext db, IQueryable<PlayerReport> query, bool reveal) =>
        query.Select(r => new ReportQueueRow(r.Id, r.Category, r.Priority, r.Status, r.CreatedAt,
            r.TargetUserId, r.TargetUser.Username, r.ReporterUserId, r.ReporterUser.Username,
            r.AssigneeStaffId, r.AssigneeStaff != null ? r.AssigneeStaff.DisplayName : null, reveal && r.AssigneeStaff != null ? r.AssigneeStaff.Email : null,
            r.Description, r.ChatMessageId != null));

    /// <summary>Everything a moderator needs to decide on a report, in one screen.</summary>
    public async Task<ReportEvidence?> EvidenceAsync(Guid reportId, CancellationToken cancellationToken = default)
    {
        var reveal = (await currentStaff.DemandAsync(Permission.ModerationRead)).Has(Permission.RevealPersonalData);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await Project(db, db.PlayerReports.AsNoTracking().Where(r => r.Id == reportId), reveal).FirstOrDefaultAsync(cancellationToken);
        if (row is null) return null;
        var extra = await db.PlayerReports.AsNoTracking().Where(r => r.Id == reportId)
            .Select(r => new { r.Resolution, r.ResolutionNote, r.ResolvedAt, r.ClaimedAt, r.ChatMessageId }).FirstAsync(cancellationToken);

        ChatLine? message = null;
        string? channelName = null, channelKey = null;
        IReadOnlyList<ChatLine> before = [], after = [];
        if (extra.ChatMessageId is { } messageId)
        {
            var m = await db.ChatMessages.AsNoTracking().Where(c => c.Id == messageId)
                .Select(c => new { Line = new ChatLine(c.Id, c.MessageId, c.UserId, c.User.Username, c.Content, c.MessageType, c.IsDeleted, c.CreatedAt), c.ChannelId, c.Channel.Name, Key = c.Channel.ChannelId })
                .FirstOrDefaultAsync(cancellationToken);
            if (m is not null)
            {
                (message, channelName, channelKey) = (m.Line, m.Name, m.Key);
                var (b, a) = await ContextAsync(db, m.ChannelId, m.Line.CreatedAt, m.Line.Id, ContextMessages, cancellationToken);
                (before, after) = (b, a);
            }
        }
        var target = await PlayerSummaryAsync(db, row.TargetUserId, reveal, cancellationToken);
        return new ReportEvidence(row, extra.Resolution, extra.ResolutionNote, extra.ResolvedAt, extra.ClaimedAt, message, channelName, channelKey, before, after, target!);
    }

    /// <summary>The messages just before and after one message in its channel (oldest first), deleted ones included and marked.</summary>
    public static async Task<(IReadOnlyList<ChatLine> Before, IReadOnlyList<ChatLine> After)> ContextAsync(GameOpsDbContext db, Guid channelId, DateTime at, Guid messageId, int count, CancellationToken cancellationToken)
    {
        var channel = db.ChatMessages.AsNoTracking().Where(c => c.ChannelId == channelId && c.Id != messageId);
        var before = await Lines(channel.Where(c => c.CreatedAt <= at).OrderByDescending(c => c.CreatedAt).Take(count)).ToListAsync(cancellationToken);
        var after = await Lines(channel.Where(c => c.CreatedAt > at).OrderBy(c => c.CreatedAt).Take(count)).ToListAsync(cancellationToken);
        before.Reverse();
        return (before, after);
    }

    static IQueryable<ChatLine> Lines(IQueryable<ChatMessage> query) =>
        query.Select(c => new ChatLine(c.Id, c.MessageId, c.UserId, c.User.Username, c.Content, c.MessageType, c.IsDeleted, c.CreatedAt));

    public async Task<PlayerSummary?> PlayerSummaryAsync(Guid playerId, CancellationToken cancellationToken = default)
    {
        var reveal = (await currentStaff.DemandAsync(Permission.PlayersRead)).Has(Permission.RevealPersonalData);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await PlayerSummaryAsync(db, playerId, reveal, cancellationToken);
    }

    async Task<PlayerSummary?> PlayerSummaryAsync(GameOpsDbContext db, Guid playerId, bool reveal, CancellationToken cancellationToken)
    {
        var player = await db.Players.AsNoTracking().Where(p => p.Id == playerId)
            .Select(p => new { p.Id, p.Username, p.Email, p.CreatedAt, p.LastLogin }).FirstOrDefaultAsync(cancellationToken);
        if (player is null) return null;
        var now = Now();
        var status = await EffectiveStatusAsync(db, playerId, now, cancellationToken);
        var sessions = await db.UserSessions.AsNoTracking().Where(s => s.UserId == playerId).OrderByDescending(s => s.CreatedAt).Take(SectionSize)
            .Select(s => new SessionLine(s.Id, s.IpAddress, s.UserAgent, s.CreatedAt, s.LastActivity, s.IsActive)).ToListAsync(cancellationToken);
        var ips = await db.UserSessions.AsNoTracking().Where(s => s.UserId == playerId && s.IpAddress != null).OrderByDescending(s => s.CreatedAt).Take(100)
            .Select(s => s.IpAddress!).ToListAsync(cancellationToken);
        var against = await db.PlayerReports.AsNoTracking().Where(r => r.TargetUserId == playerId).OrderByDescending(r => r.CreatedAt).Take(SectionSize)
            .Select(r => new ReportLine(r.Id, r.Category, r.Status, r.Resolution, r.CreatedAt, r.ReporterUser.Username, r.Description)).ToListAsync(cancellationToken);
        var by = await db.PlayerReports.AsNoTracking().Where(r => r.ReporterUserId == playerId).OrderByDescending(r => r.CreatedAt).Take(SectionSize)
            .Select(r => new ReportLine(r.Id, r.Category, r.Status, r.Resolution, r.CreatedAt, r.TargetUser.Username, r.Description)).ToListAsync(cancellationToken);
        var sanctions = await Sanctions(db.ModerationActions.AsNoTracking().Where(a => a.TargetUserId == playerId).OrderByDescending(a => a.CreatedAt).Take(SectionSize), now, reveal)
            .ToListAsync(cancellationToken);
        var fraud = await db.FraudDetection.AsNoTracking().Where(f => f.UserId == playerId && f.ResolvedAt == null).OrderByDescending(f => f.DetectedAt).Take(SectionSize)
            .Select(f => new { f.Id, f.FraudType, f.RiskScore, f.Indicators, f.DetectedAt }).ToListAsync(cancellationToken);
        var security = await db.SecurityEvents.AsNoTracking().Where(e => e.UserId == playerId && !e.IsResolved).OrderByDescending(e => e.CreatedAt).Take(SectionSize)
            .Select(e => new SecurityLine(e.Id, e.EventType, e.Severity, e.Description, e.IpAddress, e.CreatedAt)).ToListAsync(cancellationToken);
        return new PlayerSummary(player.Id, player.Username, player.Email, player.CreatedAt, player.LastLogin, status, sessions,
            ips.Distinct().Take(SectionSize).ToList(), against, by, sanctions,
            fraud.Select(f => new FraudLine(f.Id, f.FraudType, (double)f.RiskScore, f.Indicators, f.DetectedAt)).ToList(), security);
    }

    /// <summary>Sanctions as summary lines; the moderator by display name, their email (personal data) only when <paramref name="reveal"/>.</summary>
    public static IQueryable<SanctionLine> Sanctions(IQueryable<ModerationAction> query, DateTime now, bool reveal) =>
        query.Select(a => new SanctionLine(a.Id, a.ActionType, a.Reason, a.Duration, a.CreatedAt, a.ExpiresAt, a.LiftedAt,
            a.ModeratorId, a.Moderator.DisplayName, reveal ? a.Moderator.Email : null,
            a.LiftedAt == null && (a.ActionType == "temp_ban" || a.ActionType == "perm_ban" || a.ActionType == "mute") && (a.ExpiresAt == null || a.ExpiresAt > now)));

    /// <summary>
    /// The status that counts now: a stored 'suspended'/'banned' whose every ban expired or was lifted reads as 'active'
    /// (no job needs to flip it back); a player banned outside this console (no ban rows) keeps the stored status.
    /// </summary>
    public static async Task<EffectiveStatus> EffectiveStatusAsync(GameOpsDbContext db, Guid playerId, DateTime now, CancellationToken cancellationToken)
    {
        var stored = await db.Players.AsNoTracking().Where(p => p.Id == playerId).Select(p => p.Status).FirstAsync(cancellationToken);
        var running = await db.ModerationActions.AsNoTracking()
            .Where(a => a.TargetUserId == playerId && a.LiftedAt == null && (a.ExpiresAt == null || a.ExpiresAt > now)
                && (a.ActionType == "temp_ban" || a.ActionType == "perm_ban" || a.ActionType == "mute"))
            .Select(a => new { a.ActionType, a.ExpiresAt }).ToListAsync(cancellationToken);
        var hadBans = await db.ModerationActions.AnyAsync(a => a.TargetUserId == playerId && (a.ActionType == "temp_ban" || a.ActionType == "perm_ban"), cancellationToken);
        var bans = running.Where(a => a.ActionType != "mute").ToList();
        var permanent = bans.Any(a => a.ActionType == "perm_ban");
        var bannedUntil = permanent ? null : bans.Max(a => a.ExpiresAt);
        var mutedUntil = running.Where(a => a.ActionType == "mute").Max(a => a.ExpiresAt);
        var status = stored;
        if (stored is "suspended" or "banned" && hadBans)
            status = permanent ? "banned" : bans.Count > 0 ? "suspended" : "active";
        return new EffectiveStatus(stored, status, bannedUntil, permanent || (stored == "banned" && !hadBans), mutedUntil);
    }

    /// <summary>Effective statuses of many players in one query (for lists).</summary>
    public static IQueryable<PlayerStatusRow> EffectiveStatuses(GameOpsDbContext db, IQueryable<Player> players, DateTime now) =>
        players.Select(p => new
        {
            p.Id,
            p.Status,
            HadBans = db.ModerationActions.Any(a => a.TargetUserId == p.Id && (a.ActionType == "temp_ban" || a.ActionType == "perm_ban")),
            Perm = db.ModerationActions.Any(a => a.TargetUserId == p.Id && a.ActionType == "perm_ban" && a.LiftedAt == null),
            Temp = db.ModerationActions.Any(a => a.TargetUserId == p.Id && a.ActionType == "temp_ban" && a.LiftedAt == null && a.ExpiresAt > now),
        }).Select(x => new PlayerStatusRow(x.Id,
            (x.Status == "suspended" || x.Status == "banned") && x.HadBans ? (x.Perm ? "banned" : x.Temp ? "suspended" : "active") : x.Status));
}

public sealed record PlayerStatusRow(Guid Id, string Status);
