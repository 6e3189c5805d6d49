using GameOps.Data.Entities;
using GameOps.Web.Auditing;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace GameOps.Web.Security;

/// <summary>
/// Sign-in and sign-out are plain form posts: the cookie must be written on an HTTP response, which an
/// interactive circuit does not have. The login page posts here and reads errors back from the query string.
/// </summary>
public static class SignInEndpoints
{
    public const string RateLimitPolicy = "sign-in";
    public const string TooManyAttemptsMessage = "Too many sign-in attempts from your address. Wait a minute, then try again.";

    /// <summary>A throttled sign-in gets a readable page (and Retry-After), not a bare 429.</summary>
    public static async ValueTask TooManyAttemptsAsync(Microsoft.AspNetCore.RateLimiting.OnRejectedContext context, CancellationToken ct)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = "60";
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync($"""
            <!DOCTYPE html><html lang="en"><head><title>Too many attempts · GameOps</title></head>
            <body style="font-family: sans-serif; margin: 4rem auto; max-width: 32rem">
            <h1>Too many attempts</h1><p data-testid="too-many-attempts">{TooManyAttemptsMessage}</p><p><a href="/account/login">Back to sign-in</a></p>
            </body></html>
            """, ct);
    }

    public static void MapSignInEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/login", SignInAsync).AllowAnonymous().RequireRateLimiting(RateLimitPolicy);
        endpoints.MapPost("/account/login-2fa", TwoFactorSignInAsync).AllowAnonymous().RequireRateLimiting(RateLimitPolicy);
        endpoints.MapPost("/account/logout", async (HttpContext http, [FromServices] IAntiforgery antiforgery,
            [FromServices] SignInManager<StaffUser> signIn, [FromServices] StaffAuditRecorder audit) =>
        {
            // A cross-site page must not be able to sign staff out: the form carries the antiforgery token.
            if (!http.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(http))
                return Results.Text("Sign-out needs the form's antiforgery token. Use the Sign out button.", statusCode: StatusCodes.Status400BadRequest);
            await audit.RecordAsync("sign_out", "staff_users", null);
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).RequireAuthorization();
    }

    /// <summary>
    /// The only messages the sign-in pages show: the redirect carries a code, never text, so that a crafted
    /// <c>?error=</c> link cannot put words of an attacker's choosing on the sign-in page.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ErrorMessages = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["missing"] = "Enter your email and password.",
        ["invalid"] = "Invalid email or password.",
        ["disabled"] = "This account is disabled. Ask an administrator.",
        ["locked"] = "Too many failed attempts: this account is locked for 15 minutes.",
        ["expired"] = "Your sign-in expired; start again.",
        ["code-missing"] = "Enter the code from your authenticator app or a recovery code.",
        ["code-invalid"] = "That code is not valid.",
    };

    public static string? MessageFor(string? code) => code is not null && ErrorMessages.TryGetValue(code, out var message) ? message : null;

    /// <summary>A hash of a random password, made once with the configured hasher: unknown emails cost as much as known ones.</summary>
    static string? dummyHash;

    static void HashAsIfKnown(UserManager<StaffUser> users, string password)
    {
        var probe = new StaffUser { Id = Guid.Empty, UserName = "unknown" };
        dummyHash ??= users.PasswordHasher.HashPassword(probe, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
        users.PasswordHasher.VerifyHashedPassword(probe, dummyHash, password);
    }

    public sealed class SignInForm
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public bool RememberMe { get; set; }
        public string? ReturnUrl { get; set; }
    }

    static async Task<IResult> SignInAsync([FromForm] SignInForm form, [FromServices] SignInManager<StaffUser> signIn,
        [FromServices] UserManager<StaffUser> users, [FromServices] StaffAuditRecorder audit)
    {
        var returnUrl = IsLocal(form.ReturnUrl) ? form.ReturnUrl! : "/";
        IResult Fail(string code) => Results.LocalRedirect(
            $"/account/login?error={code}&returnUrl={Uri.EscapeDataString(returnUrl)}&email={Uri.EscapeDataString(Printable(form.Email) ?? "")}");

        if (string.IsNullOrWhiteSpace(form.Email) || string.IsNullOrEmpty(form.Password))
            return Fail("missing");
        var email = form.Email.Trim();
        if (email.Length > 256 || form.Password.Length > 256) return Fail("invalid");

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            HashAsIfKnown(users, form.Password); // the same work as a known email, so timing does not tell which emails exist
            await audit.RecordAsync("sign_in_failed", "staff_users", null, new { email, reason = "unknown account" });
            return Fail("invalid");
        }
        if (user.IsDisabled)
        {
            // Only someone who knows the password learns that the account is disabled.
            var knowsPassword = await users.CheckPasswordAsync(user, form.Password);
            await audit.RecordAsync("sign_in_failed", "staff_users", user.Id.ToString(), new { email, reason = "account disabled" }, user.Id, user.Email);
            return Fail(knowsPassword ? "disabled" : "invalid");
        }

        var result = await signIn.PasswordSignInAsync(user, form.Password, form.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) return await CompleteAsync(user, users, audit, returnUrl, "password");
        if (result.RequiresTwoFactor)
            return Results.LocalRedirect($"/account/login-2fa?returnUrl={Uri.EscapeDataString(returnUrl)}&rememberMe={form.RememberMe}");
        if (result.IsLockedOut)
        {
            await audit.RecordAsync("lockout", "staff_users", user.Id.ToString(), new { email }, user.Id, user.Email);
            return Fail("locked");
        }
        await audit.RecordAsync("sign_in_failed", "staff_users", user.Id.ToString(), new { email, reason = "wrong password" }, user.Id, user.Email);
        return Fail("invalid");
    }

    public sealed class TwoFactorForm
    {
        public string? Code { get; set; }
        public string? RecoveryCode { get; set; }
        public bool RememberMe { get; set; }
        public string? ReturnUrl { get; set; }
    }

    static async Task<IResult> TwoFactorSignInAsync([FromForm] TwoFactorForm form, [FromServices] SignInManager<StaffUser> signIn,
        [FromServices] UserManager<StaffUser> users, [FromServices] StaffAuditRecorder audit)
    {
        var returnUrl = IsLocal(form.ReturnUrl) ? form.ReturnUrl! : "/";
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return Results.LocalRedirect("/account/login?error=expired");
        IResult Fail(string code) => Results.LocalRedirect($"/account/login-2fa?error={code}&returnUrl={Uri.EscapeDataString(returnUrl)}&rememberMe={form.RememberMe}");
        var code = (form.Code ?? "").Replace(" ", "").Replace("-", "");
        var recovery = (form.RecoveryCode ?? "").Replace(" ", "");
        if (code.Length == 0 && recovery.Length == 0) return Fail("code-missing");
        if (code.Length > 10 || recovery.Length > 32) return Fail("code-invalid");
        var result = code.Length > 0
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, form.RememberMe, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(recovery);
        if (result.Succeeded) return await CompleteAsync(user, users, audit, returnUrl, code.Length > 0 ? "authenticator" : "recovery code");
        if (result.IsLockedOut)
        {
            await audit.RecordAsync("lockout", "staff_users", user.Id.ToString(), new { email = user.Email }, user.Id, user.Email);
            return Results.LocalRedirect("/account/login?error=locked");
        }
        await audit.RecordAsync("sign_in_failed", "staff_users", user.Id.ToString(), new { email = user.Email, reason = "wrong second factor" }, user.Id, user.Email);
        return Fail("code-invalid");
    }

    static async Task<IResult> CompleteAsync(StaffUser user, UserManager<StaffUser> users, StaffAuditRecorder audit, string returnUrl, string method)
    {
        user.LastSignInAt = GameOps.Data.VersioningInterceptor.Truncate(DateTime.UtcNow);
        await users.UpdateAsync(user);
        await audit.RecordAsync("sign_in", "staff_users", user.Id.ToString(), SignInDetails(user.Email, method), user.Id, user.Email);
        return Results.LocalRedirect(user.MustChangePassword ? "/account/security?mustChange=true" : returnUrl);
    }

    /// <summary>What the audit row of a sign-in says besides who: the email and the method ("password", "authenticator", "recovery code").</summary>
    public static object SignInDetails(string? email, string method) => new { email, method };

    /// <summary>
    /// A path on this site that can go in a Location header as it is: starts with one '/', no backslash, and only printable
    /// ASCII (links the app builds are percent-encoded; a control or non-ASCII character would make the redirect itself fail).
    /// </summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= 2048 && url[0] == '/' && (url.Length == 1 || url[1] != '/')
        && url.All(c => c > ' ' && c < 0x7F && c != '\\');

    static string? Printable(string? text) => text is null ? null : new string(text.Where(c => !char.IsControl(c) && !char.IsSurrogate(c)).Take(256).ToArray());
}
