using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.E2E.Infrastructure;
using GameOps.E2E.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Journeys;

/// <summary>Live-ops staff clone last month's event, schedule it inside its window and find it on the calendar; the pages pass axe.</summary>
public sealed class LiveOpsJourney(AppServer app, BrowserFixture browser) : JourneyTest(app, browser)
{
    [Fact]
    public async Task LiveOps_clones_last_months_event_schedules_it_weekly_and_sees_it_on_the_calendar()
    {
        var suffix = TestData.UniqueSuffix();
        var original = await CreateLastMonthsEventAsync($"e2e_{suffix}_siege", $"E2E Siege {suffix}");
        await new LoginPage(Page).SignInAsAsync("LiveOps");

        // Clone from the events list.
        var list = await ResourceListPage.OpenAsync(Page, "/liveops/events");
        await list.SearchAsync($"e2e_{suffix}", expectedRows: 1);
        await StepAsync("events-list");
        await Page.Locator("[data-testid=clone-row]").ClickAsync();
        await Page.WaitForLocationAsync(new Regex(@"/liveops/events/(?!" + original + @")[0-9a-f-]{36}$"));
        var detail = new LiveOpsEventPage(Page);
        await Page.WaitForRenderQuietAsync();
        await Expect(detail.Title).ToContainTextAsync($"E2E Siege {suffix} (copy)");
        await Expect(detail.Status).ToHaveTextAsync("draft");
        await Expect(detail.Rewards.Locator("[data-testid=reward-row]")).ToHaveCountAsync(1);
        await Expect(detail.ScheduleRows).ToHaveCountAsync(1);
        await StepAsync("cloned");

        // Type and category come from the managed lists (labels shown); start and end are typed in the staff member's zone,
        // and a date that is no date is refused at the field, never clamped.
        await Expect(detail.EventType).ToHaveValueAsync("Guild war");
        await detail.ChooseCategoryAsync("PvE");
        var start = await detail.DateInput("StartTime").InputValueAsync();
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$", start);
        await detail.TypeDateAsync("StartTime", "2026-13-45 19:00");
        await Expect(detail.DateMessage("StartTime")).ToContainTextAsync("is not a date and time; type it as yyyy-MM-dd HH:mm");
        await StepAsync("typed-date-refused");
        await detail.TypeDateAsync("StartTime", start);
        await Expect(detail.DateMessage("StartTime")).Not.ToContainTextAsync("is not a date and time");
        await detail.Save.ClickAsync();
        await Expect(Page.Locator(".mud-snackbar").Filter(new() { HasText = "Event saved." })).ToBeVisibleAsync();
        await Expect(detail.Category).ToHaveValueAsync("PvE");
        await StepAsync("kinds-and-dates-saved");

        // A colleague (another tab) changes the reward tier while this one is open: saving over it opens the conflict
        // dialog with both versions, and "load theirs" shows the colleague's value; nothing is lost silently.
        var colleaguePage = await Context.NewPageAsync();
        var colleague = new LiveOpsEventPage(colleaguePage);
        await colleague.GotoAsync(new Uri(Page.Url).PathAndQuery);
        await Expect(colleague.Rewards.Locator("[data-testid=reward-row]")).ToHaveCountAsync(1);
        await colleague.SaveFirstRewardQuantityAsync("4");
        await Expect(colleague.Rewards.Locator("[data-testid=rewards-save]")).ToBeDisabledAsync();
        await colleaguePage.CloseAsync();
        await detail.SaveFirstRewardQuantityAsync("2");
        await Expect(detail.ConflictDialog).ToContainTextAsync("Someone else saved this event's reward tiers");
        await Expect(detail.ConflictDialog).ToContainTextAsync("2 × ");
        await Expect(detail.ConflictDialog).ToContainTextAsync("4 × ");
        await StepAsync("rewards-conflict");
        await detail.ConflictDialog.Locator("[data-testid=conflict-reload]").ClickAsync();
        await Expect(Inputs.Of(detail.Rewards, "reward-quantity")).ToHaveValueAsync("4");

        // A weekly rule inside a three-hour event: a rule with no run inside it is refused and says why,
        // a Saturday-evening rule gives exactly the one run that fits (not weekly for ever).
        await detail.AddScheduleAsync();
        await detail.ChooseScheduleZoneAsync("Europe/Paris");
        await detail.FillScheduleAsync("cron", "0 19 * * 3");
        await detail.FillScheduleAsync("duration", "60"); // leaving the cron field commits it
        await Expect(Page.Locator("[data-testid=schedule-editor]")).ToContainTextAsync("No run of this rule fits inside the event");
        await StepAsync("schedule-refused");
        await detail.FillScheduleAsync("cron", "0 19 * * 6");
        await detail.FillScheduleAsync("duration", "60");
        await Expect(detail.Preview).ToContainTextAsync("Saturdays at 19:00 Europe/Paris");
        await Expect(detail.Occurrences).ToHaveCountAsync(1);
        var firstUtc = await detail.OccurrencesUtc.First.InnerTextAsync();
        Assert.Matches(@"^Sat \d{4}-\d{2}-\d{2} 1[78]:00$", firstUtc); // 19:00 Paris is 18:00 UTC in winter, 17:00 in summer
        await StepAsync("schedule-preview");
        await detail.SaveScheduleAsync();
        await Expect(detail.ScheduleRows).ToHaveCountAsync(2);
        await Expect(detail.Schedules).ToContainTextAsync("Saturdays at 19:00 Europe/Paris");
        await Expect(detail.ScheduleRows.Nth(1)).ToContainTextAsync(firstUtc); // the list's next run is the preview's
        await StepAsync("scheduled-weekly");

        // Next Saturday shows it on the month calendar (or behind its "+N more").
        var saturday = DateTime.ParseExact(firstUtc[4..14], "yyyy-MM-dd", null);
        var calendar = await LiveOpsCalendarPage.OpenAsync(Page, saturday);
        // The demo data fills some days beyond what a month cell lists; then the item is behind the day's "+N more".
        var item = await calendar.RevealItemOnAsync(saturday, $"E2E Siege {suffix} (copy)");
        await StepAsync("calendar");
        await DocsScreenshots.SaveAsync(Page, "event-calendar-recurring", fullPage: false);
        await item.ClickAsync();
        await Page.WaitForLocationAsync(new Regex(@"/liveops/events/[0-9a-f-]{36}$"));
        await Expect(detail.Title).ToContainTextAsync("(copy)");
    }

