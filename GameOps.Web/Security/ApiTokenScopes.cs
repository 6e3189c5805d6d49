using System.Security.Claims;

namespace GameOps.Web.Security;

/// <summary>
/// A principal built from a personal access token carries the token's scopes as claims; <see cref="PermissionChecks.Has"/>
/// asks <see cref="ScopesAllow"/> so a token principal holds a permission only when both the owner's current role and the
/// token's scopes grant it. Principals without the token marker (cookie sign-ins) are not limited.
/// </summary>
public static class ApiTokenScopes
{
    /// <summary>Present (value = token id) on every principal authenticated by a personal access token.</summary>
    public const string TokenIdClaim = "gameops:api_token";
    public const string TokenNameClaim = "gameops:api_token_name";
    public const string ScopeClaim = "gameops:scope";

    public static bool IsApiToken(this ClaimsPrincipal? user) => user?.FindFirst(TokenIdClaim) is not null;

    public static Guid? ApiTokenId(this ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(TokenIdClaim), out var id) ? id : null;

    public static bool ScopesAllow(this ClaimsPrincipal? user, Permission permission) =>
        !user.IsApiToken() || user!.HasClaim(ScopeClaim, permission.ToString());

    /// <summary>Parses the stored comma-separated scopes, ignoring names that are no longer permissions.</summary>
    public static IReadOnlyList<Permission> Parse(string? scopes) =>
        (scopes ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => Enum.TryParse<Permission>(s, out var p) ? p : (Permission?)null)
            .Where(p => p is not null).Select(p => p!.Value).Distinct().ToList();

    public static string Format(IEnumerable<Permission> scopes) => string.Join(",", scopes.Distinct().OrderBy(p => p));
}
