using System.Text.RegularExpressions;
using GameOps.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Pages;

/// <summary>/account/security (static forms): change password, two-factor enrolment and recovery codes; and /account/login-2fa.</summary>
public sealed class AccountSecurityPage(IPage page)
{
    public ILocator MustChangePassword => page.Locator("[data-testid=must-change-password]");
    public ILocator Status => page.Locator("[data-testid=security-status]");
    public ILocator TwoFactorKey => page.Locator("[data-testid=two-factor-key]");
    public ILocator TwoFactorQr => page.Locator("[data-testid=two-factor-qr]");
    public ILocator TwoFactorOn => page.Locator("[data-testid=two-factor-on]");
    public ILocator RecoveryCodes => page.Locator("[data-testid=recovery-codes] pre");
    public ILocator SessionRows => page.Locator("[data-testid=session-row]");
    public ILocator ThisSession => page.Locator("[data-testid=this-session]");

    public async Task GotoAsync() => await page.GotoAsync("/account/security");

    /// <summary>Ends every session of the account but this browser's ("Sign out everywhere else").</summary>
    public async Task EndOtherSessionsAsync() =>
        await page.ClickAndWaitForNewDocumentAsync(page.Locator("[data-testid=end-other-sessions]"));

    public async Task ChangePasswordAsync(string current, string next)
    {
        await page.Locator("input[name=CurrentPassword]").FillAsync(current);
        await page.Locator("input[name=NewPassword]").FillAsync(next);
        await page.Locator("input[name=ConfirmPassword]").FillAsync(next);
        await page.ClickAndWaitForNewDocumentAsync(page.Locator("[data-testid=change-password-submit]"));
    }

    /// <summary>The authenticator key as an app would read it (the page groups it in fours for people).</summary>
    public async Task<string> SharedKeyAsync() => Regex.Replace(await TwoFactorKey.InnerTextAsync(), @"\s", "").ToUpperInvariant();

    /// <summary>Turns two-factor sign-in on with a code from the authenticator and returns the recovery codes shown once.</summary>
    public async Task<IReadOnlyList<string>> EnableTwoFactorAsync(string code)
    {
        await page.Locator("input[name=Code]").FillAsync(code);
        await page.ClickAndWaitForNewDocumentAsync(page.Locator("[data-testid=two-factor-enable]"));
        await Expect(RecoveryCodes).ToBeVisibleAsync();
        return (await RecoveryCodes.InnerTextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>On /account/login-2fa: signs in with an authenticator code.</summary>
    public static async Task SubmitTwoFactorCodeAsync(IPage page, string code)
    {
        await page.Locator("#login-code").FillAsync(code);
        await page.ClickAndWaitForNewDocumentAsync(page.Locator("[data-testid=login-2fa-submit]"));
    }
}
