using Bunit;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Components.Pages.Design.Editors;
using GameOps.Web.Security;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace GameOps.Tests.Web.Components;

/// <summary>A picker found through another field than the option's label says which field matched, as Ctrl+K does.</summary>
public sealed class PickerMatchedInTests
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task An_item_found_by_its_key_says_the_key_matched_and_one_found_by_its_name_says_nothing_more()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using (var context = db.CreateContext())
        {
            context.Items.AddRange(
                new Item { Id = Guid.NewGuid(), ItemId = "wpn_mithril_sword", Name = "Moonblade", ItemType = "weapon", Rarity = "epic", StackSize = 1, IsActive = true, Value = 10 },
                new Item { Id = Guid.NewGuid(), ItemId = "wpn_oak_bow", Name = "Oak Bow of Mithril", ItemType = "weapon", Rarity = "common", StackSize = 1, IsActive = true, Value = 5 });
            await context.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }
        await using var ctx = ComponentContexts.SignedIn(db, StaffRoles.LiveOps);
        var popovers = ctx.Render<MudPopoverProvider>();
        var picker = ctx.Render<KeyPicker>(p => p.Add(x => x.Entity, typeof(Item)).Add(x => x.KeyField, nameof(Item.ItemId)).Add(x => x.Label, "Item").Add(x => x.TestId, "picker"));

        await picker.Find("input").InputAsync(new ChangeEventArgs { Value = "mithril" });

        await popovers.WaitForAssertionAsync(() => Assert.Equal(2, popovers.FindAll(".mud-list-item").Count), Wait);
        var options = popovers.FindAll(".mud-list-item");
        var byKey = Assert.Single(options, o => o.TextContent.Contains("Moonblade"));
        Assert.Contains("wpn_mithril_sword", byKey.QuerySelector("[data-testid=matched-in]")?.TextContent ?? "(no matched-in line)");
        var byName = Assert.Single(options, o => o.TextContent.Contains("Oak Bow of Mithril"));
        Assert.Null(byName.QuerySelector("[data-testid=matched-in]")); // the label itself matched: nothing to explain
    }
}
