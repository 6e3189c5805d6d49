using Bunit;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Components.Shared;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace GameOps.Tests.Web.Components;

/// <summary>Player emails and IP addresses are masked for everyone; revealing one is a deliberate click, only for roles that need it, and audited.</summary>
public sealed class PersonalValueTests
{
    static async Task<(BunitContext Context, TestDatabase Db, Player Player)> ArrangeAsync(string role)
    {
        var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var player = new Player
        {
            Id = Guid.NewGuid(), Username = "quiet_fox", Email = "quiet.fox@players.local", PasswordHash = "x", Status = "active",
            CreatedAt = RowBuilder.BaseTime,
        };
        await using (var context = db.CreateContext())
        {
            context.Players.Add(player);
            await context.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }
        var ctx = ComponentContexts.SignedIn(db, role);
        return (ctx, db, player);
    }

    static async Task<List<StaffAuditEntry>> RevealsAsync(TestDatabase db)
    {
        await using var context = db.CreateContext();
        return await context.StaffAuditLogs.AsNoTracking().Where(a => a.Action == PersonalDataAccess.RevealAction).ToListAsync(Xunit.TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_manager_sees_emails_masked_and_has_nothing_to_reveal_them_with()
    {
        var (ctx, db, _) = await ArrangeAsync(StaffRoles.Manager);
        await using var _db = db;
        await using var _ctx = ctx;
        var players = ctx.Services.GetRequiredService<ResourceCatalog>().For<Player>();

        var list = ctx.Render<ResourceList>(p => p.Add(x => x.Resource, players));

        list.WaitForAssertion(() => Assert.Contains("quiet_fox", list.Markup), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("quiet.fox@players.local", list.Markup); // not even in an attribute: the value never reaches the browser
        Assert.Contains("q••••••••@players.local", list.Markup);
        Assert.Empty(list.FindAll("[data-testid=reveal]"));
    }

    [Fact]
    public async Task A_moderator_reveals_one_email_with_a_click_and_the_reveal_is_audited()
    {
        var (ctx, db, player) = await ArrangeAsync(StaffRoles.Moderator);
        await using var _db = db;
        await using var _ctx = ctx;
        var players = ctx.Services.GetRequiredService<ResourceCatalog>().For<Player>();

        var list = ctx.Render<ResourceList>(p => p.Add(x => x.Resource, players));
        list.WaitForAssertion(() => Assert.NotEmpty(list.FindAll("[data-testid=reveal]")), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("quiet.fox@players.local", list.Markup); // masked until the deliberate click
        Assert.Empty(await RevealsAsync(db));

        await list.InvokeAsync(() => list.Find("[data-testid=reveal]").Click());

        list.WaitForAssertion(() => Assert.Contains("quiet.fox@players.local", list.Find("[data-testid=personal-value-revealed]").TextContent));
        var reveal = Assert.Single(await RevealsAsync(db));
        Assert.Equal("users", reveal.EntityType);
        Assert.Equal(player.Id.ToString(), reveal.EntityKey);
        Assert.Contains("email", reveal.Changes);
        Assert.Equal("moderator@tests.local", reveal.StaffEmail);
    }

    [Fact]
    public async Task A_role_without_the_permission_cannot_reveal_even_by_calling_the_service()
    {
        var (ctx, db, player) = await ArrangeAsync(StaffRoles.Manager);
        await using var _db = db;
        await using var _ctx = ctx;

        var revealed = await ctx.Services.GetRequiredService<PersonalDataAccess>().RevealAsync("users", player.Id.ToString(), "email");

        Assert.False(revealed);
        Assert.Empty(await RevealsAsync(db));
    }

    [Fact]
    public async Task A_revealed_value_is_masked_again_when_the_component_is_handed_another_rows_value()
    {
        var (ctx, db, player) = await ArrangeAsync(StaffRoles.Moderator);
        await using var _db = db;
        await using var _ctx = ctx;
        var value = ctx.Render<PersonalValue>(p => p.Add(x => x.Value, player.Email).Add(x => x.EntityType, "users")
            .Add(x => x.EntityKey, player.Id.ToString()).Add(x => x.Field, "email"));
        value.WaitForAssertion(() => Assert.NotEmpty(value.FindAll("[data-testid=reveal]")));
        await value.InvokeAsync(() => value.Find("[data-testid=reveal]").Click());
        value.WaitForAssertion(() => Assert.Contains(player.Email, value.Markup));

        // A grid reuses its cells' components by position: after a sort the same component shows another player's email.
        value.Render(p => p.Add(x => x.Value, "other.owl@players.local").Add(x => x.EntityKey, Guid.NewGuid().ToString()));

        Assert.DoesNotContain("other.owl@players.local", value.Markup);
        Assert.Contains("o••••••••@players.local", value.Markup);
        Assert.Single(await RevealsAsync(db));
    }

    [Fact]
    public async Task After_a_reveal_a_sort_that_moves_another_player_into_that_row_shows_their_email_masked()
    {
        var (ctx, db, player) = await ArrangeAsync(StaffRoles.Moderator);
        await using var _db = db;
        await using var _ctx = ctx;
        var other = new Player
        {
            Id = Guid.NewGuid(), Username = "amber_owl", Email = "amber.owl@players.local", PasswordHash = "x", Status = "active",
            CreatedAt = RowBuilder.BaseTime.AddDays(-1), // older: second by the default newest-first order, first by username
        };
        await using (var context = db.CreateContext())
        {
            context.Players.Add(other);
            await context.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        }
        var players = ctx.Services.GetRequiredService<ResourceCatalog>().For<Player>();
        var list = ctx.Render<ResourceList>(p => p.Add(x => x.Resource, players));
        list.WaitForAssertion(() => Assert.Equal(2, list.FindAll("[data-testid=reveal]").Count), TimeSpan.FromSeconds(10));
        Assert.Contains("quiet_fox", list.FindAll("tbody tr")[0].TextContent);

        await list.InvokeAsync(() => list.FindAll("[data-testid=reveal]")[0].Click());
        list.WaitForAssertion(() => Assert.Contains("quiet.fox@players.local", list.Markup));

        await list.InvokeAsync(() => list.FindAll("th .sortable-column-header").First(h => h.TextContent.Contains("Username")).Click());
        list.WaitForAssertion(() => Assert.Contains("amber_owl", list.FindAll("tbody tr")[0].TextContent), TimeSpan.FromSeconds(10));

        Assert.DoesNotContain("amber.owl@players.local", list.Markup); // revealed by no one: it must not show because its row was
        Assert.Contains("quiet.fox@players.local", list.Markup);       // the one revealed stays revealed, in its new place
        Assert.Single(await RevealsAsync(db));
    }

    [Fact]
    public async Task The_reveal_button_has_MudIconButtons_own_markup_so_it_looks_and_reads_like_the_other_icon_buttons()
    {
        await using var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        var nothing = EventCallback.Factory.Create(this, () => { });
        var ours = ctx.Render(PersonalValueMarkup.Render("quiet.fox@players.local", revealed: false, "email", nothing)).Find("button");

        var mud = ctx.Render<MudIconButton>(b => b.Add(x => x.Icon, Icons.Material.Outlined.Visibility).Add(x => x.Size, Size.Small)
            .Add(x => x.Class, "ml-1 pa-0").Add(x => x.OnClick, () => { })
            .AddUnmatched("aria-label", ours.GetAttribute("aria-label")).AddUnmatched("title", ours.GetAttribute("title"))).Find("button");

        Assert.Equal(MarkupShape.Of(mud), MarkupShape.Of(ours));
        Assert.Equal("Reveal email", ours.GetAttribute("aria-label"));
    }
}
