using GameOps.Data.Entities;
using GameOps.E2E.Infrastructure;
using GameOps.E2E.Pages;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Journeys;

/// <summary>A moderator's day: the oldest report, its evidence, a 3-day ban seen on the profile and in the sanctions, and a chat clean-up.</summary>
public sealed class ModeratorJourney(AppServer app, BrowserFixture browser) : JourneyTest(app, browser)
{
    /// <summary>For a second moderator's own browser context.</summary>
    readonly BrowserFixture browsers = browser;

    [Fact]
    public async Task Oldest_report_is_read_in_context_and_the_player_banned_for_three_days()
    {
        var scenario = await App.CreateReportedConversationAsync();
        var dialogs = new List<string>();
        Page.Dialog += (_, dialog) => { dialogs.Add(dialog.Message); _ = dialog.DismissAsync(); };
        await new LoginPage(Page).SignInAsAsync("Moderator");

        var queue = await ReportQueuePage.OpenAsync(Page);
        await Expect(queue.SlaTargets).ToContainTextAsync("urgent 4 h");
        await queue.SortOldestFirstAsync();
        await Expect(queue.Rows.First).ToHaveAttributeAsync("data-report-id", scenario.Report.Id.ToString());
        await Expect(queue.Rows.First.Locator("[data-testid=queue-sla]")).ToContainTextAsync("late");
        // Identity and actions are in view at a laptop's width: no sideways scrolling needed.
        await Page.SetViewportSizeAsync(1366, 768);
        await Expect(queue.Rows.First.Locator("[data-testid=queue-open]")).ToBeInViewportAsync();
        await Expect(queue.Rows.First.Locator("td.identity-col")).ToBeInViewportAsync();
        await StepAsync("queue-oldest-first");
        await Page.AssertAccessibleAsync("report queue");

        // Another moderator claims it in their own browser: this queue shows it without a reload.
        await using (var other = await browsers.Browser.NewContextAsync(new() { BaseURL = App.BaseUrl, ViewportSize = new() { Width = 1366, Height = 768 } }))
        {
            await other.AddInitScriptAsync(Blazor.InitScript);
            var otherPage = await other.NewPageAsync();
            await new LoginPage(otherPage).SignInAsAsync("Admin");
            var otherQueue = await ReportQueuePage.OpenAsync(otherPage);
            await otherQueue.SortOldestFirstAsync();
            await Expect(otherQueue.Rows.First).ToHaveAttributeAsync("data-report-id", scenario.Report.Id.ToString());
            await otherQueue.Rows.First.Locator("[data-testid=queue-claim]").ClickAsync();
            await Expect(queue.Rows.First.Locator("[data-testid=queue-row-status]")).ToContainTextAsync("in review");
            await Expect(queue.Rows.First.Locator("[data-testid=queue-row-status]")).ToContainTextAsync("admin@");
            await StepAsync("queue-claimed-elsewhere");
            await DocsScreenshots.SaveAsync(Page, "report-queue", fullPage: false);
            var otherDetail = await otherQueue.OpenFirstAsync();
            await otherPage.Locator("[data-testid=report-release]").ClickAsync();
            await Expect(otherDetail.Message).ToContainTextAsync("back in the queue");
            await Expect(queue.Rows.First.Locator("[data-testid=queue-claim]")).ToBeVisibleAsync();
        }

        var detail = await queue.OpenFirstAsync();
        await Expect(detail.TargetName).ToHaveTextAsync(scenario.Target.Username);
        // The reported message is in its conversation, and its markup is literal text.
        await Expect(detail.ReportedMessage).ToBeVisibleAsync();
        await Expect(detail.ReportedMessage).ToContainTextAsync($"{ModerationTestData.ScriptMarkup} {scenario.Token} you are worthless");
        await Expect(Page.Locator("[data-testid=report-conversation] [data-testid=chat-line]")).ToHaveCountAsync(6);
        await AssertNoInjectedScriptAsync(dialogs);
        await StepAsync("report-context");
        await Page.AssertAccessibleAsync("report detail");

        // One confirmation says what happens to whom, with the reason in it.
        await detail.AskTempBanAsync("3 days", "Repeated insults in global chat");
        await Expect(detail.Confirmation.Locator("[data-testid=confirm-consequence]")).ToContainTextAsync($"Ban {scenario.Target.Username} for 3 days");
        await Expect(detail.Confirmation.Locator("[data-testid=confirm-consequence]")).ToContainTextAsync("0 open sessions end");
        await Expect(detail.Confirmation.Locator("textarea[data-testid=confirm-reason]")).ToHaveValueAsync("Repeated insults in global chat");
        await StepAsync("ban-confirmation");
        await DocsScreenshots.SaveAsync(Page, "ban-confirmation", fullPage: false);
        await detail.ConfirmAsync("Temporary ban applied");
        await Expect(detail.Status).ToContainTextAsync("resolved");
        var bannedAt = DateTime.UtcNow;
        await StepAsync("report-banned");

        var profile = await PlayerProfilePage.OpenAsync(Page, scenario.Target.Id);
        await Expect(profile.Status).ToHaveTextAsync("suspended");
        AssertAboutThreeDaysAfter(bannedAt, await profile.BannedUntilAsync());
        // The sanction is on the profile with its lift and shorten actions.
        await Expect(profile.SanctionRows.First).ToContainTextAsync("temp ban");
        await Expect(profile.SanctionRows.First.Locator("[data-testid=sanction-duration]")).ToHaveTextAsync("3 days");
        await Expect(profile.SanctionRows.First.Locator("[data-testid=sanction-lift]")).ToBeVisibleAsync();
        await Expect(profile.SanctionRows.First.Locator("[data-testid=sanction-shorten]")).ToBeVisibleAsync();
        await StepAsync("profile-suspended");
        await DocsScreenshots.SaveAsync(Page, "player-sanction", fullPage: true);
        await Page.AssertAccessibleAsync("player profile");

        // On a phone (before the sanctions list, which opens at the laptop width again) the drawer closes and the queue keeps each row's player and actions in view.
        await Page.SetViewportSizeAsync(390, 844);
        var phoneQueue = await ReportQueuePage.OpenAsync(Page);
        await Expect(Page.Locator(".mud-drawer--open")).ToHaveCountAsync(0);
        await Expect(phoneQueue.Rows.First.Locator("[data-testid=queue-open]")).ToBeInViewportAsync();
        await Expect(phoneQueue.Rows.First.Locator("td.identity-col")).ToBeInViewportAsync();
        await StepAsync("phone-layout");
        await DocsScreenshots.SaveAsync(Page, "phone-layout", fullPage: false);
        await Page.SetViewportSizeAsync(1366, 768);

        var sanctions = await SanctionsPage.OpenAsync(Page);
        await sanctions.FilterByPlayerAsync(scenario.Target.Username);
        var row = sanctions.Rows.First;
        await Expect(row).ToContainTextAsync("temp ban");
        await Expect(row.Locator("[data-testid=sanction-duration]")).ToHaveTextAsync("3 days");
        await Expect(row.Locator("[data-testid=sanction-state]")).ToContainTextAsync("active");
        await Expect(row).ToContainTextAsync("Repeated insults in global chat");
        AssertAboutThreeDaysAfter(bannedAt, PlayerProfilePage.ParseUtc(await row.Locator("[data-testid=sanction-ends]").InnerTextAsync()));
        await StepAsync("sanctions");
    }

