using System.Globalization;
using System.Text.RegularExpressions;
using GameOps.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Pages;

/// <summary>/moderation/reports: the report queue.</summary>
public sealed class ReportQueuePage(IPage page) : ShellPage(page)
{
    public ILocator Rows => Page.Locator("[data-testid=queue-row]");
    public ILocator Row(Guid reportId) => Page.Locator($"[data-testid=queue-row][data-report-id='{reportId}']");
    public ILocator Order => Page.Locator("[data-testid=queue-sort]");
    public ILocator SlaTargets => Page.Locator("[data-testid=queue-sla-targets]");

    public static async Task<ReportQueuePage> OpenAsync(IPage page)
    {
        var queue = new ReportQueuePage(page);
        await queue.GotoAsync("/moderation/reports");
        await Expect(queue.Rows.First).ToBeVisibleAsync();
        return queue;
    }

    public async Task SortOldestFirstAsync()
    {
        await MudSelect.ChooseAsync(Page, Order, "Oldest first");
        await Page.WaitForRenderQuietAsync();
    }

    /// <summary>Opens the first row's report and waits for its evidence.</summary>
    public async Task<ReportDetailPage> OpenFirstAsync()
    {
        await Rows.First.Locator("[data-testid=queue-open]").ClickAsync();
        await Page.WaitForLocationAsync(new Regex("/moderation/reports/[0-9a-f-]{36}$"));
        var detail = new ReportDetailPage(Page);
        await Expect(detail.Summary).ToBeVisibleAsync();
        await Page.WaitForRenderQuietAsync();
        return detail;
    }
}

/// <summary>/moderation/reports/{id}: evidence and actions.</summary>
public sealed class ReportDetailPage(IPage page) : ShellPage(page)
{
    public ILocator Summary => Page.Locator("[data-testid=report-summary]");
    public ILocator TargetName => Page.Locator("[data-testid=report-target-name]");
    public ILocator ReportedMessage => Page.Locator("[data-testid=chat-reported]");
    public ILocator Reason => Page.Locator("textarea[data-testid=action-reason]");
    public ILocator Duration => Page.Locator("[data-testid=action-duration]");
    public ILocator Message => Page.Locator("[data-testid=action-message]");
    public ILocator Status => Page.Locator("[data-testid=report-status]");

    /// <summary>The open confirmation: the dialog (role=dialog, holding title, consequence, reason and actions) around the confirmation's content.</summary>
    public ILocator Confirmation => Page.GetByRole(AriaRole.Dialog).Filter(new() { Has = Page.Locator("[data-testid=confirm-destructive]") });

    /// <summary>Chooses the duration and reason and asks for the ban: the confirmation is open when this returns.</summary>
    public async Task AskTempBanAsync(string durationLabel, string reason)
    {
        await MudSelect.ChooseAsync(Page, Duration, durationLabel);
        await Reason.FillAsync(reason);
        await Page.WaitForRenderQuietAsync();
        await Page.Locator("[data-testid=action-temp-ban]").ClickAsync();
        await Expect(Confirmation).ToBeVisibleAsync();
    }

    /// <summary>Confirms the open destructive action (its reason field already holds the reason given).</summary>
    public async Task ConfirmAsync(string expectedMessage)
    {
        await Confirmation.Locator("[data-testid=confirm-ok]").ClickAsync();
        await Expect(Confirmation).ToHaveCountAsync(0);
        await Expect(Message).ToContainTextAsync(expectedMessage);
    }
}

/// <summary>/players/{id}: the player profile.</summary>
public sealed class PlayerProfilePage(IPage page) : ShellPage(page)
{
    public ILocator Username => Page.Locator("[data-testid=player-username]");
    public ILocator Status => Page.Locator("[data-testid=player-status]");
    public ILocator BannedUntil => Page.Locator("[data-testid=player-banned-until]");
    public ILocator SupportReason => Inputs.Of(Page.Locator("body"), "support-reason");
    public ILocator Message => Page.Locator("[data-testid=support-message]");
    public ILocator Notes => Page.Locator("[data-testid=note]");
    ILocator CharacterSupport => Page.Locator("[data-testid=character-support]");

    /// <summary>The inventory line of one catalogue item (by its key) of the selected character.</summary>
    public ILocator InventoryRow(string itemKey) => CharacterSupport.Locator($"[data-testid=inventory-row][data-item='{itemKey}']");

    /// <summary>The reason every support action on the page carries (a staff note and the audit entry).</summary>
    public Task GiveReasonAsync(string reason) => Inputs.FillAsync(Page, SupportReason, reason);

    /// <summary>Picks a catalogue item by its key, sets the quantity and grants it to the selected character.</summary>
    public async Task GrantItemAsync(string itemKey, int quantity)
    {
        await Inputs.PickAsync(Page, Inputs.Of(CharacterSupport, "field-ItemId"), itemKey);
        await Inputs.FillAsync(Page, Inputs.Of(CharacterSupport, "support-grant-quantity"), quantity.ToString(CultureInfo.InvariantCulture));
        await CharacterSupport.Locator("[data-testid=support-grant]").ClickAsync();
    }

