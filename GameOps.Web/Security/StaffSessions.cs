using System.Security.Claims;
using GameOps.Data;
using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace GameOps.Web.Security;

/// <summary>What a live staff session allows: who it is and which enrolment steps are still open.</summary>
public sealed record StaffSessionState(Guid SessionId, Guid StaffUserId, bool MustChangePassword, bool TwoFactorEnabled);

/// <summary>One active session as the security pages list it.</summary>
public sealed record StaffSessionRow(Guid Id, DateTime CreatedAt, DateTime LastSeenAt, string? IpAddress, string Device);

/// <summary>
/// Server-side staff sessions (<c>staff_sessions</c>). The cookie only names a session; the row decides whether it is still
/// alive. Several instances share one database, so the row is the truth: a check is cached for <see cref="CacheFor"/> at most,
/// and a revocation made on this instance evicts its cache entries at once.
/// </summary>
public sealed class StaffSessions(IDbContextFactory<GameOpsDbContext> contextFactory, IMemoryCache cache)
{
    public const string ClaimType = "gameops:sid";
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(15);
    static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);
    static readonly object Ended = new();

    public const string ReasonSignOut = "signed out";
    public const string ReasonEndedByOwner = "ended by owner";
    public const string ReasonEndedByAdmin = "ended by admin";
    public const string ReasonSignOutEverywhere = "signed out everywhere";
    public const string ReasonDisabled = "account disabled";
    public const string ReasonRolesChanged = "roles changed";
    public const string ReasonPasswordChanged = "password changed";
    public const string ReasonPasswordReset = "password reset";

    public static Guid? SessionIdOf(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimType), out var id) ? id : null;

    static string Key(Guid sessionId) => "staff-session:" + sessionId;

    public async Task<Guid> StartAsync(Guid staffUserId, string? ipAddress, string? userAgent, CancellationToken ct = default)
    {
        var session = NewSession(staffUserId, ipAddress, userAgent);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        db.StaffSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    /// <summary>The row <see cref="StartAsync"/> adds for a new session (not saved).</summary>
    public static StaffSession NewSession(Guid staffUserId, string? ipAddress, string? userAgent)
    {
        var now = VersioningInterceptor.Truncate(DateTime.UtcNow);
        return new StaffSession
        {
            Id = Guid.CreateVersion7(), StaffUserId = staffUserId, CreatedAt = now, LastSeenAt = now,
            IpAddress = ipAddress is { Length: > 64 } ? ipAddress[..64] : ipAddress,
            UserAgent = userAgent is { Length: > 512 } ? userAgent[..512] : userAgent,
        };
    }

    /// <summary>The live session the principal's cookie names, or null when it is missing, ended, or its account is disabled.</summary>
    public Task<StaffSessionState?> ValidateAsync(ClaimsPrincipal? user, CancellationToken ct = default) =>
        SessionIdOf(user) is { } sessionId && CurrentStaff.IdOf(user) is { } staffUserId
            ? FindActiveAsync(sessionId, staffUserId, ct)
            : Task.FromResult<StaffSessionState?>(null);

    public async Task<StaffSessionState?> FindActiveAsync(Guid sessionId, Guid staffUserId, CancellationToken ct = default)
    {
        if (cache.TryGetValue(Key(sessionId), out var cached))
            return cached is StaffSessionState state && state.StaffUserId == staffUserId ? state : null;

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var row = await (from s in db.StaffSessions
                         join u in db.Users on s.StaffUserId equals u.Id
                         where s.Id == sessionId && s.RevokedAt == null && !u.IsDisabled
                         select new { s.StaffUserId, s.LastSeenAt, u.MustChangePassword, u.TwoFactorEnabled }).AsNoTracking().FirstOrDefaultAsync(ct);
        if (row is null)
        {
            cache.Set(Key(sessionId), Ended, CacheFor);
            return null;
        }
        var now = VersioningInterceptor.Truncate(DateTime.UtcNow);
        if (row.LastSeenAt < now - TouchEvery)
        {
            var cutoff = now - TouchEvery;
            await db.StaffSessions.Where(s => s.Id == sessionId && s.LastSeenAt < cutoff)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), ct);
        }
        var result = new StaffSessionState(sessionId, row.StaffUserId, row.MustChangePassword, row.TwoFactorEnabled);
        cache.Set(Key(sessionId), result, CacheFor);
        return result.StaffUserId == staffUserId ? result : null;
    }

    /// <summary>Forget the cached check (after a change of the account's enrolment state on this instance).</summary>
    public void Evict(Guid sessionId) => cache.Remove(Key(sessionId));

    public async Task EvictAllAsync(Guid staffUserId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        foreach (var id in await db.StaffSessions.Where(s => s.StaffUserId == staffUserId && s.RevokedAt == null).Select(s => s.Id).ToListAsync(ct))
            Evict(id);
    }

    /// <summary>Ends one session of the staff member; false when it was not theirs or already ended.</summary>
    public async Task<bool> RevokeAsync(Guid staffUserId, Guid sessionId, string reason, CancellationToken ct = default)
    {
        var now = VersioningInterceptor.Truncate(DateTime.UtcNow);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var ended = await db.StaffSessions.Where(s => s.Id == sessionId && s.StaffUserId == staffUserId && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedReason, reason), ct);
        Evict(sessionId);
        return ended > 0;
    }

    /// <summary>Ends every session of the staff member (but <paramref name="except"/>, the caller's own, when given).</summary>
    public async Task<int> RevokeAllAsync(Guid staffUserId, string reason, Guid? except = null, CancellationToken ct = default)
    {
        var now = VersioningInterceptor.Truncate(DateTime.UtcNow);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var ids = await db.StaffSessions.Where(s => s.StaffUserId == staffUserId && s.RevokedAt == null && s.Id != except)
            .Select(s => s.Id).ToListAsync(ct);
        if (ids.Count == 0) return 0;
        var ended = await db.StaffSessions.Where(s => ids.Contains(s.Id) && s.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedReason, reason), ct);
        foreach (var id in ids) Evict(id);
        return ended;
    }

    public async Task<IReadOnlyList<StaffSessionRow>> ListActiveAsync(Guid staffUserId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var rows = await db.StaffSessions.AsNoTracking().Where(s => s.StaffUserId == staffUserId && s.RevokedAt == null)
            .OrderByDescending(s => s.LastSeenAt).Take(100)
            .Select(s => new { s.Id, s.CreatedAt, s.LastSeenAt, s.IpAddress, s.UserAgent }).ToListAsync(ct);
        return rows.Select(r => new StaffSessionRow(r.Id, r.CreatedAt, r.LastSeenAt, r.IpAddress, DeviceOf(r.UserAgent))).ToList();
    }

    /// <summary>
    /// Deletes, in batches of <paramref name="batchSize"/>, the sessions that ended before <paramref name="before"/>: revoked
    /// then, or — never revoked — last seen more than <paramref name="sessionLifetime"/> (the cookie's life) before it, so
    /// expired by then. A deleted session is refused like a revoked one (its row is missing). Returns the rows deleted.
    /// </summary>
    public static async Task<int> DeleteEndedAsync(IDbContextFactory<GameOpsDbContext> contexts, DateTime before, TimeSpan sessionLifetime, int batchSize,
        CancellationToken ct = default)
    {
        var lastSeenBefore = before - sessionLifetime;
        var deleted = 0;
        while (!ct.IsCancellationRequested)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var ids = await db.StaffSessions
                .Where(s => (s.RevokedAt != null && s.RevokedAt < before) || (s.RevokedAt == null && s.LastSeenAt < lastSeenBefore))
                .OrderBy(s => s.Id).Select(s => s.Id).Take(batchSize).ToListAsync(ct);
            if (ids.Count == 0) break;
            deleted += await db.StaffSessions.Where(s => ids.Contains(s.Id)).ExecuteDeleteAsync(ct);
            if (ids.Count < batchSize) break;
        }
        return deleted;
    }

    /// <summary>A readable "Browser on system" from a user agent string; enough to tell one's own devices apart.</summary>
    public static string DeviceOf(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return "Unknown device";
        var ua = userAgent;
        var browser =
            ua.Contains("Edg/") ? "Edge" :
            ua.Contains("OPR/") ? "Opera" :
            ua.Contains("Firefox/") ? "Firefox" :
            ua.Contains("HeadlessChrome") ? "Headless Chrome" :
            ua.Contains("Chrome/") || ua.Contains("Chromium/") ? "Chrome" :
            ua.Contains("Safari/") ? "Safari" :
            ua.Contains("curl/") ? "curl" : "Browser";
        var system =
            ua.Contains("Windows") ? "Windows" :
            ua.Contains("Android") ? "Android" :
            ua.Contains("iPhone") || ua.Contains("iPad") ? "iOS" :
            ua.Contains("Mac OS X") || ua.Contains("Macintosh") ? "macOS" :
            ua.Contains("Linux") ? "Linux" : null;
        return system is null ? browser : $"{browser} on {system}";
    }
}
