using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Web.Auditing;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Services.DataRequests;

public static class DataRequestKinds
{
    public const string Export = "export";
    public const string Erasure = "erasure";
}

public static class DataRequestStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Expired = "expired";
    public const string PendingApproval = "pending_approval";
    public const string Rejected = "rejected";
}

public sealed record DataRequestRow(Guid Id, Guid PlayerId, string? PlayerUsername, string Kind, string Status, int Progress, string RequestedByEmail,
    Guid RequestedBy, string? ApprovedByEmail, string? Reason, string? Error, DateTime CreatedAt, DateTime? CompletedAt, DateTime? ExpiresAt, bool HasFile);

/// <summary>
/// Where requested exports go to be run: <see cref="Infrastructure.Jobs.QuartzDataExportQueue"/> schedules a one-off Quartz
/// job per request (clustered on PostgreSQL), and the export sweep job schedules again any export a restart left behind.
/// </summary>
public interface IDataExportQueue
{
    ValueTask EnqueueAsync(Guid requestId, CancellationToken ct = default);
}

/// <summary>
/// Players' data requests: exports (background, downloadable by the requester for 7 days) and erasures (typed confirmation,
/// approved by a second staff member, one transaction). Every step is audited; every call needs <see cref="Permission.PlayersSupport"/>.
/// </summary>
public sealed class DataRequestService(IDbContextFactory<GameOpsDbContext> contexts, CurrentStaff currentStaff, StaffAuditRecorder audit,
    IDataExportQueue queue, ILogger<DataRequestService> log, TimeProvider? clock = null)
{
    public static readonly TimeSpan DownloadLifetime = TimeSpan.FromDays(7);

    /// <summary>Tests inject a failure here (called before each table of an erasure).</summary>
    public Func<string, Task>? BeforeEraseTable { get; set; }

    DateTime Now() => VersioningInterceptor.Truncate((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);

    public async Task<OperationResult> RequestExportAsync(Guid playerId, CancellationToken ct = default)
    {
        var user = await currentStaff.DemandAsync(Permission.PlayersSupport);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (!await db.Players.AnyAsync(p => p.Id == playerId, ct)) return OperationResult.Refused("This player no longer exists.");
        var request = New(playerId, DataRequestKinds.Export, DataRequestStatus.Queued, user, null);
        db.DataRequests.Add(request);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("data_export_requested", "users", playerId.ToString(), new { request = request.Id });
        await queue.EnqueueAsync(request.Id, ct);
        return new OperationResult(true, "The export is being prepared; it will be ready to download here.", request.Id);
    }

    DataRequest New(Guid playerId, string kind, string status, System.Security.Claims.ClaimsPrincipal user, string? reason) => new()
    {
        Id = Guid.CreateVersion7(), PlayerId = playerId, Kind = kind, Status = status, RequestedBy = CurrentStaff.IdOf(user)!.Value,
        RequestedByEmail = CurrentStaff.EmailOf(user) ?? "", Reason = reason, CreatedAt = Now(),
    };

    /// <summary>Generates an export (called by the worker). Progress is written as it goes; a failure is recorded on the request.</summary>
    public async Task RunExportAsync(Guid requestId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var request = await db.DataRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId && r.Kind == DataRequestKinds.Export, ct);
        if (request is null || request.Status is not (DataRequestStatus.Queued or DataRequestStatus.Running)) return;
        await db.DataRequests.Where(r => r.Id == requestId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, DataRequestStatus.Running).SetProperty(r => r.Progress, 0), ct);
        try
        {
            var zip = await PlayerDataStore.ExportZipAsync(db, request.PlayerId,
                p => db.DataRequests.Where(r => r.Id == requestId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Progress, Math.Min(p, 99)), ct), ct);
            var now = Now();
            await db.DataRequests.Where(r => r.Id == requestId).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, DataRequestStatus.Completed).SetProperty(r => r.Progress, 100).SetProperty(r => r.ResultZip, zip)
                .SetProperty(r => r.CompletedAt, now).SetProperty(r => r.ExpiresAt, now + DownloadLifetime), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "Export {RequestId} failed", requestId);
            await db.DataRequests.Where(r => r.Id == requestId).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, DataRequestStatus.Failed).SetProperty(r => r.Error, "The export failed; request it again.").SetProperty(r => r.CompletedAt, Now()), CancellationToken.None);
        }
    }

    /// <summary>The zip of a completed export, for the staff member who requested it, within 7 days. The download is audited.</summary>
    public async Task<(byte[]? Zip, string? Error)> DownloadAsync(Guid requestId, CancellationToken ct = default)
    {
        var user = await currentStaff.DemandAsync(Permission.PlayersSupport);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var request = await db.DataRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId && r.Kind == DataRequestKinds.Export, ct);
        if (request is null) return (null, "There is no such export.");
        if (request.RequestedBy != CurrentStaff.IdOf(user)) return (null, "Only the staff member who requested an export may download it.");
        if (request.Status != DataRequestStatus.Completed || request.ResultZip is null) return (null, "This export is not ready.");
        if (request.ExpiresAt <= Now()) return (null, "This export has expired; request a new one.");
        await audit.RecordAsync("data_export_downloaded", "users", request.PlayerId.ToString(), new { request = request.Id });
        return (request.ResultZip, null);
    }

    /// <summary>First step of an erasure: the staff member types the player's username to confirm. A second staff member approves.</summary>
    public async Task<OperationResult> RequestErasureAsync(Guid playerId, string typedConfirmation, string reason, CancellationToken ct = default)
    {
        var user = await currentStaff.DemandAsync(Permission.PlayersSupport);
        if (string.IsNullOrWhiteSpace(reason)) return OperationResult.Refused("Give the reason (for example the player's request reference).");
        if (reason.Trim().Length > 1000) return OperationResult.Refused("The reason is longer than 1000 characters.");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var username = await db.Players.Where(p => p.Id == playerId).Select(p => p.Username).FirstOrDefaultAsync(ct);
        if (username is null) return OperationResult.Refused("This player no longer exists.");
        if (username.StartsWith("erased-", StringComparison.Ordinal)) return OperationResult.Refused("This player was already erased.");
        if (!string.Equals(typedConfirmation?.Trim(), username, StringComparison.Ordinal))
            return OperationResult.Refused($"Type the player's username exactly to confirm.");
        if (await db.DataRequests.AnyAsync(r => r.PlayerId == playerId && r.Kind == DataRequestKinds.Erasure && r.Status == DataRequestStatus.PendingApproval, ct))
            return OperationResult.Refused("An erasure of this player is already waiting for approval.");
        var request = New(playerId, DataRequestKinds.Erasure, DataRequestStatus.PendingApproval, user, reason.Trim());
        db.DataRequests.Add(request);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync("data_erasure_requested", "users", playerId.ToString(), new { request = request.Id });
        return new OperationResult(true, "Erasure requested: a second staff member must approve it.", request.Id);
    }

    public async Task<OperationResult> RejectErasureAsync(Guid requestId, CancellationToken ct = default)
    {
        var user = await currentStaff.DemandAsync(Permission.PlayersSupport);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rejected = await db.DataRequests.Where(r => r.Id == requestId && r.Kind == DataRequestKinds.Erasure && r.Status == DataRequestStatus.PendingApproval)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, DataRequestStatus.Rejected).SetProperty(r => r.ApprovedBy, CurrentStaff.IdOf(user))
                .SetProperty(r => r.ApprovedByEmail, CurrentStaff.EmailOf(user)).SetProperty(r => r.CompletedAt, Now()), ct);
        if (rejected == 0) return OperationResult.Refused("This erasure is not waiting for approval.");
        await audit.RecordAsync("data_erasure_rejected", "staff_data_requests", requestId.ToString());
        return new OperationResult(true, "Erasure rejected.");
    }

    /// <summary>
    /// Second step (four-eyes): another staff member approves, and the erasure runs in one transaction with the approval and
    /// its audit row. Any failure rolls all of it back; the request stays pending and the error is shown.
    /// </summary>
    public async Task<OperationResult> ApproveErasureAsync(Guid requestId, CancellationToken ct = default)
    {
        var user = await currentStaff.DemandAsync(Permission.PlayersSupport);
        var me = CurrentStaff.IdOf(user)!.Value;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var request = await db.DataRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId && r.Kind == DataRequestKinds.Erasure, ct);
        if (request is null) return OperationResult.Refused("There is no such erasure request.");
        if (request.Status != DataRequestStatus.PendingApproval) return OperationResult.Refused($"This erasure is {request.Status.Replace('_', ' ')}.");
        if (request.RequestedBy == me) return OperationResult.Refused("A second staff member must approve: you requested this erasure.");
        var now = Now();
        Dictionary<string, int> counts;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.DataRequests.Where(r => r.Id == requestId && r.Status == DataRequestStatus.PendingApproval)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, DataRequestStatus.Completed).SetProperty(r => r.ApprovedBy, me)
                    .SetProperty(r => r.ApprovedByEmail, CurrentStaff.EmailOf(user)).SetProperty(r => r.ApprovedAt, now)
                    .SetProperty(r => r.CompletedAt, now).SetProperty(r => r.Progress, 100), ct);
            if (claimed == 0) return OperationResult.Refused("Someone else decided this erasure at the same time.");
            counts = await PlayerDataStore.EraseAsync(db, request.PlayerId, BeforeEraseTable, ct);
            // Exports made earlier hold the erased data: they go too.
            await db.DataRequests.Where(r => r.PlayerId == request.PlayerId && r.Kind == DataRequestKinds.Export && r.ResultZip != null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.ResultZip, (byte[]?)null).SetProperty(r => r.Status, DataRequestStatus.Expired), ct);
            db.StaffAuditLogs.Add(new StaffAuditEntry
            {
                Id = Guid.CreateVersion7(), StaffUserId = me, StaffEmail = CurrentStaff.EmailOf(user), Action = "data_erasure_approved",
                EntityType = "users", EntityKey = request.PlayerId.ToString(),
                Changes = System.Text.Json.JsonSerializer.Serialize(new { request = requestId, requested_by = request.RequestedByEmail, rows = counts }),
                IpAddress = currentStaff.IpAddress, UserAgent = currentStaff.UserAgent, CreatedAt = now,
            });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not PermissionDeniedException)
        {
            log.LogError(ex, "Erasure {RequestId} failed and was rolled back", requestId);
            return OperationResult.Refused("The erasure failed and nothing was changed: " + ex.Message);
        }
        return new OperationResult(true, $"Player erased ({counts.Values.Sum()} rows in {counts.Count} tables).", requestId);
    }

    /// <summary>Pending approvals, running exports and recent completed requests (newest first).</summary>
    public async Task<IReadOnlyList<DataRequestRow>> ListAsync(Guid? playerId = null, int take = 200, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.PlayersSupport);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var query = db.DataRequests.AsNoTracking();
        if (playerId is { } pid) query = query.Where(r => r.PlayerId == pid);
        return await query.OrderByDescending(r => r.CreatedAt).Take(take)
            .Select(r => new DataRequestRow(r.Id, r.PlayerId, db.Players.Where(p => p.Id == r.PlayerId).Select(p => p.Username).FirstOrDefault(), r.Kind, r.Status,
                r.Progress, r.RequestedByEmail, r.RequestedBy, r.ApprovedByEmail, r.Reason, r.Error, r.CreatedAt, r.CompletedAt, r.ExpiresAt, r.ResultZip != null))
            .ToListAsync(ct);
    }

    public async Task<Guid?> MeAsync() => CurrentStaff.IdOf(await currentStaff.GetPrincipalAsync());
}

public static class DataRequestsWorkspace
{
    public static IServiceCollection AddDataRequests(this IServiceCollection services)
    {
        services.AddSingleton<IDataExportQueue, Infrastructure.Jobs.QuartzDataExportQueue>();
        services.AddScoped<DataRequestService>();
        return services;
    }

    public static IEndpointRouteBuilder MapDataRequestEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/players/data-requests/{id:guid}/download", async (Guid id, DataRequestService service, CancellationToken ct) =>
        {
            var (zip, error) = await service.DownloadAsync(id, ct);
            return zip is null ? Results.Problem(statusCode: 404, title: "Not available", detail: error) : Results.File(zip, "application/zip", $"personal-data-{id}.zip");
        }).RequireAuthorization(Security.Policies.For(Permission.PlayersSupport));
        return endpoints;
    }
}
