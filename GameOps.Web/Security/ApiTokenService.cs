using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Web.Auditing;
using Microsoft.EntityFrameworkCore;
using GameOps.Web.Services;

namespace GameOps.Web.Security;

public sealed record ApiTokenRow(Guid Id, Guid OwnerId, string OwnerEmail, string Name, string Prefix, IReadOnlyList<Permission> Scopes,
    DateTime CreatedAt, DateTime ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public bool IsActive(DateTime now) => RevokedAt is null && ExpiresAt > now;
}

public sealed record ApiTokenCreated(Guid Id, string Token, string Prefix, DateTime ExpiresAt);

/// <summary>
/// Personal access tokens of the admin API: created by their owner with scopes taken from the owner's own permissions,
/// shown once and stored as a SHA-256 hash, revocable by the owner or an Admin.
/// </summary>
public sealed class ApiTokenService(IDbContextFactory<GameOpsDbContext> contexts, CurrentStaff currentStaff, TimeProvider? clock = null)
{
    public const int MaxDays = 90;
    public const string TokenPrefix = "gops_";
    const int PrefixLength = 12;

    DateTime Now() => VersioningInterceptor.Truncate((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The permissions a staff member may put on a token: those of their roles.</summary>
    public static IReadOnlyList<Permission> GrantableScopes(ClaimsPrincipal? user) =>
        Enum.GetValues<Permission>().Where(p => PermissionMatrix.Allows(user.RolesOf(), p)).ToList();

    public async Task<OperationResult<ApiTokenCreated>> CreateAsync(string name, int days, IReadOnlyCollection<Permission> scopes, CancellationToken ct = default)
    {
        var user = await currentStaff.GetPrincipalAsync();
        if (user is null || user.IsApiToken() || CurrentStaff.IdOf(user) is not { } ownerId)
            return OperationResult<ApiTokenCreated>.Refused("Sign in to create a token.");
        name = (name ?? "").Trim();
        if (name.Length is 0 or > 100) return OperationResult<ApiTokenCreated>.Refused("Give the token a name of 1 to 100 characters.");
        if (days is < 1 or > MaxDays) return OperationResult<ApiTokenCreated>.Refused($"A token lives 1 to {MaxDays} days.");
        if (scopes.Count == 0) return OperationResult<ApiTokenCreated>.Refused("Choose at least one scope.");
        var grantable = GrantableScopes(user);
        if (scopes.Where(s => !grantable.Contains(s)).ToList() is { Count: > 0 } extra)
            return OperationResult<ApiTokenCreated>.Refused($"Your role does not have {string.Join(", ", extra)}; a token can only carry your own permissions.");

        var token = TokenPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = Now();
        var row = new StaffApiToken
        {
            Id = Guid.CreateVersion7(), StaffUserId = ownerId, Name = name, TokenHash = Hash(token), Prefix = token[..PrefixLength],
            Scopes = ApiTokenScopes.Format(scopes), CreatedAt = now, ExpiresAt = now.AddDays(days),
        };
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.StaffApiTokens.Add(row);
        await db.SaveChangesAsync(ct);
        return OperationResult<ApiTokenCreated>.Success("Token created.", new ApiTokenCreated(row.Id, token, row.Prefix, row.ExpiresAt));
    }

    /// <summary>The signed-in staff member's tokens.</summary>
    public async Task<IReadOnlyList<ApiTokenRow>> MineAsync(CancellationToken ct = default)
    {
        var user = await currentStaff.GetPrincipalAsync();
        if (CurrentStaff.IdOf(user) is not { } ownerId) return [];
        return await ListAsync(t => t.StaffUserId == ownerId, ct);
    }

    /// <summary>Every token of every staff member (Admins).</summary>
    public async Task<IReadOnlyList<ApiTokenRow>> AllAsync(CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.StaffAdmin);
        return await ListAsync(_ => true, ct);
    }

    async Task<IReadOnlyList<ApiTokenRow>> ListAsync(System.Linq.Expressions.Expression<Func<StaffApiToken, bool>> where, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.StaffApiTokens.AsNoTracking().Where(where).OrderByDescending(t => t.CreatedAt)
            .Select(t => new { t.Id, t.StaffUserId, Email = t.StaffUser.Email, t.Name, t.Prefix, t.Scopes, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt })
            .Take(500).ToListAsync(ct);
        return rows.Select(t => new ApiTokenRow(t.Id, t.StaffUserId, t.Email ?? "", t.Name, t.Prefix, ApiTokenScopes.Parse(t.Scopes),
            t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt)).ToList();
    }

    /// <summary>Revokes a token: its owner may revoke their own, an Admin any.</summary>
    public async Task<OperationResult<ApiTokenCreated>> RevokeAsync(Guid tokenId, CancellationToken ct = default)
    {
        var user = await currentStaff.GetPrincipalAsync();
        if (CurrentStaff.IdOf(user) is not { } me) return OperationResult<ApiTokenCreated>.Refused("Sign in to revoke a token.");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var token = await db.StaffApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId, ct);
        if (token is null) return OperationResult<ApiTokenCreated>.Refused("That token does not exist.");
        if (token.StaffUserId != me) user.Demand(Permission.StaffAdmin);
        if (token.RevokedAt is not null) return new OperationResult<ApiTokenCreated>(true, "Token revoked.");
        token.RevokedAt = Now();
        token.RevokedBy = me;
        await db.SaveChangesAsync(ct);
        return new OperationResult<ApiTokenCreated>(true, "Token revoked.");
    }

    /// <summary>
    /// The token's row and its owner's current state, looked up by hash on every API call, so a revoked or expired token,
    /// a disabled owner or a changed role takes effect at once.
    /// </summary>
    public async Task<ApiTokenIdentity?> AuthenticateAsync(string token, CancellationToken ct = default)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 100) return null;
        var hash = Hash(token);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.StaffApiTokens.AsNoTracking().Where(t => t.TokenHash == hash)
            .Select(t => new { t.Id, t.Name, t.Prefix, t.Scopes, t.ExpiresAt, t.RevokedAt, t.StaffUserId, t.StaffUser.Email, t.StaffUser.IsDisabled, t.StaffUser.LockoutEnd })
            .FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var now = Now();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == row.StaffUserId select r.Name!).ToListAsync(ct);
        var failure = row.RevokedAt is not null ? "This token was revoked."
            : row.ExpiresAt <= now ? "This token has expired."
            : row.IsDisabled ? "The owner of this token is disabled."
            : row.LockoutEnd > DateTimeOffset.UtcNow ? "The owner of this token is locked out."
            : null;
        if (failure is null)
            await db.StaffApiTokens.Where(t => t.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
        return new ApiTokenIdentity(row.Id, row.Name, row.Prefix, row.StaffUserId, row.Email ?? "", roles, ApiTokenScopes.Parse(row.Scopes), failure);
    }

    static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed record ApiTokenIdentity(Guid TokenId, string Name, string Prefix, Guid OwnerId, string OwnerEmail, IReadOnlyList<string> Roles,
    IReadOnlyList<Permission> Scopes, string? Failure)
{
    public ClaimsPrincipal ToPrincipal(string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, OwnerId.ToString()),
            new(ClaimTypes.Name, OwnerEmail),
            new(ClaimTypes.Email, OwnerEmail),
            new(ApiTokenScopes.TokenIdClaim, TokenId.ToString()),
            new(ApiTokenScopes.TokenNameClaim, Name),
        };
        claims.AddRange(Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(Scopes.Select(s => new Claim(ApiTokenScopes.ScopeClaim, s.ToString())));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
