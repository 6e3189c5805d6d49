using Bunit;
using GameOps.Web.Components.Pages.LiveOps;
using GameOps.Web.Services.LiveOps;
using MudBlazor.Services;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;

namespace GameOps.Tests.Web.LiveOps;

/// <summary>The schedule editor's messages at the fields and its preview of the next runs.</summary>
public sealed class ScheduleEditorTests
{
    static readonly DateTime Now = new(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

    static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        return ctx;
    }

    [Fact]
    public async Task A_valid_rule_previews_five_runs_in_the_rule_zone_the_viewer_zone_and_UTC()
    {
        await using var ctx = NewContext();
        var draft = new ScheduleDraft { CronExpression = "0 18 * * 6", TimeZone = "Europe/Paris", DurationMinutes = 180 };
        var cut = ctx.Render<ScheduleEditor>(p => p.Add(x => x.Draft, draft).Add(x => x.ViewerTimeZone, "America/New_York").Add(x => x.Now, Now));
        var rows = cut.FindAll("[data-testid=schedule-occurrence]");
        Assert.Equal(5, rows.Count);
        Assert.Contains("Sat 2026-11-28 18:00", rows[0].TextContent);   // Paris
        Assert.Contains("Sat 2026-11-28 12:00", rows[0].TextContent);   // New York
        Assert.Equal("Sat 2026-11-28 17:00", cut.FindAll("[data-testid=schedule-occurrence-utc]")[0].TextContent);
        Assert.Contains("Saturdays at 18:00 Europe/Paris", cut.Find("[data-testid=schedule-preview]").TextContent);
        Assert.True(cut.Instance.IsValid);
    }

    [Fact]
    public async Task An_invalid_expression_and_an_unknown_zone_are_shown_at_their_fields()
    {
        await using var ctx = NewContext();
        var draft = new ScheduleDraft { CronExpression = "0 18 * *", TimeZone = "Europe/Pariss", DurationMinutes = 60 };
        var cut = ctx.Render<ScheduleEditor>(p => p.Add(x => x.Draft, draft).Add(x => x.Now, Now));
        Assert.Contains("A cron expression has 5 fields", cut.Markup);
        Assert.Contains("mud-input-error", cut.Markup);
        Assert.Contains("Unknown time zone \"Europe/Pariss\"", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=schedule-occurrence]"));
        Assert.Contains("Fix the highlighted fields", cut.Find("[data-testid=schedule-preview]").TextContent);
        Assert.False(cut.Instance.IsValid);

        // Typing a valid expression clears its message and, once the zone is fixed, the runs appear.
        cut.FindAll("[data-testid=schedule-cron] input, input[data-testid=schedule-cron]")[0].Input("0 18 * * 6");
        Assert.DoesNotContain("A cron expression has 5 fields", cut.Markup);
        draft.TimeZone = "Europe/Paris";
        cut.Render(p => p.Add(x => x.Draft, draft));
        Assert.Equal(5, cut.FindAll("[data-testid=schedule-occurrence]").Count);
    }

    [Fact]
    public async Task Tabbing_through_the_rule_does_not_open_the_time_zone_list_over_the_next_fields()
    {
        await using var ctx = NewContext();
        var draft = new ScheduleDraft { CronExpression = "0 18 * * 6", TimeZone = "Europe/Paris", DurationMinutes = 60 };
        var cut = ctx.Render<ScheduleEditor>(p => p.Add(x => x.Draft, draft).Add(x => x.Now, Now));
        var zone = cut.FindComponent<MudAutocomplete<string>>();

        await zone.Find("input").FocusAsync(new FocusEventArgs());

        // A list opened by focus alone answers its search after the person has tabbed on, and then hangs open over the fields below.
        Assert.False(zone.Instance.Open, "focus alone opened the time-zone list");
    }
}
