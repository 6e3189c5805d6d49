using GameOps.Data.Entities;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GameOps.Web.Security;

/// <summary>
/// Re-checks an open circuit's staff member often: an ended session (sign-out, "sign out everywhere", disable, role or
/// password change), a changed security stamp or an open enrolment step ends the circuit's sign-in without waiting for
/// the cookie to expire. The session check is the same cached one every HTTP request makes.
/// </summary>
public sealed class StaffAuthenticationStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory, IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => StaffSessions.CacheFor;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var principal = authenticationState.User;
        if (await scope.ServiceProvider.GetRequiredService<StaffSessions>().ValidateAsync(principal, cancellationToken) is null) return false;
        if (await scope.ServiceProvider.GetRequiredService<StaffGate>().RequiredStepAsync(principal, cancellationToken) is not null) return false;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.GetUserAsync(principal);
        if (user is null || user.IsDisabled) return false;
        var stamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
