using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace GameOps.Web.Security;

/// <summary>
/// Who is acting, for the audit trail: the signed-in staff member of this circuit or request, with the
/// address and browser they came from. Scoped: one per circuit in Blazor, one per request elsewhere.
/// </summary>
public sealed class CurrentStaff(IHttpContextAccessor httpContextAccessor, AuthenticationStateProvider? authenticationStateProvider = null)
{
    ClaimsPrincipal? principal;

    public string? IpAddress { get; private set; }
    public string? UserAgent { get; private set; }

    /// <summary>Captures the connection details while an HTTP context exists (request or circuit start).</summary>
    public void CaptureConnection()
    {
        var http = httpContextAccessor.HttpContext;
        if (http is null) return;
        IpAddress ??= http.Connection.RemoteIpAddress?.ToString();
        UserAgent ??= http.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua[..Math.Min(ua.Length, 512)] : null;
        if (http.User.Identity?.IsAuthenticated == true) principal ??= http.User;
    }

    /// <summary>Set explicitly where no HTTP context or circuit exists (background jobs, tests, sign-in).</summary>
    public void Use(ClaimsPrincipal user, string? ipAddress = null, string? userAgent = null)
    {
        principal = user;
        IpAddress = ipAddress ?? IpAddress;
        UserAgent = userAgent ?? UserAgent;
    }

    public async Task<ClaimsPrincipal?> GetPrincipalAsync()
    {
        CaptureConnection();
        if (principal?.Identity?.IsAuthenticated == true) return principal;
        if (authenticationStateProvider is not null)
        {
            try
            {
                var state = await authenticationStateProvider.GetAuthenticationStateAsync();
                if (state.User.Identity?.IsAuthenticated == true) principal = state.User;
            }
            catch (InvalidOperationException)
            {
                // Outside a circuit the server provider has no state yet; fall back to the HTTP context.
            }
        }
        return principal?.Identity?.IsAuthenticated == true ? principal : null;
    }

    public static Guid? IdOf(ClaimsPrincipal? user) =>
        Guid.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static string? EmailOf(ClaimsPrincipal? user) =>
        user?.FindFirstValue(ClaimTypes.Email) ?? user?.FindFirstValue(ClaimTypes.Name);
}

/// <summary>Records the connection of each circuit when it opens, while the HTTP context is still reachable.</summary>
public sealed class CurrentStaffCircuitHandler(CurrentStaff currentStaff) : CircuitHandler
{
    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        currentStaff.CaptureConnection();
        return Task.CompletedTask;
    }
}
