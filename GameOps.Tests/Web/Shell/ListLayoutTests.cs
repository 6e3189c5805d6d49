using Bunit;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Tests.Web.Moderation;
using GameOps.Web.Components.Shared;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using GameOps.Web.Services.Shell;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Shell;

/// <summary>A staff member's own choice of columns and row density, remembered per list and per person.</summary>
public sealed class ListLayoutTests
{
    static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    /// <summary>A staff account <c>{name}@tests.local</c> (<see cref="ModerationArrange.NewStaff"/>), saved.</summary>
    static async Task<StaffUser> AddStaffAsync(TestDatabase db, string name)
    {
        var staff = ModerationArrange.NewStaff(name);
        await using var context = db.CreateContext();
        context.Users.Add(staff);
        await context.SaveChangesAsync(Ct);
        return staff;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_layout_is_saved_per_staff_member_and_per_list_and_saving_again_replaces_it(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var alice = await AddStaffAsync(db, "alice");
        var bob = await AddStaffAsync(db, "bob");
        await using var asAlice = WebServices.Build(db, WebServices.Staff(StaffRoles.Designer, alice.Id, alice.Email));
        await using var asBob = WebServices.Build(db, WebServices.Staff(StaffRoles.Designer, bob.Id, bob.Email));
        var alicePreferences = asAlice.GetRequiredService<StaffPreferences>();

        await alicePreferences.SaveListLayoutAsync("items", new ListLayout(new HashSet<string> { "Rarity", "Value" }, Compact: true), Ct);
        await alicePreferences.SaveListLayoutAsync("items", new ListLayout(new HashSet<string> { "Value" }, Compact: false), Ct);

        var saved = await alicePreferences.ListLayoutAsync("items", Ct);
        Assert.Equal(["Value"], saved.HiddenColumns.Order());
        Assert.False(saved.Compact, "the second save did not replace the first");
        Assert.Empty((await alicePreferences.ListLayoutAsync("quests", Ct)).HiddenColumns); // another list keeps every column
        Assert.Empty((await asBob.GetRequiredService<StaffPreferences>().ListLayoutAsync("items", Ct)).HiddenColumns); // another person too
    }

    [Fact]
    public async Task Nobody_signed_in_gets_the_default_layout_and_saves_nothing()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var services = WebServices.Build(db);
        var preferences = services.GetRequiredService<StaffPreferences>();

        await preferences.SaveListLayoutAsync("items", new ListLayout(new HashSet<string> { "Value" }, true), Ct);

        Assert.Same(ListLayout.Default, await preferences.ListLayoutAsync("items", Ct));
        await using var context = db.CreateContext();
        Assert.Empty(context.StaffListLayouts);
    }

    [Fact]
    public async Task The_list_hides_the_columns_its_viewer_hid_but_never_the_identity_column()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var staff = await AddStaffAsync(db, "designer");
        await using (var context = db.CreateContext())
        {
            context.Items.Add(new Item { Id = Guid.NewGuid(), ItemId = "sword_iron", Name = "Iron Sword", ItemType = "weapon", Rarity = "common", StackSize = 1, IsActive = true, Value = 10 });
            await context.SaveChangesAsync(Ct);
        }
        await using var ctx = ComponentContexts.SignedIn(db, StaffRoles.Designer, staff);
        var items = ctx.Services.GetRequiredService<ResourceCatalog>().For<Item>();
        var identity = items.Field(items.ListColumns[0]);
        await ctx.Services.GetRequiredService<StaffPreferences>()
            .SaveListLayoutAsync(items.Slug, new ListLayout(new HashSet<string> { "Rarity", identity.Name }, Compact: true), Ct);

        var list = ctx.Render<ResourceList>(p => p.Add(x => x.Resource, items));

        list.WaitForAssertion(() => Assert.Contains("Iron Sword", list.Markup), TimeSpan.FromSeconds(10));
        var headers = list.FindAll("[data-testid=resource-grid] thead th").Select(h => h.TextContent.Trim()).ToList();
        Assert.DoesNotContain("Rarity", headers);
        Assert.Contains(identity.Label, headers); // hiding the identity column is ignored: the row would lose its link
        Assert.NotEmpty(list.FindAll(".list-compact"));
    }
}