    [Fact]
    public async Task Support_finds_a_player_by_a_characters_name_gives_back_a_lost_item_and_ends_the_sessions()
    {
        var scenario = await App.CreatePlayerWhoLostAnItemAsync();
        const string reason = "Ticket 4411: stack lost to the bank bug";
        await new LoginPage(Page).SignInAsAsync("Moderator");

        // The player wrote in with a character's name only.
        var players = await ResourceListPage.OpenAsync(Page, "/players");
        await players.SearchAsync(scenario.Character.Name[..^2].ToLowerInvariant(), 1);
        await Expect(players.Rows.First).ToContainTextAsync(scenario.Player.Username);
        await players.Rows.First.Locator("a", new() { HasText = scenario.Player.Username }).ClickAsync();
        var profile = new PlayerProfilePage(Page);
        await Expect(profile.Username).ToHaveTextAsync(scenario.Player.Username);
        await StepAsync("found-by-character-name");

        // The character is there whole, and its page opens for a moderator.
        await profile.OpenCharactersAsync();
        await Expect(profile.Character(scenario.Character.Id)).ToContainTextAsync(scenario.Character.Name);
        await profile.Character(scenario.Character.Id).Locator("[data-testid=character-link]").ClickAsync();
        await Expect(Page.Locator("[data-testid=character-name]")).ToHaveTextAsync(scenario.Character.Name);
        await Expect(Page.Locator("[data-testid=character-guild]")).ToBeVisibleAsync();
        await StepAsync("character-page");
        await Page.AssertAccessibleAsync("character page");
        await Page.GoBackAsync();
        await Expect(profile.Username).ToHaveTextAsync(scenario.Player.Username);

        await profile.GiveReasonAsync(reason);
        await profile.GrantItemAsync(scenario.LostItem.ItemId, 3);
        await Expect(profile.Message).ToContainTextAsync($"Granted 3 × {scenario.LostItem.Name} to {scenario.Character.Name}");
        await Expect(profile.InventoryRow(scenario.LostItem.ItemId).Locator("[data-testid=inventory-quantity]")).ToHaveTextAsync($"3 / {scenario.LostItem.StackSize}");
        await Expect(profile.Notes.First).ToContainTextAsync(reason); // the reason is kept on the player, with its author
        await StepAsync("item-granted");

        await Expect(profile.SupportReason).ToHaveValueAsync(""); // a reason serves one action: the next one needs its own
        await profile.GiveReasonAsync("Ticket 4411: log out everywhere so the client reloads the inventory");
        await profile.EndAllSessionsAsync();
        await Expect(profile.Message).ToContainTextAsync("2 session(s) ended");
        var lines = await App.QueryAsync<InventoryItem>(i => i.ActorId == scenario.Character.Id && i.ItemId == scenario.LostItem.Id);
        Assert.Equal(3, lines.Sum(i => i.Quantity));
        Assert.Empty(await App.QueryAsync<UserSession>(s => s.UserId == scenario.Player.Id && s.IsActive));
        await StepAsync("sessions-ended");
    }

