using Bunit;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Components.Pages.LiveOps;
using GameOps.Web.Components.Shared;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using GameOps.Web.Services.LiveOps;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace GameOps.Tests.Web.LiveOps;

/// <summary>
/// Issue 16: the event editor's type and category show labels from the managed lists and keep a retired value (marked), and
/// start/end accept a typed date and time in the staff member's zone, refusing a bad one at the field instead of clamping it.
/// </summary>
public sealed class EventBasicsEditorTests
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    static readonly IReadOnlyList<EventKindOption> Kinds =
    [
        new(EventKind.TypeKind, "guild_war", "Guild war", true), new(EventKind.TypeKind, "masquerade", "Masquerade", false),
        new(EventKind.CategoryKind, "pvp", "PvP", true), new(EventKind.CategoryKind, "pve", "PvE", true),
    ];

    [Fact]
    public async Task A_retired_type_is_shown_marked_a_bad_typed_start_is_refused_at_the_field_and_a_good_one_is_read_in_the_staff_zone()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var ctx = ComponentContexts.SignedIn(db, StaffRoles.LiveOps);
        ctx.Render<MudPopoverProvider>();
        var resource = ctx.Services.GetRequiredService<ResourceCatalog>().For<GameEvent>();
        var ev = new GameEvent { Id = Guid.NewGuid(), EventId = "evt_x", Name = "X", EventType = "masquerade", Category = "pvp", Status = "draft",
            StartTime = new DateTime(2026, 12, 20, 18, 0, 0, DateTimeKind.Utc), EndTime = new DateTime(2026, 12, 20, 21, 0, 0, DateTimeKind.Utc) };
        var state = new EditState(resource, ev, isNew: false);
        var editor = ctx.Render<EventBasicsEditor>(p => p.Add(x => x.State, state).Add(x => x.Kinds, Kinds).Add(x => x.StaffTimeZone, "Europe/Paris"));

        Assert.Contains("Masquerade (retired)", editor.Find("[data-testid=field-EventType]").OuterHtml.Replace("&#x27;", "'"));
        Assert.Contains("no longer offered", editor.Markup);
        var start = editor.Find("[data-testid=event-basics] input[data-testid=field-StartTime], [data-testid=field-StartTime] input");
        Assert.Equal("2026-12-20 19:00", start.GetAttribute("value")); // 18:00 UTC is 19:00 in Paris in December

        await start.ChangeAsync(new ChangeEventArgs { Value = "2026-13-45 19:00" });
        await editor.WaitForAssertionAsync(() => Assert.Contains("is not a date and time; type it as yyyy-MM-dd HH:mm", editor.Markup), Wait);
        Assert.Equal(new DateTime(2026, 12, 20, 18, 0, 0, DateTimeKind.Utc), ev.StartTime); // not clamped, not changed
        Assert.True(state.Errors.ContainsKey(nameof(GameEvent.StartTime))); // the shell refuses to save while it is there

        start = editor.Find("[data-testid=event-basics] input[data-testid=field-StartTime], [data-testid=field-StartTime] input");
        await start.ChangeAsync(new ChangeEventArgs { Value = "2026-07-14 09:30" });
        await editor.WaitForAssertionAsync(() => Assert.Equal(new DateTime(2026, 7, 14, 7, 30, 0, DateTimeKind.Utc), ev.StartTime), Wait);
        Assert.False(state.Errors.ContainsKey(nameof(GameEvent.StartTime)));
        Assert.DoesNotContain("is not a date and time", editor.Markup);
    }
}
