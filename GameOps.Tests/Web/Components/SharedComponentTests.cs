using System.Security.Claims;
using Bunit;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Components.Shared;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using GameOps.Web.Services.Shell;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace GameOps.Tests.Web.Components;

/// <summary>The shared list and edit shells every workspace reuses, rendered with bUnit over a real SQLite database.</summary>
public sealed class SharedComponentTests
{
    static async Task<(BunitContext Context, TestDatabase Db)> ArrangeAsync(string role, params Item[] items)
    {
        var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using (var context = db.CreateContext())
        {
            context.Items.AddRange(items);
            await context.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }
        var ctx = ComponentContexts.SignedIn(db, role);
        return (ctx, db);
    }

    static Item NewItem(string key, string name, string rarity = "common") => new()
    {
        Id = Guid.NewGuid(), ItemId = key, Name = name, ItemType = "weapon", Rarity = rarity, StackSize = 1, IsActive = true, Value = 10,
    };

    [Fact]
    public async Task The_list_shows_the_resource_columns_and_rows_from_the_database()
    {
        var (ctx, db) = await ArrangeAsync(StaffRoles.Designer, NewItem("sword_iron", "Iron Sword"), NewItem("shield_oak", "Oak Shield"));
        await using var _ = db;
        await using var __ = ctx;
        var items = ctx.Services.GetRequiredService<ResourceCatalog>().For<Item>();

        var list = ctx.Render<ResourceList>(p => p.Add(x => x.Resource, items));

        list.WaitForAssertion(() => Assert.Contains("Iron Sword", list.Markup), TimeSpan.FromSeconds(10));
        Assert.Contains("Oak Shield", list.Markup);
        Assert.Contains("2 rows", list.Find("[data-testid=row-count]").TextContent);
        Assert.Contains("Rarity", list.Markup); // a configured column header
        Assert.NotEmpty(list.FindAll("[data-testid=new-row]")); // designers may create items
    }

    [Fact]
    public async Task Roles_without_write_permission_get_no_create_button()
    {
        var (ctx, db) = await ArrangeAsync(StaffRoles.Manager, NewItem("sword_iron", "Iron Sword"));
        await using var _ = db;
        await using var __ = ctx;
        var items = ctx.Services.GetRequiredService<ResourceCatalog>().For<Item>();

        var list = ctx.Render<ResourceList>(p => p.Add(x => x.Resource, items));

        list.WaitForAssertion(() => Assert.Contains("Iron Sword", list.Markup), TimeSpan.FromSeconds(10));
        Assert.Empty(list.FindAll("[data-testid=new-row]"));
    }

    [Fact]
    public async Task Untrusted_text_is_rendered_as_text_never_as_markup()
    {
        var (ctx, db) = await ArrangeAsync(StaffRoles.Designer, NewItem("xss", "<script>alert(1)</script>"));
        await using var _ = db;
        await using var __ = ctx;
        var items = ctx.Services.GetRequiredService<ResourceCatalog>().For<Item>();

        var list = ctx.Render<ResourceList>(p => p.Add(x => x.Resource, items));

        list.WaitForAssertion(() => Assert.Contains("&lt;script&gt;", list.Markup), TimeSpan.FromSeconds(10));
        Assert.Empty(list.FindAll("script"));
    }

    [Fact]
    public void A_field_over_its_length_shows_the_limit_at_the_field()
    {
        using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        var resource = new ResourceCatalog(GameOpsDatabase.CreateContext(new DatabaseOptions()).Model, []).For<Item>();
        var state = new EditState(resource, NewItem("a", "A"), isNew: false);

        state.Set(resource.Field(nameof(Item.Name)), new string('x', 200));
        var editor = ctx.Render<FieldEditor>(p => p.Add(x => x.Field, resource.Field(nameof(Item.Name))).Add(x => x.State, state));

        Assert.Contains("the most it can hold is 128", editor.Markup);
        Assert.True(state.IsDirty);
    }

    [Fact]
    public void The_json_editor_refuses_text_that_does_not_fit_the_shape()
    {
        using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        var resource = new ResourceCatalog(GameOpsDatabase.CreateContext(new DatabaseOptions()).Model, []).For<Item>();
        var item = NewItem("a", "A");
        var state = new EditState(resource, item, isNew: false);
        var editor = ctx.Render<JsonEditor>(p => p.Add(x => x.Field, resource.Field(nameof(Item.Effects))).Add(x => x.State, state));

        editor.Find("textarea").Input("[{\"type\": \"heal\", \"amount\": \"lots\"");

        // The editor debounces typing, so the check lands a moment later.
        editor.WaitForAssertion(() => Assert.True(state.Errors.ContainsKey(nameof(Item.Effects)), "broken JSON must be reported at the field"), TimeSpan.FromSeconds(5));
        Assert.Empty(item.Effects); // and the entity keeps its last valid value
    }
}
