using System.Text.RegularExpressions;
using Microsoft.Playwright;
using GameOps.E2E.Infrastructure;
using GameOps.E2E.Pages;
using GameOps.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Journeys;

/// <summary>
/// An Admin creates a Moderator; the Moderator signs in with the one-time password, must change it, enrols an
/// authenticator and signs in with a code; the Admin then finds every step in the audit trail.
/// </summary>
public sealed class StaffSecurityJourney(AppServer app, BrowserFixture browser) : JourneyTest(app, browser)
{
    const string NewPassword = "Moderat0r-Own-Passw0rd!";

    [Fact]
    public async Task Admin_creates_a_moderator_who_changes_the_password_and_enrols_two_factor_and_the_audit_trail_shows_it_all()
    {
        var suffix = TestData.UniqueSuffix();
        var email = $"mod.{suffix}@gameops.local";

        // The Admin creates the account and reads the one-time password, shown once.
        await new LoginPage(Page).SignInAsAsync("Admin");
        var staff = await StaffAdminPage.OpenAsync(Page);
        var oneTimePassword = await staff.CreateAsync(email, $"Moderator {suffix}", "Moderator");
        Assert.True(oneTimePassword.Length >= 12, $"a one-time password of {oneTimePassword.Length} characters");
        await Expect(staff.StaffTable).ToContainTextAsync(email);
        await StepAsync("admin-created-moderator");
        await Context.ClearCookiesAsync();

        // The Moderator signs in with it and is held on the security page until the password is their own.
        var login = new LoginPage(Page);
        await login.GotoAsync();
        await login.SubmitAsync(email, oneTimePassword);
        await Page.WaitForLocationAsync(new Regex("/account/security"));
        var security = new AccountSecurityPage(Page);
        await Expect(security.MustChangePassword).ToBeVisibleAsync();
        await StepAsync("must-change-password");
        await Page.GotoAsync("/moderation/reports");
        await Page.WaitForLocationAsync(new Regex("/account/security")); // nothing else opens before the change
        await security.ChangePasswordAsync(oneTimePassword, NewPassword);
        await Expect(security.Status).ToContainTextAsync("changed");
        await Expect(security.MustChangePassword).ToHaveCountAsync(0);

        // Two-factor enrolment with a code computed here, as an authenticator app would.
        await Expect(security.TwoFactorQr).ToBeVisibleAsync();
        var key = await security.SharedKeyAsync();
        var recoveryCodes = await security.EnableTwoFactorAsync(Totp.Code(key));
        Assert.True(recoveryCodes.Count >= 8, $"{recoveryCodes.Count} recovery codes");
        await Expect(security.TwoFactorOn).ToBeVisibleAsync();
        await StepAsync("two-factor-enrolled");
        await Context.ClearCookiesAsync();

        // The next sign-in asks for a code after the password.
        await login.GotoAsync();
        await login.SubmitAsync(email, NewPassword);
        await Page.WaitForLocationAsync(new Regex("/account/login-2fa"));
        await StepAsync("asks-for-code");
        await AccountSecurityPage.SubmitTwoFactorCodeAsync(Page, Totp.Code(key));
        await Page.WaitForLocationAsync(new Regex("^https?://[^/]+/$"));
        await Page.WaitForInteractiveAsync();
        await Expect(new ShellPage(Page).NavGroup("Moderation")).ToBeVisibleAsync();
        await StepAsync("moderator-signed-in-with-code");
        await Context.ClearCookiesAsync();

        // The Admin sees all of it in the audit trail, found by the new account's id.
        var staffId = await App.StaffIdAsync(email);
        await new LoginPage(Page).SignInAsAsync("Admin");
        var audit = await ResourceListPage.OpenAsync(Page, "/admin/audit");
        await audit.Search.FillAsync(staffId.ToString());
        await Expect(audit.Grid).ToContainTextAsync("two_factor_enabled");
        var actions = await audit.ColumnAsync("Action");
        foreach (var expected in new[] { "create", "sign_in", "password_changed", "two_factor_enabled" })
            Assert.Contains(expected, actions);
        // Two completed sign-ins: with the one-time password, then with password + code (the password alone is not a sign-in).
        Assert.True(actions.Count(a => a == "sign_in") >= 2, $"sign-ins recorded: {string.Join(", ", actions)}");
        await StepAsync("audit-trail");
    }

    [Fact]
    public async Task A_half_enrolled_moderator_reaches_only_the_security_page_and_sign_out_everywhere_ends_the_other_browser()
    {
        var suffix = TestData.UniqueSuffix();
        var email = $"mod2.{suffix}@gameops.local";
        await new LoginPage(Page).SignInAsAsync("Admin");
        var oneTimePassword = await (await StaffAdminPage.OpenAsync(Page)).CreateAsync(email, $"Moderator {suffix}", "Moderator");
        await Context.ClearCookiesAsync();

        // Half-enrolled: pages, exports and the live connection are all closed until the password is changed.
        var login = new LoginPage(Page);
        await login.GotoAsync();
        await login.SubmitAsync(email, oneTimePassword);
        await Page.WaitForLocationAsync(new Regex("/account/security"));
        var security = new AccountSecurityPage(Page);
        foreach (var path in new[] { "/", "/players", "/moderation/reports" })
        {
            await Page.GotoAsync(path);
            await Page.WaitForLocationAsync(new Regex("/account/security\\?mustChange=true"));
            await Expect(security.MustChangePassword).ToBeVisibleAsync();
        }
        var export = await Context.APIRequest.GetAsync("/export/users.csv", new APIRequestContextOptions { MaxRedirects = 0 });
        Assert.Equal(403, export.Status);
        await StepAsync("half-enrolled-held-on-security-page");
        await security.ChangePasswordAsync(oneTimePassword, NewPassword);
        await Expect(security.Status).ToContainTextAsync("changed");

        // A second browser signs in to the same account.
        await using var other = await Context.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseUrl, Locale = "en-US", TimezoneId = "UTC" });
        var otherPage = await other.NewPageAsync();
        var otherLogin = new LoginPage(otherPage);
        await otherLogin.GotoAsync();
        await otherLogin.SubmitAsync(email, NewPassword);
        await otherPage.WaitForLocationAsync(new Regex("^https?://[^/]+/$"));

        // The first browser lists both sessions and signs out everywhere else.
        await security.GotoAsync();
        await Expect(security.SessionRows).ToHaveCountAsync(2);
        await Expect(security.ThisSession).ToHaveCountAsync(1);
        await StepAsync("two-sessions-listed");
        await security.EndOtherSessionsAsync();
        await Expect(security.Status).ToContainTextAsync("1 other session ended.");
        await Expect(security.SessionRows).ToHaveCountAsync(1);

        // The second browser's next request gets the sign-in page; the first one carries on.
        await otherPage.GotoAsync("/moderation/reports");
        await otherPage.WaitForLocationAsync(new Regex("/account/login"));
        await Expect(new LoginPage(otherPage).Email).ToBeVisibleAsync();
        await Page.GotoAsync("/moderation/reports");
        await Page.WaitForLocationAsync(new Regex("/moderation/reports"));
        await StepAsync("other-browser-signed-out");
    }
}
