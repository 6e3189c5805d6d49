using GameOps.Data.Entities;
using GameOps.Web.Security;
using GameOps.Web.Services.Moderation;

namespace GameOps.Web.Api;

public static class ReportsApi
{
    public sealed record ResolveBody(SanctionKind Action, string Reason, int? DurationMinutes);

    public static void MapReportsApi(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");

        reports.MapGet("/", async (string? category, string? cursor, int? limit, CurrentStaff staff, ModerationQueries queries, ApiPersonalData personal, CancellationToken ct) =>
        {
            var user = await staff.DemandAsync(Permission.ModerationRead);
            var after = ApiCursor.DecodeKey(cursor);
            if (after is null && cursor is { Length: > 0 }) return ApiResults.Refused("The cursor is not valid.", 400);
            var size = ApiResults.PageSize(limit);
            // Keyset, not offset: the cursor is the last row's (created_at, id), so claiming or resolving a row between
            // two requests neither skips nor repeats another. One row more than the page tells whether there is a next.
            var result = await queries.ListQueueAsync(new ReportQueueFilter { Category = category, Status = "open", Sort = "oldest", After = after, PageSize = size + 1 },
                CurrentStaff.IdOf(user), ct);
            var rows = new List<ReportQueueRow>();
            foreach (var r in result.Rows.Take(size))
                rows.Add(r.AssigneeStaffId is { } assignee ? r with { AssigneeEmail = await personal.ShowAsync<StaffUser>(nameof(StaffUser.Email), r.AssigneeEmail, assignee) } : r);
            var next = result.Rows.Count > size ? ApiCursor.EncodeKey(rows[^1].CreatedAt, rows[^1].Id) : null;
            return Results.Ok(new ApiResults.Page<ReportQueueRow>(rows, next));
        }).WithSummary("Open (unclaimed) reports, oldest first, with a keyset cursor");

        reports.MapPost("/{id:guid}/claim", async (Guid id, CurrentStaff staff, ModerationService moderation, CancellationToken ct) =>
        {
            await staff.DemandAsync(Permission.ModerationAct);
            var result = await moderation.ClaimAsync(id, ct);
            return result.Ok ? PlayersApi.Answer(result) : ApiResults.Refused(result.Message, result.Message.Contains("no longer exists") ? 404 : 409);
        }).WithSummary("Claim a report");

        reports.MapPost("/{id:guid}/resolve", async (Guid id, ResolveBody body, CurrentStaff staff, ModerationService moderation, CancellationToken ct) =>
        {
            await staff.DemandAsync(Permission.ModerationAct);
            var request = new SanctionRequest(body.Action, body.Reason ?? "", body.DurationMinutes);
            if (ApiResults.Broken(ModerationRules.Sanction, request) is { } invalid) return invalid;
            return PlayersApi.Answer(await moderation.ActOnReportAsync(id, request, ct));
        }).WithSummary("Resolve a report with an action (dismiss, warn, mute, kick, temp_ban, perm_ban, delete_message)");
    }
}

/// <summary>Opaque cursors: base64url of a small text, so clients never build them.</summary>
public static class ApiCursor
{
    public static string Encode(string value) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        try
        {
            var s = cursor.Replace('-', '+').Replace('_', '/');
            s += new string('=', (4 - s.Length % 4) % 4);
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(s));
        }
        catch (FormatException) { return ""; }
    }

    /// <summary>A keyset cursor: the last row's sort key (a UTC time) and id.</summary>
    public static string EncodeKey(DateTime at, Guid id) => Encode($"k:{at.Ticks}|{id:N}");

    /// <summary>The (time, id) of a keyset cursor, or null when there is none or it is not one (tampered or of another list).</summary>
    public static (DateTime At, Guid Id)? DecodeKey(string? cursor)
    {
        if (Decode(cursor) is not { } text || !text.StartsWith("k:", StringComparison.Ordinal)) return null;
        var parts = text[2..].Split('|');
        if (parts.Length != 2 || !long.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTime.MaxValue.Ticks || !Guid.TryParseExact(parts[1], "N", out var id)) return null;
        return (new DateTime(ticks, DateTimeKind.Utc), id);
    }
}
