using Bunit;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Auditing;
using GameOps.Web.Components.Pages.Design.Editors;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace GameOps.Tests.Web.LiveOps;

/// <summary>
/// Issue 16: the item picker of the reward tiers never shows stale results when typing fast. "sw" is searched first and its
/// query is held at the database; "swo" is searched next and answers; then "sw" answers late. The picker must keep showing
/// what "swo" found (the sword alone), not what "sw" found (sword and swamp boots) nor an empty list.
/// </summary>
public sealed class RewardItemPickerTests
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_earlier_search_that_answers_after_a_later_one_never_replaces_the_later_results()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using (var context = db.CreateContext())
        {
            context.Items.AddRange(
                new Item { Id = Guid.NewGuid(), ItemId = "wpn_sword", Name = "Sword", ItemType = "weapon", Rarity = "rare", StackSize = 1, IsActive = true, Value = 10 },
                new Item { Id = Guid.NewGuid(), ItemId = "arm_swamp_boots", Name = "Swamp Boots", ItemType = "armor", Rarity = "common", StackSize = 1, IsActive = true, Value = 5 });
            await context.SaveChangesAsync(Ct);
        }
        await using var ctx = ComponentContexts.SignedIn(db, StaffRoles.LiveOps);
        var gate = HeldSearch.ForParameter(v => v is string s && s.Contains("sw", StringComparison.OrdinalIgnoreCase) && !s.Contains("swo", StringComparison.OrdinalIgnoreCase));
        // The same data services, with the gate on every context the picker opens.
        ctx.Services.AddGameOpsData(db.Options, (sp, o) => o.AddInterceptors(sp.GetRequiredService<StaffAuditInterceptor>(), sp.GetRequiredService<TableVersionInterceptor>(), gate));
        var popovers = ctx.Render<MudPopoverProvider>();
        var picker = ctx.Render<KeyPicker>(p => p.Add(x => x.Entity, typeof(Item)).Add(x => x.KeyField, nameof(Item.ItemId)).Add(x => x.Label, "Item").Add(x => x.TestId, "reward-item"));
        var autocomplete = picker.FindComponent<MudAutocomplete<PickerOption>>();

        await picker.Find("input").InputAsync(new ChangeEventArgs { Value = "sw" });
        await gate.Held.Task.WaitAsync(Wait, Ct);
        await picker.Find("input").InputAsync(new ChangeEventArgs { Value = "swo" });
        await popovers.WaitForAssertionAsync(() => Assert.Equal(["Sword"], Names(popovers)), Wait);

        gate.Release.SetResult();
        await gate.Answered.Task.WaitAsync(Wait, Ct);
        // The late answer's remaining work (no more I/O) runs through the renderer's dispatcher: let it drain, then look again.
        for (var turn = 0; turn < 5; turn++)
        {
            await Task.Yield();
            await autocomplete.InvokeAsync(() => { });
        }
        Assert.Equal(["Sword"], Names(popovers));
        Assert.Equal("swo", picker.Find("input").GetAttribute("value"));
    }

    static List<string> Names(IRenderedComponent<MudPopoverProvider> popovers) =>
        popovers.FindAll(".mud-list-item").Select(o => o.TextContent.Replace("wpn_sword", "").Replace("arm_swamp_boots", "").Trim()).ToList();
}