    public Task EndAllSessionsAsync() => Page.Locator("[data-testid=support-end-sessions]").ClickAsync();

    /// <summary>The sanctions listed on the profile (its first tab), with their lift and shorten actions.</summary>
    public ILocator SanctionRows => Page.Locator("[data-testid=player-sections] [data-testid=sanction-row]");

    public async Task OpenCharactersAsync()
    {
        await Page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("^Characters") }).ClickAsync();
        await Expect(Page.Locator("[data-testid=character-card]").First).ToBeVisibleAsync();
    }

    public ILocator Character(Guid actorId) => Page.Locator($"[data-testid=character-card][data-character-id='{actorId}']");

    public static async Task<PlayerProfilePage> OpenAsync(IPage page, Guid playerId)
    {
        var profile = new PlayerProfilePage(page);
        await profile.GotoAsync($"/players/{playerId}");
        await Expect(profile.Username).ToBeVisibleAsync();
        return profile;
    }

    /// <summary>The "until yyyy-MM-dd HH:mm UTC" the header shows for a temporary ban.</summary>
    public async Task<DateTime> BannedUntilAsync() => ParseUtc(await BannedUntil.InnerTextAsync());

    internal static DateTime ParseUtc(string text)
    {
        var match = Regex.Match(text, @"\d{4}-\d{2}-\d{2} \d{2}:\d{2}");
        Assert.True(match.Success, $"No date in “{text}”.");
        return DateTime.SpecifyKind(DateTime.ParseExact(match.Value, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), DateTimeKind.Utc);
    }
}

/// <summary>/moderation/sanctions: the sanctions list.</summary>
public sealed class SanctionsPage(IPage page) : ShellPage(page)
{
    public ILocator Player => Page.Locator("input[data-testid=sanctions-player]");
    public ILocator Rows => Page.Locator("[data-testid=sanction-row]");

    public static async Task<SanctionsPage> OpenAsync(IPage page)
    {
        var sanctions = new SanctionsPage(page);
        await sanctions.GotoAsync("/moderation/sanctions");
        await Expect(page.Locator("[data-testid=sanctions-total]")).ToBeVisibleAsync();
        return sanctions;
    }

    public async Task FilterByPlayerAsync(string usernamePrefix)
    {
        await Player.FillAsync(usernamePrefix);
        await Expect(Rows).ToHaveCountAsync(1);
    }
}

/// <summary>/moderation/chat: chat review.</summary>
public sealed class ChatReviewPage(IPage page) : ShellPage(page)
{
    public ILocator Text => Page.Locator("input[data-testid=chat-text]");
    public ILocator SearchButton => Page.Locator("[data-testid=chat-search]");
    public ILocator Rows => Page.Locator("[data-testid=chat-row]");
    public ILocator Reason => Page.Locator("input[data-testid=chat-reason]");
    public ILocator Message => Page.Locator("[data-testid=chat-message]");
    public ILocator Context => Page.Locator("[data-testid=chat-context]");
    public ILocator SelectedCount => Page.Locator("[data-testid=chat-selected-count]");

    public static async Task<ChatReviewPage> OpenAsync(IPage page, string path = "/moderation/chat")
    {
        var chat = new ChatReviewPage(page);
        await chat.GotoAsync(path);
        await Expect(page.Locator("[data-testid=chat-results], [data-testid=chat-empty]").First).ToBeVisibleAsync();
        return chat;
    }

    public ILocator Row(Guid messageId) => Page.Locator($"[data-testid=chat-row][data-message-id='{messageId}']");

    public async Task SearchTextAsync(string text, int expectedRows)
    {
        await Text.FillAsync(text);
        await Page.WaitForRenderQuietAsync();
        await SearchButton.ClickAsync();
        await Expect(Rows).ToHaveCountAsync(expectedRows);
    }

    public async Task SelectAsync(Guid messageId)
    {
        var box = Row(messageId).Locator("input[type=checkbox]");
        // The box ticks in the browser at once; the selection counts only once the circuit has it, which the count shows.
        await Page.WaitUntilActionableAsync(box);
        await Expect(box).Not.ToBeCheckedAsync(new() { Timeout = Blazor.RoundTripMs });
        var before = int.Parse(Regex.Match(await SelectedCount.InnerTextAsync(), @"\d+").Value);
        await box.ClickAsync();
        await Expect(SelectedCount).ToHaveTextAsync($"{before + 1} selected", new() { Timeout = Blazor.RoundTripMs });
        await Expect(box).ToBeCheckedAsync();
    }

    async Task BulkAsync(string button, string reason, string expected)
    {
        await Reason.FillAsync(reason);
        await Page.WaitForRenderQuietAsync();
        await Page.Locator($"[data-testid={button}]").ClickAsync();
        await Expect(Message).ToContainTextAsync(expected);
    }

    public Task DeleteSelectedAsync(string reason, string expected) => BulkAsync("chat-delete", reason, expected);
    public Task RestoreSelectedAsync(string reason, string expected) => BulkAsync("chat-restore", reason, expected);
}
