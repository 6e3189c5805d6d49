using System.Text.Encodings.Web;
using GameOps.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace GameOps.Web.Api;

/// <summary>
/// <c>Authorization: Bearer gops_…</c>: looks the token up by its hash on every call and builds a principal with the owner's
/// current roles and the token's scopes (see <see cref="ApiTokenScopes"/>), so revocation, expiry, a disabled owner or a
/// changed role apply to the very next call. Challenges and forbids answer with RFC 9457 problem details.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokenService tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    const string FailureKey = "GameOps.ApiTokenFailure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header)) return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return Fail("Use an Authorization: Bearer <token> header.");
        var identity = await tokens.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (identity is null) return Fail("This token is not valid.");
        if (identity.Failure is { } failure) return Fail(failure);
        return AuthenticateResult.Success(new AuthenticationTicket(identity.ToPrincipal(SchemeName), SchemeName));
    }

    AuthenticateResult Fail(string message)
    {
        Context.Items[FailureKey] = message;
        return AuthenticateResult.Fail(message);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer realm=\"GameOps\"";
        var detail = Context.Items[FailureKey] as string ?? "Send a personal access token: Authorization: Bearer <token>. Create one on your security page.";
        await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: detail).ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: "This token may not do that.").ExecuteAsync(Context);
}
