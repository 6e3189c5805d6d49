using Bunit;
using GameOps.Data;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Components.Pages.LiveOps;
using GameOps.Web.Security;
using GameOps.Web.Services.LiveOps;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace GameOps.Tests.Web.LiveOps;

/// <summary>The reward tiers editor shows the conflict dialog when someone else saved the tiers first, and nothing of theirs is lost.</summary>
public sealed class EventRewardsPanelTests
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Saving_over_a_colleagues_change_opens_the_conflict_dialog_and_reloading_shows_theirs()
    {
        await using var session = await LiveOpsSession.StartAsync(DatabaseProvider.Sqlite);
        var ev = LiveOpsArrange.NewEvent("evt_rewards_conflict", EventLifecycle.Draft, DateTime.UtcNow.AddDays(3));
        await using (var db = session.Database.CreateContext())
        {
            db.Events.Add(ev);
            await db.SaveChangesAsync(Ct);
        }
        var initial = await session.Events.SaveRewardsAsync(ev.Id, [new RewardDraft { ItemKey = "it_potion", Quantity = 5, ConditionType = "completion" }], null, Ct);
        Assert.True(initial.Ok, initial.Message);

        await using var ctx = ComponentContexts.SignedIn(session.Database, StaffRoles.LiveOps, session.World.LiveOps);
        ctx.Services.AddLiveOpsWorkspace();
        ctx.Render<MudPopoverProvider>();
        var dialogs = ctx.Render<MudDialogProvider>();
        var panel = ctx.Render<EventRewardsPanel>(p => p.Add(x => x.EventId, ev.Id).Add(x => x.CanWrite, true));
        await panel.WaitForAssertionAsync(() => Assert.Single(panel.FindAll("[data-testid=reward-row]")), Wait);

        // A colleague raises the potions to 10 while the editor is open.
        var theirs = await session.Events.RewardsAsync(ev.Id, Ct);
        var theirsSeen = theirs.Select(r => r.Copy()).ToList();
        theirs[0].Quantity = 10;
        Assert.True((await session.Events.SaveRewardsAsync(ev.Id, theirs, theirsSeen, Ct)).Ok);

        var quantity = panel.Find("[data-testid=reward-quantity] input, input[data-testid=reward-quantity]");
        await quantity.ChangeAsync(new ChangeEventArgs { Value = "7" });
        // Not awaited: the click's handler waits for the dialog this test answers.
        _ = panel.Find("[data-testid=rewards-save]").ClickAsync(new MouseEventArgs());

        await dialogs.WaitForAssertionAsync(() => Assert.Contains("7 × it_potion for completion", dialogs.Markup), Wait);
        Assert.Contains("10 × it_potion for completion", dialogs.Markup);
        Assert.Contains("Someone else saved this event&#x27;s reward tiers", dialogs.Markup.Replace("'", "&#x27;"));
        await dialogs.Find("[data-testid=conflict-reload]").ClickAsync(new MouseEventArgs());

        await panel.WaitForAssertionAsync(() => Assert.Equal("10", panel.Find("[data-testid=reward-quantity] input, input[data-testid=reward-quantity]").GetAttribute("value")), Wait);
        Assert.Equal(10, Assert.Single(await session.Events.RewardsAsync(ev.Id, Ct)).Quantity);
    }
}
