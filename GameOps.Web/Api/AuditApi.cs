using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Api;

public static class AuditApi
{
    public sealed record AuditRow(Guid Id, DateTime CreatedAt, Guid? StaffUserId, string? StaffEmail, string Action, string EntityType, string? EntityKey,
        string? Changes, string? IpAddress, string? UserAgent);

    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async (string? entity_type, string? entity_key, Guid? staff_id, string? cursor, int? limit, CurrentStaff staff,
            IDbContextFactory<GameOpsDbContext> contexts, ApiPersonalData personal, CancellationToken ct) =>
        {
            await staff.DemandAsync(Permission.AuditRead);
            var size = ApiResults.PageSize(limit);
            await using var db = await contexts.CreateDbContextAsync(ct);
            var query = db.StaffAuditLogs.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(entity_type)) query = query.Where(e => e.EntityType == entity_type);
            if (!string.IsNullOrWhiteSpace(entity_key)) query = query.Where(e => e.EntityKey == entity_key);
            if (staff_id is { } sid) query = query.Where(e => e.StaffUserId == sid);
            if (ApiCursor.Decode(cursor) is { } after)
            {
                // Newest first, by (created_at, id): the cursor is the last row's pair.
                var parts = after.Split('|');
                if (parts.Length != 2 || !long.TryParse(parts[0], out var ticks) || !Guid.TryParse(parts[1], out var lastId))
                    return ApiResults.Refused("The cursor is not valid.", 400);
                var at = new DateTime(ticks, DateTimeKind.Utc);
                query = query.Where(e => e.CreatedAt <= at && (e.CreatedAt < at || e.Id.CompareTo(lastId) < 0)); // "<= at" lets the index range start at the cursor
            }
            var rows = await query.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Take(size + 1).ToListAsync(ct);
            var page = new List<AuditRow>();
            foreach (var e in rows.Take(size))
                page.Add(new AuditRow(e.Id, e.CreatedAt, e.StaffUserId, await personal.ShowAsync<StaffAuditEntry>(nameof(StaffAuditEntry.StaffEmail), e.StaffEmail, e.Id),
                    e.Action, e.EntityType, e.EntityKey, e.Changes,
                    await personal.ShowAsync<StaffAuditEntry>(nameof(StaffAuditEntry.IpAddress), e.IpAddress, e.Id), e.UserAgent));
            var next = rows.Count > size ? ApiCursor.Encode($"{rows[size - 1].CreatedAt.Ticks}|{rows[size - 1].Id}") : null;
            return Results.Ok(new ApiResults.Page<AuditRow>(page, next));
        }).WithTags("Audit").WithSummary("The staff audit trail, newest first (Admins; ?entity_type=, ?entity_key=, ?staff_id=)");
    }
}
