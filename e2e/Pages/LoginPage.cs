using System.Text.RegularExpressions;
using GameOps.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Pages;

/// <summary>/account/login: a static (server-rendered) form that posts to the sign-in endpoint.</summary>
public sealed class LoginPage(IPage page)
{
    public ILocator Email => page.Locator("#login-email");
    public ILocator Password => page.Locator("#login-password");
    public ILocator Submit => page.Locator("[data-testid=login-submit]");
    public ILocator Error => page.Locator("[data-testid=login-error]");

    public static string EmailOf(string role) => role.ToLowerInvariant() + "@gameops.local";

    public async Task GotoAsync(string? returnUrl = null)
    {
        await page.GotoAsync(returnUrl is null ? "/account/login" : "/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await Expect(Submit).ToBeVisibleAsync();
    }

    /// <summary>Fills and posts the form; the caller checks where it lands.</summary>
    public async Task SubmitAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await page.ClickAndWaitForNewDocumentAsync(Submit);
    }

    /// <summary>Signs in as a demo staff member and waits for the interactive home page (or <paramref name="expectedPath"/>).</summary>
    public Task<ShellPage> SignInAsAsync(string role, string expectedPath = "/") => SignInWithAsync(EmailOf(role), expectedPath);

    /// <summary>Signs in with one staff account (the demo password) and waits for the page to be interactive.</summary>
    public async Task<ShellPage> SignInWithAsync(string email, string expectedPath = "/")
    {
        if (!page.Url.Contains("/account/login", StringComparison.Ordinal)) await GotoAsync();
        await SubmitAsync(email, AppServer.Password);
        if (await Error.CountAsync() > 0)
            throw new InvalidOperationException($"Sign-in as {email} failed: {await Error.InnerTextAsync()}");
        await page.WaitForLocationAsync(new Regex("^https?://[^/]+" + Regex.Escape(expectedPath) + "$"));
        await page.WaitForInteractiveAsync();
        return new ShellPage(page);
    }
}
