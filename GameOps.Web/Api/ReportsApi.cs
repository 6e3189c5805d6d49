using GameOps.Web.Security;
using GameOps.Web.Services.Moderation;

namespace GameOps.Web.Api;

public static class ReportsApi
{
    public sealed record ResolveBody(SanctionKind Action, string Reason, int? DurationMinutes);

    public static void MapReportsApi(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports");

        reports.MapGet("/", async (string? category, string? cursor, int? limit, CurrentStaff staff, ModerationQueries queries, CancellationToken ct) =>
        {
            var user = await staff.DemandAsync(Permission.ModerationRead);
            var page = ApiCursor.DecodePage(cursor);
            if (page is null) return ApiResults.Refused("The cursor is not valid.", 400);
            var size = ApiResults.PageSize(limit);
            var result = await queries.ListQueueAsync(new ReportQueueFilter { Category = category, Status = "open", Sort = "oldest", Page = page.Value, PageSize = size },
                CurrentStaff.IdOf(user), ct);
            var next = (page.Value + 1) * size < result.Total ? ApiCursor.EncodePage(page.Value + 1) : null;
            return Results.Ok(new ApiResults.Page<ReportQueueRow>(result.Rows, next));
        }).WithSummary("Open reports (open and in review), oldest first");

        reports.MapPost("/{id:guid}/claim", async (Guid id, CurrentStaff staff, ModerationService moderation, CancellationToken ct) =>
        {
            await staff.DemandAsync(Permission.ModerationAct);
            var result = await moderation.ClaimAsync(id, ct);
            return result.Ok ? PlayersApi.Answer(result) : ApiResults.Refused(result.Message, result.Message.Contains("no longer exists") ? 404 : 409);
        }).WithSummary("Claim a report");

        reports.MapPost("/{id:guid}/resolve", async (Guid id, ResolveBody body, CurrentStaff staff, ModerationService moderation, CancellationToken ct) =>
        {
            await staff.DemandAsync(Permission.ModerationAct);
            return PlayersApi.Answer(await moderation.ActOnReportAsync(id, new SanctionRequest(body.Action, body.Reason ?? "", body.DurationMinutes), ct));
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

    public static string EncodePage(int page) => Encode("p:" + page);

    /// <summary>The page of a page cursor (0 when there is none), or null when the cursor is not one.</summary>
    public static int? DecodePage(string? cursor) =>
        Decode(cursor) is not { } text ? 0 : text.StartsWith("p:", StringComparison.Ordinal) && int.TryParse(text[2..], out var p) && p >= 0 ? p : null;
}
