using GameOps.Data.Entities;
using GameOps.Web.Auditing;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using GameOps.Web.Services.Shell;

namespace GameOps.Web.Services.Moderation;

/// <summary>
/// CSV exports of the moderation lists with the filters on screen: <c>/moderation/sanctions/export.csv</c>,
/// <c>/moderation/reports/export.csv</c>, <c>/moderation/fraud/export.csv</c> and <c>/moderation/security/export.csv</c>.
/// Permission checked, <c>Cache-Control: no-store</c>, audited like every export (<see cref="StaffAuditRecorder.RecordExportAsync"/>: row count,
/// the personal columns that left unmasked). Personal columns (IP addresses, staff emails) are masked unless the role may both reveal and
/// export personal data, as in the table exports; staff are named as <c>/admin/staff/export.csv</c> has them: the display name, and the
/// email in its own column, masked unless the caller may export it.
/// </summary>
public static class ModerationExports
{
    public static IEndpointRouteBuilder MapModerationExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/moderation/sanctions/export.csv", async (HttpContext http, ModerationQueries queries, ResourceCatalog catalog, StaffAuditRecorder audit, CancellationToken ct) =>
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
            var email = PersonalExportColumn.Of<StaffUser>(http.User, catalog.Model, nameof(StaffUser.Email));
            await RecordAsync(http, audit, "moderation_actions", page.Rows.Count, email.Left("moderator_email"));
            return ListCsv.File(http, "sanctions", ListCsv.Write(
                ["id", "created_at", "action_type", "player", "duration", "expires_at", "state", "moderator", "moderator_email", "reason", "lift_reason", "appeal"],
                page.Rows.Select(s => (IReadOnlyList<string?>)[s.Id.ToString(), ListCsv.Utc(s.CreatedAt), s.ActionType, s.TargetUsername,
                    s.ActionType is "temp_ban" or "mute" or "perm_ban" ? ModerationFormat.Duration(s.Duration) : "", ListCsv.Utc(s.ExpiresAt),
                    s.LiftedAt is not null ? "lifted" : s.IsActive ? "active" : s.ExpiresAt is not null ? "expired" : "",
                    StaffLabel.Of(s.ModeratorId, s.ModeratorName, null, reveal: false), email.Cell(s.ModeratorEmail), s.Reason, s.LiftReason, s.AppealStatus])));
        }).RequireAuthorization(Policies.Moderation);

        endpoints.MapGet("/moderation/reports/export.csv", async (HttpContext http, ModerationQueries queries, ResourceCatalog catalog, StaffAuditRecorder audit, CancellationToken ct) =>
        {
            http.User.Demand(Permission.ModerationRead);
            var q = http.Request.Query;
            var filter = new ReportQueueFilter
            {
                Status = q["status"], Category = q["category"], Sort = q["sort"], MineOnly = q["mine"] == "true", Page = 0, PageSize = ListCsv.MaxRows,
            };
            var page = await queries.ListQueueAsync(filter, CurrentStaff.IdOf(http.User), ct);
            var now = queries.Now();
            var email = PersonalExportColumn.Of<StaffUser>(http.User, catalog.Model, nameof(StaffUser.Email));
            await RecordAsync(http, audit, "player_reports", page.Rows.Count, email.Left("assignee_email"));
            return ListCsv.File(http, "reports", ListCsv.Write(
                ["id", "created_at", "priority", "category", "status", "reported_player", "reporter", "assignee", "assignee_email", "over_sla", "description"],
                page.Rows.Select(r => (IReadOnlyList<string?>)[r.Id.ToString(), ListCsv.Utc(r.CreatedAt), ModerationFormat.Priority(r.Priority), r.Category, r.Status,
                    r.TargetUsername, r.ReporterUsername, r.AssigneeStaffId is { } assignee ? StaffLabel.Of(assignee, r.AssigneeName, null, reveal: false) : null,
                    email.Cell(r.AssigneeEmail), queries.Sla.IsOver(r, now) ? "yes" : "no", r.Description])));
        }).RequireAuthorization(Policies.Moderation);

        endpoints.MapGet("/moderation/fraud/export.csv", async (HttpContext http, TriageService triage, StaffAuditRecorder audit, CancellationToken ct) =>
        {
            http.User.Demand(Permission.ModerationRead);
            var (rows, _) = await triage.ListFraudAsync(openOnly: http.Request.Query["open"] != "false", 0, ListCsv.MaxRows, ct);
            var unmasked = http.User.MayExportPersonalData();
            // Indicators can name a shared IP address: personal data, masked as on the page.
            string Indicators(FraudRow f) => string.Join("; ", f.Indicators.Select(i =>
                $"{i.Key}: {(TriageService.IsIpAddress(i.Value) && !unmasked ? ResourceField.Mask(i.Value) : i.Value)}"));
            await RecordAsync(http, audit, "fraud_detection", rows.Count, unmasked ? ["indicators"] : []);
            return ListCsv.File(http, "fraud-flags", ListCsv.Write(
                ["id", "detected_at", "player", "fraud_type", "risk_score", "indicators", "state", "resolution", "resolved_at"],
                rows.Select(f => (IReadOnlyList<string?>)[f.Id.ToString(), ListCsv.Utc(f.DetectedAt), f.Username, f.FraudType,
                    f.RiskScore.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), Indicators(f),
                    f.ResolvedAt is null ? "open" : f.IsConfirmed ? "confirmed" : "dismissed", f.Resolution, ListCsv.Utc(f.ResolvedAt)])));
        }).RequireAuthorization(Policies.Moderation);

        endpoints.MapGet("/moderation/security/export.csv", async (HttpContext http, TriageService triage, ResourceCatalog catalog, StaffAuditRecorder audit, CancellationToken ct) =>
        {
            http.User.Demand(Permission.ModerationRead);
            var severity = http.Request.Query["severity"].ToString();
            var (rows, _) = await triage.ListSecurityAsync(severity, openOnly: http.Request.Query["open"] == "true", 0, ListCsv.MaxRows, ct);
            var ip = PersonalExportColumn.Of<SecurityEvent>(http.User, catalog.Model, nameof(SecurityEvent.IpAddress));
            await RecordAsync(http, audit, "security_events", rows.Count, ip.Left("ip_address"));
            return ListCsv.File(http, "security-events", ListCsv.Write(
                ["id", "created_at", "severity", "event_type", "player", "ip_address", "description", "state", "resolved_at", "resolution_note"],
                rows.Select(e => (IReadOnlyList<string?>)[e.Id.ToString(), ListCsv.Utc(e.CreatedAt), e.Severity, e.EventType, e.Username,
                    ip.Cell(e.IpAddress), e.Description,
                    e.IsResolved ? "resolved" : "open", ListCsv.Utc(e.ResolvedAt), e.ResolutionNote])));
        }).RequireAuthorization(Policies.Moderation);
        return endpoints;
    }

    /// <summary>Records one export: its row count, criteria, and the personal columns that left unmasked.</summary>
    static Task RecordAsync(HttpContext http, StaffAuditRecorder audit, string table, int rows, IReadOnlyCollection<string> personalColumnsUnmasked) =>
        audit.RecordExportAsync(table, "csv", rows, http.Request.QueryString.Value, personalColumnsUnmasked);
}
