using GameOps.Data;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Services.Home;

/// <summary>A recent design edit; <paramref name="Staff"/> names who made it (<see cref="GameOps.Web.Auditing.StaffLabel"/>: never the email to a caller who may not reveal it).</summary>
public sealed record RecentEdit(string EntityType, string? EntityKey, string Action, string? Staff, DateTime At);
public sealed record EventSummary(Guid Id, string Name, string Status, DateTime? Start, DateTime? End);

public sealed class HomeSummary
{
    public int? OpenReports { get; set; }
    public int? MyReports { get; set; }
    public int? OldestOpenReportHours { get; set; }
    public int? UnresolvedCriticalSecurityEvents { get; set; }
    public IReadOnlyList<RecentEdit>? RecentDesignEdits { get; set; }
    public IReadOnlyList<EventSummary>? RunningEvents { get; set; }
    public IReadOnlyList<EventSummary>? UpcomingEvents { get; set; }
    public long? Players { get; set; }
    public long? NewPlayers7d { get; set; }
    public long? ActivePlayers1d { get; set; }
    public decimal? Revenue7dUsd { get; set; }
}

/// <summary>
/// What each role sees first on <c>/</c>: only the figures the signed-in staff member's own permissions allow (read from
/// <see cref="CurrentStaff"/>, never from the caller), and nothing at all for a caller without any of them.
/// </summary>
public sealed class HomeSummaryService(CurrentStaff currentStaff, IDbContextFactory<GameOpsDbContext> primaryContexts,
    GameOps.Web.Infrastructure.IReadOnlyDbContextFactory? readOnlyContexts = null)
{
    readonly IDbContextFactory<GameOpsDbContext> contextFactory = readOnlyContexts ?? primaryContexts; // ConnectionStrings:GameOpsReadOnly when set

    static readonly string[] DesignTables = ["items", "quests", "crafting_recipes", "skill_definitions", "resource_definitions", "achievements"];

    /// <summary>The permission behind each section of the page, in the order the page shows them.</summary>
    static readonly Permission[] Sections = [Permission.ModerationRead, Permission.DesignWrite, Permission.LiveOpsRead, Permission.AnalyticsRead];

    /// <exception cref="PermissionDeniedException">The caller is not signed in, or holds none of the sections' permissions.</exception>
    public async Task<HomeSummary> LoadAsync(CancellationToken ct = default)
    {
        var user = await currentStaff.GetPrincipalAsync();
        if (!Sections.Any(user.Has)) throw new PermissionDeniedException(Sections[0]);
        var staffId = CurrentStaff.IdOf(user);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var now = DateTime.UtcNow;
        var summary = new HomeSummary();
        if (user.Has(Permission.ModerationRead))
        {
            summary.OpenReports = await db.PlayerReports.CountAsync(r => r.Status == "open" || r.Status == "in_review", ct);
            summary.MyReports = await db.PlayerReports.CountAsync(r => r.AssigneeStaffId == staffId && r.Status == "in_review", ct);
            var oldest = await db.PlayerReports.Where(r => r.Status == "open").OrderBy(r => r.CreatedAt).Select(r => (DateTime?)r.CreatedAt).FirstOrDefaultAsync(ct);
            summary.OldestOpenReportHours = oldest is null ? null : (int)(now - oldest.Value).TotalHours;
            summary.UnresolvedCriticalSecurityEvents = await db.SecurityEvents.CountAsync(e => !e.IsResolved && (e.Severity == "critical" || e.Severity == "high"), ct);
        }
        if (user.Has(Permission.DesignWrite))
        {
            var edits = await db.StaffAuditLogs.AsNoTracking()
                .Where(a => a.EntityType != null && DesignTables.Contains(a.EntityType))
                .OrderByDescending(a => a.CreatedAt).Take(8).ToListAsync(ct);
            var staff = await GameOps.Web.Auditing.StaffLabel.ActorsAsync(db, edits, user.Has(Permission.RevealPersonalData), ct);
            summary.RecentDesignEdits = edits.Select(a => new RecentEdit(a.EntityType, a.EntityKey, a.Action, a.StaffUserId is { } who ? staff[who] : null, a.CreatedAt)).ToList();
        }
        if (user.Has(Permission.LiveOpsRead))
        {
            summary.RunningEvents = await db.Events.AsNoTracking().Where(e => e.Status == "active").OrderBy(e => e.EndTime).Take(6)
                .Select(e => new EventSummary(e.Id, e.Name, e.Status, e.StartTime, e.EndTime)).ToListAsync(ct);
            summary.UpcomingEvents = await db.Events.AsNoTracking().Where(e => e.Status == "scheduled" && e.StartTime >= now).OrderBy(e => e.StartTime).Take(6)
                .Select(e => new EventSummary(e.Id, e.Name, e.Status, e.StartTime, e.EndTime)).ToListAsync(ct);
        }
        if (user.Has(Permission.AnalyticsRead))
        {
            summary.Players = await db.Players.LongCountAsync(ct);
            summary.NewPlayers7d = await db.Players.LongCountAsync(p => p.CreatedAt >= now.AddDays(-7), ct);
            summary.ActivePlayers1d = await db.SessionData.Where(s => s.StartTime >= now.AddDays(-1)).Select(s => s.UserId).Distinct().LongCountAsync(ct);
            // Summed client-side: SQLite stores money as REAL and cannot sum decimals exactly.
            var amounts = await db.PaymentTransactions.Where(p => p.CreatedAt >= now.AddDays(-7) && p.Status == "completed").Select(p => p.AmountUsd).ToListAsync(ct);
            summary.Revenue7dUsd = amounts.Sum();
        }
        return summary;
    }
}
