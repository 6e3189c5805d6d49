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
    ILocator RolesInput => Page.Locator("input[data-testid=new-staff-roles], [data-testid=new-staff-roles] input").First;
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
        await Page.WaitUntilActionableAsync(NewStaffButton);
        await NewStaffButton.ClickAsync();
        await Expect(Email).ToBeEditableAsync(new() { Timeout = Blazor.RoundTripMs });
        await Inputs.FillAsync(Page, Email, email);
        await Inputs.FillAsync(Page, DisplayName, name);
        // A multi-select keeps its list open after a choice: pick the role, then close the list from the select itself
        // (Escape on its input; a key pressed elsewhere, e.g. on the list item, does not reach it).
        var openOptions = Page.Locator(".mud-popover-open [role=option]");
        var option = openOptions.Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(role)}\\s*$") });
        await Page.WaitUntilActionableAsync(Roles);
        await Roles.ClickAsync();
        await Expect(option).ToBeVisibleAsync(new() { Timeout = Blazor.RoundTripMs });
        await Page.WaitForRenderQuietAsync();
        await option.ClickAsync();
        await Expect(RolesInput).ToHaveValueAsync(new Regex(Regex.Escape(role)), new() { Timeout = Blazor.RoundTripMs });
        await Page.WaitForRenderQuietAsync();
        await RolesInput.PressAsync("Escape");
        await Expect(openOptions).ToHaveCountAsync(0, new() { Timeout = Blazor.RoundTripMs });
        await Expect(CreateButton).ToBeEnabledAsync();
        await CreateButton.ClickAsync();
        await Expect(OneTimePassword).ToBeVisibleAsync();
        await Expect(StaffTable.Locator("tr", new() { HasText = email })).ToContainTextAsync(role);
        return (await OneTimePassword.InnerTextAsync()).Trim();
    }
}
