using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Pages;

/// <summary>A guild's detail page (/guilds/{id}): members, storage, activity, territories, treasury and disband.</summary>
public sealed class GuildPage(IPage page) : ShellPage(page)
{
    public ILocator Sections => Page.Locator("[data-testid=guild-sections]");
    public ILocator Treasury => Page.Locator("[data-testid=guild-treasury]");
    public ILocator Balance => Page.Locator("[data-testid=guild-treasury-balance]");
    public ILocator Disband => Page.Locator("[data-testid=guild-disband]");

    public static async Task<GuildPage> OpenAsync(IPage page, Guid id)
    {
        var guild = new GuildPage(page);
        await guild.GotoAsync($"/guilds/{id}");
        await Expect(guild.Sections).ToBeVisibleAsync();
        return guild;
    }
}
