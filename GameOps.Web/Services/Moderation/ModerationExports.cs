using GameOps.Web.Auditing;
using GameOps.Web.Security;
using GameOps.Web.Services.Shell;

namespace GameOps.Web.Services.Moderation;

/// <summary>
/// CSV exports of the moderation lists with the filters on screen: <c>/moderation/sanctions/export.csv</c> and
/// <c>/moderation/reports/export.csv</c>. Permission checked, audited, <c>Cache-Control: no-store</c>.
/// </summary>
public static class ModerationExports
{
    public static IEndpointRouteBuilder MapModerationExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/moderation/sanctions/export.csv", async (HttpContext http, ModerationQueries queries, StaffAuditRecorder audit, CancellationToken ct) =>
        {
            http.User.Demand(Permission.ModerationRead);
            var q = http.Request.Query;
            var filter = new SanctionFilter
            {
                Type = q["type"], State = q["state"], Player = q["player"], Page = 0, PageSize = ListCsv.MaxRows,
                ModeratorId = Guid.TryParse(q["moderator"], out var moderator) ? moderator : null,
                TargetUserId = Guid.TryParse(q["playerId"], out var target) ? target : null,
            };
            var page = await queries.ListSanctionsAsync(filter, ct);
            await audit.RecordAsync("export", "moderation_actions", null, new { format = "csv", rows = page.Rows.Count, query = http.Request.QueryString.Value });
            return ListCsv.File(http, "sanctions", ListCsv.Write(
                ["id", "created_at", "action_type", "player", "duration", "expires_at", "state", "moderator", "reason", "lift_reason", "appeal"],
                page.Rows.Select(s => (IReadOnlyList<string?>)[s.Id.ToString(), ListCsv.Utc(s.CreatedAt), s.ActionType, s.TargetUsername,
                    s.ActionType is "temp_ban" or "mute" or "perm_ban" ? ModerationFormat.Duration(s.Duration) : "", ListCsv.Utc(s.ExpiresAt),
                    s.LiftedAt is not null ? "lifted" : s.IsActive ? "active" : s.ExpiresAt is not null ? "expired" : "",
                    s.ModeratorEmail, s.Reason, s.LiftReason, s.AppealStatus])));
        }).RequireAuthorization(Policies.Moderation);

        endpoints.MapGet("/moderation/reports/export.csv", async (HttpContext http, ModerationQueries queries, StaffAuditRecorder audit, CancellationToken ct) =>
        {
            http.User.Demand(Permission.ModerationRead);
            var q = http.Request.Query;
            var filter = new ReportQueueFilter
            {
                Status = q["status"], Category = q["category"], Sort = q["sort"], MineOnly = q["mine"] == "true", Page = 0, PageSize = ListCsv.MaxRows,
            };
            var page = await queries.ListQueueAsync(filter, CurrentStaff.IdOf(http.User), ct);
            var now = queries.Now();
            await audit.RecordAsync("export", "player_reports", null, new { format = "csv", rows = page.Rows.Count, query = http.Request.QueryString.Value });
            return ListCsv.File(http, "reports", ListCsv.Write(
                ["id", "created_at", "priority", "category", "status", "reported_player", "reporter", "assignee", "over_sla", "description"],
                page.Rows.Select(r => (IReadOnlyList<string?>)[r.Id.ToString(), ListCsv.Utc(r.CreatedAt), ModerationFormat.Priority(r.Priority), r.Category, r.Status,
                    r.TargetUsername, r.ReporterUsername, r.AssigneeEmail, queries.Sla.IsOver(r, now) ? "yes" : "no", r.Description])));
        }).RequireAuthorization(Policies.Moderation);
        return endpoints;
    }
}
