using Bunit;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Components.Shared;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Components;

/// <summary>
/// A list's filters live in a panel that renders only while open (its inputs, the date pickers above all, were a third
/// of an open list's circuit memory); closed, each active filter shows as a chip that says what it filters and removes it.
/// </summary>
public sealed class ResourceListFiltersTests
{
    static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    static async Task<TestDatabase> TwoItemsAsync()
    {
        var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var context = db.CreateContext();
        context.Items.AddRange(
            new Item { Id = Guid.NewGuid(), ItemId = "sword_iron", Name = "Iron Sword", ItemType = "weapon", Rarity = "common", StackSize = 1, IsActive = true, Value = 10, LevelRequirement = 5 },
            new Item { Id = Guid.NewGuid(), ItemId = "sword_mithril", Name = "Mithril Sword", ItemType = "weapon", Rarity = "epic", StackSize = 1, IsActive = true, Value = 900, LevelRequirement = 40 });
        await context.SaveChangesAsync(Ct);
        return db;
    }

    [Fact]
    public async Task The_filter_inputs_are_not_rendered_until_the_panel_is_opened()
    {
        await using var db = await TwoItemsAsync();
        await using var ctx = ComponentContexts.SignedIn(db, StaffRoles.Designer);
        var items = ctx.Services.GetRequiredService<ResourceCatalog>().For<Item>();

        var list = ctx.Render<ResourceList>(p => p.Add(x => x.Resource, items));
        list.WaitForAssertion(() => Assert.Contains("Mithril Sword", list.Markup), TimeSpan.FromSeconds(30));

        Assert.Empty(list.FindAll("[data-testid=filters-panel]"));
        Assert.Empty(list.FindAll("[data-testid^=filter-LevelRequirement]")); // nothing of the panel is in the render tree
        Assert.Equal("false", list.Find("[data-testid=toggle-filters]").GetAttribute("aria-expanded"));

        await list.InvokeAsync(() => list.Find("[data-testid=toggle-filters]").Click()); // find and click in one render: a re-render between them renews the handler

        Assert.NotEmpty(list.FindAll("[data-testid=filters-panel] [data-testid=filter-LevelRequirement-min]"));
        Assert.Equal("true", list.Find("[data-testid=toggle-filters]").GetAttribute("aria-expanded"));
    }

    [Fact]
    public async Task A_closed_panel_shows_each_active_filter_as_a_chip_and_closing_the_chip_removes_the_filter()
    {
        await using var db = await TwoItemsAsync();
        await using var ctx = ComponentContexts.SignedIn(db, StaffRoles.Designer);
        var items = ctx.Services.GetRequiredService<ResourceCatalog>().For<Item>();
        var list = ctx.Render<ResourceList>(p => p.Add(x => x.Resource, items));
        list.WaitForAssertion(() => Assert.Contains("Iron Sword", list.Markup), TimeSpan.FromSeconds(30));

        await list.InvokeAsync(() => list.Find("[data-testid=toggle-filters]").Click());
        await list.InvokeAsync(() => list.Find("input[data-testid=filter-LevelRequirement-min], [data-testid=filter-LevelRequirement-min] input").Input("20"));
        list.WaitForAssertion(() => Assert.DoesNotContain("Iron Sword", list.Markup), TimeSpan.FromSeconds(30));
        await list.InvokeAsync(() => list.Find("[data-testid=toggle-filters]").Click());

        list.WaitForAssertion(() => Assert.Empty(list.FindAll("[data-testid=filters-panel]")), TimeSpan.FromSeconds(30));
        var chip = list.Find("[data-testid=filter-chip-LevelRequirement]");
        Assert.Contains("Level Requirement: from 20", chip.TextContent);
        Assert.Contains("Filters (1)", list.Find("[data-testid=toggle-filters]").TextContent);
        Assert.Contains("Mithril Sword", list.Markup); // the filter still applies with the panel closed

        await list.InvokeAsync(() => list.Find("[data-testid=filter-chip-LevelRequirement] button").Click());

        list.WaitForAssertion(() => Assert.Contains("Iron Sword", list.Markup), TimeSpan.FromSeconds(30));
        Assert.Empty(list.FindAll("[data-testid=filter-chip-LevelRequirement]"));
        Assert.DoesNotContain("Filters (", list.Find("[data-testid=toggle-filters]").TextContent);
    }
}