    [Fact]
    public async Task Chat_review_shows_markup_as_text_and_deletes_and_restores_selected_messages()
    {
        var scenario = await App.CreateReportedConversationAsync();
        var dialogs = new List<string>();
        Page.Dialog += (_, dialog) => { dialogs.Add(dialog.Message); _ = dialog.DismissAsync(); };
        await new LoginPage(Page).SignInAsAsync("Moderator");

        var chat = await ChatReviewPage.OpenAsync(Page);
        await chat.SearchTextAsync(scenario.Token, scenario.Messages.Count);
        var reported = chat.Row(scenario.Reported.Id).Locator("[data-testid=chat-content]");
        await Expect(reported).ToHaveTextAsync($"{ModerationTestData.ScriptMarkup} {scenario.Token} you are worthless");
        await AssertNoInjectedScriptAsync(dialogs);
        await StepAsync("search");
        await Page.AssertAccessibleAsync("chat review");

        // The message in its conversation.
        await chat.Row(scenario.Reported.Id).Locator("[data-testid=chat-open-context]").ClickAsync();
        await Expect(chat.Context.Locator("[data-testid=chat-reported]")).ToContainTextAsync(ModerationTestData.ScriptMarkup);
        await Expect(chat.Context.Locator("[data-testid=chat-line]")).ToHaveCountAsync(6);
        await StepAsync("context");

        Guid[] two = [scenario.Messages[1].Id, scenario.Messages[2].Id];
        foreach (var id in two) await chat.SelectAsync(id);
        await Expect(chat.SelectedCount).ToHaveTextAsync("2 selected");
        await chat.DeleteSelectedAsync("Spam wave (e2e)", "2 message(s) deleted.");
        foreach (var id in two)
        {
            await Expect(chat.Row(id)).ToHaveAttributeAsync("data-deleted", "true");
            await Expect(chat.Row(id).Locator("[data-testid=chat-deleted-chip]")).ToBeVisibleAsync();
            await Expect(chat.Row(id).Locator("[data-testid=chat-moderation-note]")).ToContainTextAsync("Spam wave (e2e)");
        }
        await Expect(chat.Row(scenario.Messages[0].Id)).ToHaveAttributeAsync("data-deleted", "false");
        await StepAsync("deleted");

        foreach (var id in two) await chat.SelectAsync(id);
        await chat.RestoreSelectedAsync("Mistake, restoring", "2 message(s) restored.");
        foreach (var id in two) await Expect(chat.Row(id)).ToHaveAttributeAsync("data-deleted", "false");
        await StepAsync("restored");
    }

    /// <summary>No script element carries the chat's markup and no alert ran.</summary>
    async Task AssertNoInjectedScriptAsync(List<string> dialogs)
    {
        Assert.False(await Page.EvaluateAsync<bool>("() => [...document.querySelectorAll('script')].some(s => s.textContent.includes('alert(1)'))"));
        Assert.Empty(dialogs);
    }

    static void AssertAboutThreeDaysAfter(DateTime actionAt, DateTime expiresAt)
    {
        var expected = actionAt.AddDays(3);
        Assert.InRange(expiresAt, expected.AddMinutes(-3), expected.AddMinutes(2)); // shown to the minute
    }
}
