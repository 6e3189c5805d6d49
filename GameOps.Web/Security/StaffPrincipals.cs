using System.Security.Claims;

namespace GameOps.Web.Security;

/// <summary>Principals for code that acts without a signed-in staff member.</summary>
public static class StaffPrincipals
{
    /// <summary>
    /// The app itself acting in a role (start-up warm-up, the benchmark): authenticated, with that role's permissions, but
    /// nameless and without an id, so nothing it does is audited as, or attributed to, a staff member.
    /// </summary>
    public static ClaimsPrincipal System(string role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], authenticationType: "System"));
}
