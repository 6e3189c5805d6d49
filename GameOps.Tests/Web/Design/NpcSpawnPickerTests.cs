using Bunit;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Data.Json;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Auditing;
using GameOps.Web.Components.Pages.Design;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using GameOps.Web.Services.World;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace GameOps.Tests.Web.Design;

/// <summary>
/// The quest editor's NPC picker (quests.npc_id among the spawn points of type npc): it finds by spawn key, entity or zone, hands
/// the chosen spawn's id back, never shows an earlier search's late answer, and says so at the field when the role cannot see
/// the world (the service's own permission check) instead of failing.
/// </summary>
public sealed class NpcSpawnPickerTests
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    static async Task<TestDatabase> WorldAsync()
    {
        var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var now = DateTime.UtcNow;
        SpawnPoint Spawn(string key, string type, string entity) => new()
        {
            Id = Guid.NewGuid(), SpawnId = key, ZoneId = "zone_harbor", SpawnType = type, EntityId = entity, IsActive = true,
            Coordinates = new MapPoint { X = 1, Y = 2 }, CreatedAt = now, UpdatedAt = now,
        };
        await using var context = db.CreateContext();
        context.WorldZones.Add(new WorldZone { Id = Guid.NewGuid(), ZoneId = "zone_harbor", Name = "Harbor", ZoneType = "city", LevelRangeMin = 1, LevelRangeMax = 10, IsActive = true, CreatedAt = now, UpdatedAt = now });
        context.SpawnPoints.AddRange(Spawn("npc_blacksmith", "npc", "blacksmith_tom"), Spawn("npc_baker", "npc", "baker_ann"), Spawn("mob_bat", "monster", "bat"));
        await context.SaveChangesAsync(Ct);
        return db;
    }

    static List<string> Options(IRenderedComponent<MudPopoverProvider> popovers) =>
        popovers.FindAll(".mud-list-item").Select(o => o.TextContent.Trim().Split(' ')[0]).ToList();

    [Fact]
    public async Task Typing_finds_npc_spawns_by_key_entity_or_zone_and_choosing_one_hands_back_its_id()
    {
        await using var db = await WorldAsync();
        await using var ctx = ComponentContexts.SignedIn(db, StaffRoles.Designer);
        ctx.Services.AddWorldWorkspace();
        var popovers = ctx.Render<MudPopoverProvider>();
        Guid? chosen = null;
        var picker = ctx.Render<NpcSpawnPicker>(p => p.Add(x => x.ValueChanged, EventCallback.Factory.Create<Guid?>(this, v => chosen = v)));

        await picker.Find("input").InputAsync(new ChangeEventArgs { Value = "tom" });
        await popovers.WaitForAssertionAsync(() => Assert.Equal(["npc_blacksmith"], Options(popovers)), Wait);

        await picker.Find("input").InputAsync(new ChangeEventArgs { Value = "harbor" });
        await popovers.WaitForAssertionAsync(() => Assert.Equal(["npc_baker", "npc_blacksmith"], Options(popovers)), Wait); // the monster is not offered

        await popovers.FindAll(".mud-list-item").Single(o => o.TextContent.Contains("npc_baker")).ClickAsync(new());
        await picker.WaitForAssertionAsync(() => Assert.NotNull(chosen), Wait);
        await using var check = db.CreateContext();
        Assert.Equal("npc_baker", check.SpawnPoints.Single(s => s.Id == chosen).SpawnId);
    }

    [Fact]
    public async Task An_earlier_search_that_answers_after_a_later_one_never_replaces_the_later_results()
    {
        await using var db = await WorldAsync();
        await using var ctx = ComponentContexts.SignedIn(db, StaffRoles.Designer);
        ctx.Services.AddWorldWorkspace();
        var gate = HeldSearch.ForParameter(v => v is "b" or "%b%");
        ctx.Services.AddGameOpsData(db.Options, (sp, o) => o.AddInterceptors(sp.GetRequiredService<StaffAuditInterceptor>(), sp.GetRequiredService<TableVersionInterceptor>(), gate));
        var popovers = ctx.Render<MudPopoverProvider>();
        var picker = ctx.Render<NpcSpawnPicker>();
        var autocomplete = picker.FindComponent<MudAutocomplete<NpcSpawnOption>>();

        await picker.Find("input").InputAsync(new ChangeEventArgs { Value = "b" });
        await gate.Held.Task.WaitAsync(Wait, Ct);
        await picker.Find("input").InputAsync(new ChangeEventArgs { Value = "bak" });
        await popovers.WaitForAssertionAsync(() => Assert.Equal(["npc_baker"], Options(popovers)), Wait);

        gate.Release.SetResult();
        await gate.Answered.Task.WaitAsync(Wait, Ct);
        for (var turn = 0; turn < 5; turn++)
        {
            await Task.Yield();
            await autocomplete.InvokeAsync(() => { });
        }
        Assert.Equal(["npc_baker"], Options(popovers));
        Assert.Equal("bak", picker.Find("input").GetAttribute("value"));
    }

    [Fact]
    public async Task A_role_that_cannot_see_the_world_is_told_so_at_the_field_and_offered_nothing()
    {
        await using var db = await WorldAsync();
        await using var ctx = ComponentContexts.SignedIn(db, "NoRole");
        ctx.Services.AddWorldWorkspace();
        var popovers = ctx.Render<MudPopoverProvider>();
        var picker = ctx.Render<NpcSpawnPicker>();

        await picker.Find("input").InputAsync(new ChangeEventArgs { Value = "b" });

        await picker.WaitForAssertionAsync(() => Assert.Contains("Your role cannot see the world's spawn points", picker.Markup), Wait);
        Assert.Empty(popovers.FindAll(".mud-list-item"));
        var queries = ctx.Services.GetRequiredService<WorldQueries>();
        await Assert.ThrowsAsync<PermissionDeniedException>(() => queries.NpcSpawnsAsync("b", ct: Ct));
    }
}
