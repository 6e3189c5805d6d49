using System.Diagnostics;
using System.Net;
using GameOps.Data.Entities;
using GameOps.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Security;

/// <summary>Issue 14, item 6 (sign-in and headers): each smaller defect replayed over HTTP against the real host.</summary>
public sealed class SignInHardeningTests(SqliteSecurityHost host) : IClassFixture<SqliteSecurityHost>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/\u0001admin")]
    [InlineData("/moderation\r\nSet-Cookie: x=1")]
    [InlineData("/\u0000")]
    [InlineData("/caf\u00e9")]
    [InlineData("/\\evil.example")]
    public async Task A_return_url_with_control_characters_is_ignored_not_a_500(string returnUrl)
    {
        var user = await host.CreateStaffAsync(StaffRoles.Designer);
        using var browser = host.NewBrowser();
        var page = await browser.GetAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        // A NUL in a form body is refused by the form reader itself (400); anything else signs in and lands on the home page.
        var signIn = await browser.SignInAsync(user.Email!, returnUrl: returnUrl);
        Assert.NotEqual(HttpStatusCode.InternalServerError, signIn.StatusCode);
        if (!returnUrl.Contains('\0'))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.Equal("/", signIn.Headers.Location!.OriginalString);
        }

        using var other = host.NewBrowser();
        var failed = await other.SignInAsync(user.Email!, "Wrong-Passw0rd!x", returnUrl);
        Assert.NotEqual(HttpStatusCode.InternalServerError, failed.StatusCode);
    }

    [Fact]
    public async Task Sign_in_takes_about_as_long_for_an_unknown_email_as_for_a_known_one()
    {
        var user = await host.CreateStaffAsync(StaffRoles.Designer);
        using var browser = host.NewBrowser();
        var token = await browser.TokenFromAsync("/account/login");
        async Task<double> TimeAsync(string email)
        {
            var watch = Stopwatch.StartNew();
            var response = await browser.Http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Email"] = email, ["Password"] = "Not-The-Passw0rd!", ["ReturnUrl"] = "/",
            }), Ct);
            watch.Stop();
            Assert.StartsWith("/account/login?error=invalid", response.Headers.Location!.OriginalString);
            return watch.Elapsed.TotalMilliseconds;
        }
        await TimeAsync(user.Email!); // warm both paths up
        await TimeAsync("nobody@tests.local");
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 9; i++)
        {
            known.Add(await TimeAsync(user.Email!));
            unknown.Add(await TimeAsync($"nobody-{i}@tests.local"));
        }
        static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        var (knownMedian, unknownMedian) = (Median(known), Median(unknown));
        // Generous: the unknown path must do comparable work (a password hash), not answer in a fraction of the time.
        Assert.True(unknownMedian * 3 >= knownMedian, $"unknown email median {unknownMedian:F1} ms vs known {knownMedian:F1} ms");
    }

    [Theory]
    [InlineData("aaaaaaaaaaaaA1!", CommonPasswordValidator.RepetitiveCode)]
    [InlineData("Password123!", CommonPasswordValidator.CommonCode)]
    [InlineData("P@ssw0rd2024!", CommonPasswordValidator.CommonCode)]
    [InlineData("Qwerty123456!", CommonPasswordValidator.CommonCode)]
    [InlineData("Welcome2026!!", CommonPasswordValidator.CommonCode)]
    [InlineData("Adminadmin12!", CommonPasswordValidator.CommonCode)]
    [InlineData("Abcabcabcabc1!", CommonPasswordValidator.RepetitiveCode)]
    public async Task Common_and_repetitive_passwords_are_refused_with_a_clear_message(string password, string code)
    {
        var user = await host.CreateStaffAsync(StaffRoles.Designer);
        var result = await host.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<StaffUser>>();
            return await users.ChangePasswordAsync((await users.FindByIdAsync(user.Id.ToString()))!, SecurityHost.Password, password);
        });
        var error = Assert.Single(result.Errors);
        Assert.Equal(code, error.Code);
        Assert.Contains("password", error.Description, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_security_page_shows_why_a_common_password_is_refused()
    {
        var user = await host.CreateStaffAsync(StaffRoles.Designer);
        using var browser = host.NewBrowser();
        await browser.SignInOrThrowAsync(user.Email!);
        var response = await browser.PostSecurityFormAsync("change-password", new()
        {
            ["CurrentPassword"] = SecurityHost.Password, ["NewPassword"] = "aaaaaaaaaaaaA1!", ["ConfirmPassword"] = "aaaaaaaaaaaaA1!",
        });
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("repeats the same characters", page);
        Assert.DoesNotContain("Password changed.", page);
    }

    [Theory]
    [InlineData("Tests-Passw0rd!2026")]
    [InlineData("Amber-Canyon-Whistle-77")]
    [InlineData("Ot-Hk3mPq9xTbRw7a!")]
    public void Ordinary_strong_passwords_pass(string password)
    {
        Assert.False(CommonPasswordValidator.IsRepetitive(password));
        Assert.False(CommonPasswordValidator.IsCommon(password));
    }

    [Fact]
    public async Task Sign_out_needs_the_antiforgery_token()
    {
        var user = await host.CreateStaffAsync(StaffRoles.Designer);
        using var browser = host.NewBrowser();
        await browser.SignInOrThrowAsync(user.Email!);

        var forged = await browser.Http.PostAsync("/account/logout", new FormUrlEncodedContent([]), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var bare = await browser.Http.PostAsync("/account/logout", null, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/design/items")).StatusCode); // still signed in

        var real = await browser.LogoutAsync();
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        (await browser.Replay().GetAsync("/design/items")).AssertSentToSignIn();
    }

    [Theory]
    [InlineData("Your account is compromised. Call +1 555 0100 now.")]
    [InlineData("<b>bold</b>")]
    [InlineData("Invalid email or password.")]
    public async Task The_sign_in_page_shows_only_its_own_messages(string injected)
    {
        using var browser = host.NewBrowser();
        var page = await (await browser.GetAsync("/account/login?error=" + Uri.EscapeDataString(injected))).Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("login-error", page);
        Assert.DoesNotContain(WebUtility.HtmlEncode(injected), page);

        var known = await (await browser.GetAsync("/account/login?error=invalid")).Content.ReadAsStringAsync(Ct);
        Assert.Contains("login-error", known);
        Assert.Contains("Invalid email or password.", known);
    }

    [Theory]
    [InlineData("/account/login", false)]
    [InlineData("/design/items", true)]
    [InlineData("/account/security", true)]
    public async Task Every_page_sends_exactly_one_csp_header_that_allows_only_same_origin_connections(string path, bool signedIn)
    {
        using var browser = host.NewBrowser();
        if (signedIn) await browser.SignInOrThrowAsync((await host.CreateStaffAsync(StaffRoles.Designer)).Email!);
        var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("connect-src 'self';", csp);
        Assert.DoesNotContain("ws:", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
    }

    [Fact]
    public async Task Health_tells_anonymous_callers_only_healthy_or_unhealthy()
    {
        using var browser = host.NewBrowser();
        var response = await browser.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"status\":\"healthy\"}", await response.Content.ReadAsStringAsync(Ct));
    }
}
