using System.Security.Claims;

namespace GameOps.Web.Security;

/// <summary>
/// The one place a staff member's permission is decided. Pages use <see cref="Has"/> to choose what to show;
/// services call <see cref="Demand"/> before every read or write, so hiding a button is never the control.
/// </summary>
public static class PermissionChecks
{
    public static IEnumerable<string> RolesOf(this ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true ? user.FindAll(ClaimTypes.Role).Select(c => c.Value) : [];

    public static bool Has(this ClaimsPrincipal? user, Permission permission) =>
        PermissionMatrix.Allows(user.RolesOf(), permission) && user.ScopesAllow(permission);

    /// <summary>A bulk export shows personal data unmasked only to a role that may both reveal it and export it.</summary>
    public static bool MayExportPersonalData(this ClaimsPrincipal? user) =>
        user.Has(Permission.RevealPersonalData) && user.Has(Permission.ExportPersonalData);

    /// <summary>Throws <see cref="PermissionDeniedException"/> unless the staff member holds the permission.</summary>
    public static ClaimsPrincipal Demand(this ClaimsPrincipal? user, Permission permission) =>
        user.Has(permission) ? user! : throw new PermissionDeniedException(permission);

    /// <summary>The signed-in staff member of this circuit or request, who must hold the permission.</summary>
    public static async Task<ClaimsPrincipal> DemandAsync(this CurrentStaff currentStaff, Permission permission) =>
        (await currentStaff.GetPrincipalAsync()).Demand(permission);

    public static async Task<bool> HasAsync(this CurrentStaff currentStaff, Permission permission) =>
        (await currentStaff.GetPrincipalAsync()).Has(permission);
}

/// <summary>Endpoints answer a <see cref="PermissionDeniedException"/> thrown by a service with 403 (never a 500).</summary>
public static class PermissionDeniedMiddleware
{
    public static IApplicationBuilder UsePermissionDeniedAsForbidden(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (PermissionDeniedException) when (!context.Response.HasStarted)
            {
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
            }
        });
}

/// <summary>A service was called by a staff member without the permission it needs. Endpoints answer 403.</summary>
public sealed class PermissionDeniedException(Permission permission)
    : UnauthorizedAccessException($"This needs the {permission} permission.")
{
    public Permission Permission { get; } = permission;
}
