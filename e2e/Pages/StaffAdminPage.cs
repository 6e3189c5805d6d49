using System.Text.RegularExpressions;
using GameOps.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Pages;

/// <summary>/admin/staff: the staff list, the create form and the one-time password it shows once.</summary>
public sealed class StaffAdminPage(IPage page) : ShellPage(page)
{
    public ILocator NewStaffButton => Page.Locator("[data-testid=new-staff]");
    public ILocator Email => Page.Locator("[data-testid=new-staff-email] input, input[data-testid=new-staff-email]").First;
    public ILocator DisplayName => Page.Locator("[data-testid=new-staff-name] input, input[data-testid=new-staff-name]").First;
    public ILocator Roles => Page.Locator("[data-testid=new-staff-roles]");
    public ILocator CreateButton => Page.Locator("[data-testid=create-staff-submit]");
    public ILocator OneTimePassword => Page.Locator("[data-testid=one-time-password]");
    public ILocator StaffTable => Page.Locator("[data-testid=staff-table]");

    public static async Task<StaffAdminPage> OpenAsync(IPage page)
    {
        var staff = new StaffAdminPage(page);
        await staff.GotoAsync("/admin/staff");
        await Expect(staff.NewStaffButton).ToBeVisibleAsync();
        return staff;
    }

    /// <summary>Creates a staff member with one role and returns the one-time password the page shows.</summary>
    public async Task<string> CreateAsync(string email, string name, string role)
    {
        await Page.RetryUntilAsync(() => NewStaffButton.ClickAsync(), () => Email.IsVisibleAsync(), "open the create form");
        await Email.FillAsync(email);
        await DisplayName.FillAsync(name);
        // A multi-select keeps its list open after a choice: pick the role, then close it.
        var option = Page.Locator(".mud-popover-open [role=option]").Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(role)}\\s*$") });
        await Page.RetryUntilAsync(() => Roles.ClickAsync(), () => option.IsVisibleAsync(), "open the roles list");
        await Page.WaitForRenderQuietAsync(maxMs: 3000);
        await option.ClickAsync();
        await Page.RetryUntilAsync(() => Page.Keyboard.PressAsync("Escape"),
            async () => await Page.Locator(".mud-popover-open [role=option]").CountAsync() == 0, "close the roles list");
        await CreateButton.ClickAsync();
        await Expect(OneTimePassword).ToBeVisibleAsync();
        await Expect(StaffTable.Locator("tr", new() { HasText = email })).ToContainTextAsync(role);
        return (await OneTimePassword.InnerTextAsync()).Trim();
    }
}