    [Fact]
    public async Task Events_list_event_detail_and_calendar_have_no_serious_violations()
    {
        var suffix = TestData.UniqueSuffix();
        var id = await CreateLastMonthsEventAsync($"e2e_{suffix}_a11y", $"E2E A11y Event {suffix}");
        await new LoginPage(Page).SignInAsAsync("LiveOps");

        await ResourceListPage.OpenAsync(Page, "/liveops/events");
        // Type and category show the managed lists' labels; the stored key is on hover.
        var labelled = Page.Locator("[data-testid=resource-grid] span[data-key]").First;
        await Expect(labelled).ToHaveAttributeAsync("title", new Regex("^key: [a-z0-9_]+$"));
        await Expect(labelled).Not.ToHaveTextAsync(new Regex("_"));
        await StepAsync("events");
        await ExpectNoSeriousViolationsAsync("events list");

        var detail = await LiveOpsEventPage.OpenAsync(Page, $"/liveops/events/{id}");
        await Expect(detail.Participation).ToContainTextAsync("Completion rate");
        await StepAsync("event");
        await ExpectNoSeriousViolationsAsync("event detail");

        var calendar = await LiveOpsCalendarPage.OpenAsync(Page, DateTime.UtcNow.Date);
        await Expect(calendar.Items.First).ToBeVisibleAsync();
        await StepAsync("calendar");
        await ExpectNoSeriousViolationsAsync("calendar");
    }

    /// <summary>The shared axe check: moderate, serious and critical violations fail.</summary>
    Task ExpectNoSeriousViolationsAsync(string what) => Page.AssertAccessibleAsync(what);

    /// <summary>A designer gives a quest its giver: the NPC picker offers NPC spawn points only, and the choice is saved.</summary>
    [Fact]
    public async Task A_designer_picks_a_quests_giver_among_the_npc_spawn_points()
    {
        var suffix = TestData.UniqueSuffix();
        var quest = await App.CreateQuestAsync($"e2e_{suffix}_giver", $"E2E Giver Quest {suffix}");
        var ct = TestContext.Current.CancellationToken;
        SpawnPoint npc;
        await using (var scope = App.Services.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync(ct))
            npc = await db.SpawnPoints.AsNoTracking().Where(s => s.SpawnType == "npc").OrderBy(s => s.SpawnId).FirstAsync(ct);
        await new LoginPage(Page).SignInAsAsync("Designer");

        var edit = await ResourceEditPage.OpenAsync(Page, $"/design/quests/{quest.Id}");
        await Expect(edit.Title).ToContainTextAsync(quest.Title);
        var giver = new NpcSpawnPickerPage(Page);
        await giver.SearchAsync(npc.SpawnId);
        await Expect(giver.Options.Filter(new() { HasText = npc.SpawnId })).ToHaveCountAsync(1);
        await giver.ChooseAsync(npc.SpawnId);
        await edit.SaveAsync();
        await StepAsync("quest-giver");

        await using var check = App.Services.CreateAsyncScope();
        await using var after = await check.ServiceProvider.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync(ct);
        Assert.Equal(npc.Id, (await after.Quests.AsNoTracking().SingleAsync(q => q.Id == quest.Id, ct)).NpcId);
    }

    /// <summary>An ended event that ran on a Saturday about a month ago, with one reward tier and its one-off window.</summary>
    async Task<Guid> CreateLastMonthsEventAsync(string key, string name)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync();
        var day = DateTime.UtcNow.Date.AddDays(-30);
        while (day.DayOfWeek != DayOfWeek.Saturday) day = day.AddDays(-1);
        var start = DateTime.SpecifyKind(day.AddHours(17), DateTimeKind.Utc);
        var now = DateTime.UtcNow;
        var ev = new GameEvent
        {
            Id = Guid.CreateVersion7(), EventId = key, Name = name, EventType = "guild_war", Category = "pvp", Status = "ended", StartTime = start,
            EndTime = start.AddHours(3), Duration = 180, Settings = "{}", CreatedAt = now, UpdatedAt = now,
        };
        db.Events.Add(ev);
        var item = (await App.CreateItemAsync(key + "_prize", name + " Trophy")).Id;
        db.EventRewards.Add(new EventReward { Id = Guid.CreateVersion7(), EventId = ev.Id, ItemId = item, Quantity = 1, ConditionType = "rank", RankMin = 1, RankMax = 1, CreatedAt = now, UpdatedAt = now });
        db.EventSchedules.Add(new EventSchedule
        {
            Id = Guid.CreateVersion7(), EventId = ev.Id, ScheduleType = "one_off", TimeZone = "UTC", WindowStart = ev.StartTime, WindowEnd = ev.EndTime,
            DurationMinutes = 180, IsActive = false, CreatedAt = now, UpdatedAt = now,
        });
        await db.SaveChangesAsync();
        return ev.Id;
    }
}
