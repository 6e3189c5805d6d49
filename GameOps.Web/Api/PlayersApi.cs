using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Web.Security;
using GameOps.Web.Services.Moderation;
using Microsoft.EntityFrameworkCore;
using GameOps.Web.Services;

namespace GameOps.Web.Api;

public static class PlayersApi
{
    public sealed record PlayerHit(Guid Id, string Username, string Status, DateTime CreatedAt);
    public sealed record SanctionBody(SanctionKind Kind, string Reason, int? DurationMinutes);
    public sealed record ReasonBody(string Reason);
    public sealed record NoteBody(string Note);
    public sealed record Outcome(string Message, Guid? Id = null);

    public static void MapPlayersApi(this RouteGroupBuilder api)
    {
        var players = api.MapGroup("/players").WithTags("Players");

        players.MapGet("/", async (string? username, string? email, string? character, CurrentStaff staff, IDbContextFactory<GameOpsDbContext> contexts, CancellationToken ct) =>
        {
            await staff.DemandAsync(Permission.PlayersRead);
            if (string.IsNullOrWhiteSpace(username) && string.IsNullOrWhiteSpace(email) && string.IsNullOrWhiteSpace(character))
                return ApiResults.Refused("Look a player up by username, email or character name (or GET /players/{id}).", 400);
            await using var db = await contexts.CreateDbContextAsync(ct);
            IQueryable<Player> query = db.Players.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(username)) query = query.Where(p => p.Username == username.Trim());
            if (!string.IsNullOrWhiteSpace(email)) query = query.Where(p => p.Email == email.Trim());
            if (!string.IsNullOrWhiteSpace(character)) query = query.Where(p => db.Actors.Any(a => a.UserId == p.Id && a.Name == character.Trim()));
            var hits = await query.OrderBy(p => p.Username).Take(20).Select(p => new PlayerHit(p.Id, p.Username, p.Status, p.CreatedAt)).ToListAsync(ct);
            return Results.Ok(hits);
        }).WithSummary("Look players up by exact username, email or character name");

        players.MapGet("/{id:guid}", async (Guid id, CurrentStaff staff, ModerationQueries queries, ApiPersonalData personal, CancellationToken ct) =>
        {
            await staff.DemandAsync(Permission.PlayersRead);
            if (await queries.PlayerSummaryAsync(id, ct) is not { } summary) return ApiResults.NotFound("The player");
            var email = await personal.ShowAsync<Player>(nameof(Player.Email), summary.Email, id);
            var sessions = new List<SessionLine>();
            foreach (var s in summary.Sessions) sessions.Add(s with { IpAddress = await personal.ShowAsync<UserSession>(nameof(UserSession.IpAddress), s.IpAddress, s.Id) });
            var ips = new List<string>();
            foreach (var ip in summary.RecentIps) ips.Add((await personal.ShowAsync<UserSession>(nameof(UserSession.IpAddress), ip, id))!);
            var security = new List<SecurityLine>();
            foreach (var e in summary.OpenSecurity) security.Add(e with { IpAddress = await personal.ShowAsync<SecurityEvent>(nameof(SecurityEvent.IpAddress), e.IpAddress, e.Id) });
            // Who issued a sanction: by name; their email (a staff member's personal data) as the token may reveal it.
            var sanctions = new List<SanctionLine>();
            foreach (var s in summary.Sanctions) sanctions.Add(s with { ModeratorEmail = await personal.ShowAsync<StaffUser>(nameof(StaffUser.Email), s.ModeratorEmail, s.ModeratorId) });
            return Results.Ok(summary with { Email = email!, Sessions = sessions, RecentIps = ips, Sanctions = sanctions, OpenSecurity = security });
        }).WithSummary("A player's profile summary (personal data masked unless the token may reveal it; reveals are audited)");

        players.MapPost("/{id:guid}/sanctions", async (Guid id, SanctionBody body, CurrentStaff staff, ModerationService moderation, CancellationToken ct) =>
        {
            await staff.DemandAsync(Permission.ModerationAct);
            var request = new SanctionRequest(body.Kind, body.Reason ?? "", body.DurationMinutes);
            if (ApiResults.Broken(ModerationRules.Sanction, request) is { } invalid) return invalid;
            return Answer(await moderation.SanctionPlayerAsync(id, request, ct), created: true);
        }).WithSummary("Sanction a player (warn, mute, kick, temp_ban, perm_ban)");

        players.MapPost("/sanctions/{actionId:guid}/lift", async (Guid actionId, ReasonBody body, CurrentStaff staff, ModerationService moderation, CancellationToken ct) =>
        {
            await staff.DemandAsync(Permission.ModerationAct);
            return Answer(await moderation.LiftAsync(actionId, body.Reason ?? "", ct));
        }).WithSummary("Lift a running sanction");

        players.MapPost("/{id:guid}/notes", async (Guid id, NoteBody body, CurrentStaff staff, PlayerSupportService support, CancellationToken ct) =>
        {
            await staff.DemandAsync(Permission.PlayersSupport);
            if (ApiResults.Broken(ModerationRules.Note, body.Note ?? "") is { } invalid) return invalid;
            return Answer(await support.AddNoteAsync(id, body.Note ?? "", ct), created: true);
        }).WithSummary("Add a staff note to a player");
    }

    public static IResult Answer(OperationResult result, bool created = false) =>
        !result.Ok ? ApiResults.Refused(result.Message, result.Message.Contains("no longer exists") ? 404 : 422)
        : created ? Results.Json(new Outcome(result.Message, result.Id), statusCode: 201)
        : Results.Ok(new Outcome(result.Message, result.Id));
}
