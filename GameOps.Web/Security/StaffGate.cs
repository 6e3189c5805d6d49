using System.Security.Claims;
using GameOps.Web.Services.Administration;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.StaticAssets;

namespace GameOps.Web.Security;

/// <summary>What a signed-in staff member must do before using the console: change a one-time password, enrol two-factor sign-in.</summary>
public sealed class StaffGate(StaffSessions sessions, SecuritySettings settings)
{
    public const string ChangePasswordStep = "/account/security?mustChange=true";
    public const string EnrollStep = "/account/security?enroll=required";

    public async Task<string?> RequiredStepAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        if (await sessions.ValidateAsync(user, ct) is not { } session) return null; // not a live session: authentication refuses it
        if (session.MustChangePassword) return ChangePasswordStep;
        return await settings.MustEnrollAsync(user.RolesOf(), session.TwoFactorEnabled, ct) ? EnrollStep : null;
    }
}

/// <summary>
/// Enforces <see cref="StaffGate"/> on every request, before any endpoint runs: a half-enrolled session reaches only the
/// security page, sign-out and static assets. Pages are answered with a bodiless redirect to the step; everything else
/// (exports, the Blazor hub, API calls) with 403. Nothing is rendered first.
/// </summary>
public sealed class StaffGateMiddleware(RequestDelegate next)
{
    static readonly string[] AllowedPaths = ["/account/security", "/account/logout", "/account/login", "/account/login-2fa", "/error", "/healthz"];
    static readonly string[] AllowedPrefixes = ["/_framework/", "/_content/"];

    public async Task InvokeAsync(HttpContext context, StaffGate gate)
    {
        if (context.User.Identity?.IsAuthenticated != true || IsAllowed(context))
        {
            await next(context);
            return;
        }
        var step = await gate.RequiredStepAsync(context.User, context.RequestAborted);
        if (step is null)
        {
            await next(context);
            return;
        }
        var endpoint = context.GetEndpoint();
        if ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            && endpoint?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        {
            context.Response.Redirect(step);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(step == StaffGate.ChangePasswordStep
            ? "Change your one-time password at /account/security before using GameOps."
            : "Your role requires two-factor sign-in: set it up at /account/security before using GameOps.", context.RequestAborted);
    }

    static bool IsAllowed(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (AllowedPaths.Any(p => string.Equals(path.TrimEnd('/'), p, StringComparison.OrdinalIgnoreCase))) return true;
        if (AllowedPrefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase))) return true;
        return context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null;
    }
}
