using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace GameOps.Web.Security;

/// <summary>
/// Ties the auth cookie to a <c>staff_sessions</c> row: signing in starts a session and puts its id in the cookie, every
/// request checks that the session is still alive (a replayed cookie of an ended session is refused and removed), and
/// signing out ends it.
/// </summary>
public sealed class StaffCookieEvents(StaffSessions sessions) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal?.Identity?.IsAuthenticated != true) return;
        if (await sessions.ValidateAsync(context.Principal, context.HttpContext.RequestAborted) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    public override async Task SigningIn(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || CurrentStaff.IdOf(context.Principal) is not { } staffUserId) return;
        // A refresh (after a password change or two-factor enrolment) keeps the live session it came from.
        var current = context.HttpContext.User;
        Guid sessionId;
        if (StaffSessions.SessionIdOf(current) is { } existing && CurrentStaff.IdOf(current) == staffUserId
            && await sessions.FindActiveAsync(existing, staffUserId) is not null)
        {
            sessionId = existing;
            sessions.Evict(existing);
        }
        else
        {
            var http = context.HttpContext;
            sessionId = await sessions.StartAsync(staffUserId, http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString());
        }
        foreach (var old in identity.FindAll(StaffSessions.ClaimType).ToList()) identity.RemoveClaim(old);
        identity.AddClaim(new Claim(StaffSessions.ClaimType, sessionId.ToString()));
    }

    public override async Task SigningOut(CookieSigningOutContext context)
    {
        var user = context.HttpContext.User;
        if (StaffSessions.SessionIdOf(user) is { } sessionId && CurrentStaff.IdOf(user) is { } staffUserId)
            await sessions.RevokeAsync(staffUserId, sessionId, StaffSessions.ReasonSignOut);
    }

    /// <summary>The security-stamp validator rebuilds the principal now and then; the session id must survive that.</summary>
    public static Task KeepSessionClaim(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(StaffSessions.ClaimType) is { } claim
            && context.NewPrincipal?.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == StaffSessions.ClaimType))
            identity.AddClaim(new Claim(StaffSessions.ClaimType, claim.Value));
        return Task.CompletedTask;
    }
}
