using GameOps.Web.Services.LiveOps;

namespace GameOps.Tests.Web.LiveOps;

/// <summary>Cron and one-off schedules: parsing, validation messages, next runs in time zones and across Europe/Paris' daylight-saving changes.</summary>
public sealed class EventSchedulingTests
{
    static DateTime Utc(int y, int m, int d, int h = 0, int min = 0) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    static ScheduleDraft Cron(string expression, string zone = "Europe/Paris", int minutes = 60) =>
        new() { ScheduleType = ScheduleDraft.Recurring, CronExpression = expression, TimeZone = zone, DurationMinutes = minutes };

    [Fact]
    public void Saturdays_at_18_Paris_are_17_UTC_in_winter_and_16_UTC_in_summer()
    {
        var winter = EventScheduling.Next(Cron("0 18 * * 6"), Utc(2026, 11, 25), 5);
        Assert.Equal([Utc(2026, 11, 28, 17), Utc(2026, 12, 5, 17), Utc(2026, 12, 12, 17), Utc(2026, 12, 19, 17), Utc(2026, 12, 26, 17)], winter.Select(o => o.StartUtc));
        Assert.All(winter, o => Assert.Equal(TimeSpan.FromMinutes(60), o.EndUtc - o.StartUtc));
        var summer = EventScheduling.Next(Cron("0 18 * * 6"), Utc(2026, 6, 1), 1);
        Assert.Equal(Utc(2026, 6, 6, 16), summer.Single().StartUtc);
        var tokyo = EventScheduling.Next(Cron("0 18 * * 6", "Asia/Tokyo"), Utc(2026, 11, 25), 1);
        Assert.Equal(Utc(2026, 11, 28, 9), tokyo.Single().StartUtc);
    }

    [Fact]
    public void Spring_forward_in_Paris_runs_a_skipped_time_once_when_the_clocks_jump()
    {
        // 2026-03-29: 02:00 CET jumps to 03:00 CEST, so 02:30 does not exist that night.
        var runs = EventScheduling.Occurrences(Cron("30 2 * * *"), Utc(2026, 3, 28), Utc(2026, 3, 31));
        Assert.Equal([Utc(2026, 3, 28, 1, 30), Utc(2026, 3, 29, 1, 0), Utc(2026, 3, 30, 0, 30)], runs.Select(o => o.StartUtc));
    }

    [Fact]
    public void Fall_back_in_Paris_runs_a_repeated_time_once()
    {
        // 2026-10-25: 03:00 CEST falls back to 02:00 CET, so 02:30 happens twice; the rule runs at the first.
        var runs = EventScheduling.Occurrences(Cron("30 2 * * *"), Utc(2026, 10, 24), Utc(2026, 10, 27));
        Assert.Equal([Utc(2026, 10, 24, 0, 30), Utc(2026, 10, 25, 0, 30), Utc(2026, 10, 26, 1, 30)], runs.Select(o => o.StartUtc));
        // An evening rule keeps its wall-clock time on both sides of the change.
        var evenings = EventScheduling.Occurrences(Cron("0 18 * * *"), Utc(2026, 10, 24), Utc(2026, 10, 26));
        Assert.Equal([Utc(2026, 10, 24, 16), Utc(2026, 10, 25, 17)], evenings.Select(o => o.StartUtc));
    }

    [Theory]
    [InlineData("", "Enter a cron expression")]
    [InlineData("   ", "Enter a cron expression")]
    [InlineData("* * * *", "5 fields")]
    [InlineData("0 0 18 * * 6", "5 fields")]
    [InlineData("61 18 * * 6", "Not a valid cron expression")]
    [InlineData("0 25 * * *", "Not a valid cron expression")]
    [InlineData("0 18 * * Funday", "Not a valid cron expression")]
    [InlineData("every saturday at 6", "5 fields")]
    public void Invalid_expressions_are_refused_at_the_cron_field(string expression, string message)
    {
        var issue = Assert.Single(EventScheduling.Validate(Cron(expression)));
        Assert.Equal(nameof(ScheduleDraft.CronExpression), issue.Field);
        Assert.Contains(message, issue.Message);
        Assert.Empty(EventScheduling.Next(Cron(expression), Utc(2026, 11, 25)));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons", "Unknown time zone")]
    [InlineData("Europe/Pariss", "Unknown time zone")]
    [InlineData("", "Choose the time zone")]
    public void Unknown_time_zones_are_refused_at_the_zone_field(string zone, string message)
    {
        var issue = Assert.Single(EventScheduling.Validate(Cron("0 18 * * 6", zone)));
        Assert.Equal(nameof(ScheduleDraft.TimeZone), issue.Field);
        Assert.Contains(message, issue.Message);
    }

    [Fact]
    public void Durations_windows_and_one_off_schedules_are_checked()
    {
        Assert.Equal(nameof(ScheduleDraft.DurationMinutes), Assert.Single(EventScheduling.Validate(Cron("0 18 * * 6", minutes: 0))).Field);
        var backwards = new ScheduleDraft { ScheduleType = ScheduleDraft.OneOff, WindowStart = Utc(2026, 12, 2), WindowEnd = Utc(2026, 12, 1) };
        Assert.Equal(nameof(ScheduleDraft.WindowEnd), Assert.Single(EventScheduling.Validate(backwards)).Field);
        var missing = new ScheduleDraft { ScheduleType = ScheduleDraft.OneOff };
        Assert.Equal(2, EventScheduling.Validate(missing).Count);

        var oneOff = new ScheduleDraft { ScheduleType = ScheduleDraft.OneOff, WindowStart = Utc(2026, 12, 1, 18), WindowEnd = Utc(2026, 12, 1, 20) };
        Assert.Equal(Utc(2026, 12, 1, 18), EventScheduling.NextRun(oneOff, Utc(2026, 11, 25)));
        Assert.Null(EventScheduling.NextRun(oneOff, Utc(2026, 12, 1, 19)));
    }

    [Fact]
    public void Next_run_respects_the_recurrence_window_and_the_active_flag()
    {
        var bounded = Cron("0 18 * * 6");
        bounded.WindowStart = Utc(2026, 12, 1);
        bounded.WindowEnd = Utc(2026, 12, 13);
        Assert.Equal([Utc(2026, 12, 5, 17), Utc(2026, 12, 12, 17)], EventScheduling.Next(bounded, Utc(2026, 11, 1), 5).Select(o => o.StartUtc));
        Assert.Null(EventScheduling.NextRun(bounded, Utc(2026, 12, 12, 18)));
        bounded.IsActive = false;
        Assert.Null(EventScheduling.NextRun(bounded, Utc(2026, 11, 1)));
        Assert.Equal("Saturdays at 18:00 Europe/Paris", EventScheduling.Describe(Cron("0 18 * * 6")));
    }

    [Fact]
    public void A_weekly_rule_runs_only_inside_its_events_window()
    {
        // The event runs Dec 20–27; "Fridays 19:00 Paris" gives one run, Dec 25 (18:00 UTC), not Dec 4 nor weekly into January.
        var friday = Cron("0 19 * * 5").ForEvent(Utc(2026, 12, 20), Utc(2026, 12, 27));
        Assert.Empty(EventScheduling.Validate(friday));
        Assert.Equal([Utc(2026, 12, 25, 18)], EventScheduling.Next(friday, Utc(2026, 12, 1), 5).Select(o => o.StartUtc));
        Assert.Equal(Utc(2026, 12, 25, 18), EventScheduling.NextRun(friday, Utc(2026, 12, 1)));
        Assert.Null(EventScheduling.NextRun(friday, Utc(2026, 12, 25, 19)));
        Assert.Equal([Utc(2026, 12, 25, 18)], EventScheduling.Occurrences(friday, Utc(2026, 11, 1), Utc(2027, 2, 1)).Select(o => o.StartUtc));
    }

    [Fact]
    public void A_run_that_would_end_after_the_event_is_not_a_run()
    {
        // Daily 21:30 Paris (20:30 UTC) for 3 hours, the event ends Dec 22 22:00 UTC: the Dec 22 run would end after it.
        var nightly = Cron("30 21 * * *", minutes: 180).ForEvent(Utc(2026, 12, 20), Utc(2026, 12, 22, 22));
        Assert.Equal([Utc(2026, 12, 20, 20, 30), Utc(2026, 12, 21, 20, 30)], EventScheduling.Occurrences(nightly, Utc(2026, 12, 1), Utc(2027, 1, 1)).Select(o => o.StartUtc));
        // Ending exactly with the event is fine.
        var exact = Cron("0 20 * * *", "UTC", 120).ForEvent(Utc(2026, 12, 20), Utc(2026, 12, 21, 22));
        Assert.Equal([Utc(2026, 12, 20, 20), Utc(2026, 12, 21, 20)], EventScheduling.Occurrences(exact, Utc(2026, 12, 1), Utc(2027, 1, 1)).Select(o => o.StartUtc));
    }

    [Fact]
    public void A_rule_with_no_run_inside_the_event_is_refused_and_says_why()
    {
        // Dec 21–23 2026 is Monday to Wednesday: no Saturday.
        var saturdays = Cron("0 18 * * 6").ForEvent(Utc(2026, 12, 21), Utc(2026, 12, 23));
        var issue = Assert.Single(EventScheduling.Validate(saturdays));
        Assert.Equal(nameof(ScheduleDraft.CronExpression), issue.Field);
        Assert.Contains("No run of this rule fits inside the event (Mon 2026-12-21 00:00 → Wed 2026-12-23 00:00 UTC)", issue.Message);
        Assert.Empty(EventScheduling.Next(saturdays, Utc(2026, 12, 1)));

        var outside = new ScheduleDraft { ScheduleType = ScheduleDraft.OneOff, TimeZone = "UTC", WindowStart = Utc(2026, 12, 19), WindowEnd = Utc(2026, 12, 22) }
            .ForEvent(Utc(2026, 12, 20), Utc(2026, 12, 27));
        Assert.Equal(nameof(ScheduleDraft.WindowStart), Assert.Single(EventScheduling.Validate(outside)).Field);
        // Saved before the event moved: drawn clipped to the event.
        Assert.Equal([new Occurrence(Utc(2026, 12, 20), Utc(2026, 12, 22))], EventScheduling.Occurrences(outside, Utc(2026, 12, 1), Utc(2027, 1, 1)));
    }

    [Fact]
    public void Event_windows_across_daylight_saving_changes_keep_the_wall_clock_in_New_York_and_Paris()
    {
        // New York springs forward 2026-03-08: 19:00 EST is 00:00 UTC the next day, 19:00 EDT is 23:00 UTC.
        // The event starts at 00:00 UTC on Mar 6, which is Mar 5 19:00 in New York: that run is inside it.
        var newYork = Cron("0 19 * * *", "America/New_York").ForEvent(Utc(2026, 3, 6), Utc(2026, 3, 10));
        Assert.Equal([Utc(2026, 3, 6, 0), Utc(2026, 3, 7, 0), Utc(2026, 3, 8, 0), Utc(2026, 3, 8, 23), Utc(2026, 3, 9, 23)],
            EventScheduling.Occurrences(newYork, Utc(2026, 3, 1), Utc(2026, 4, 1)).Select(o => o.StartUtc));
        // Paris falls back 2026-10-25; the event window ends on Monday 01:00 UTC, so Monday's 02:30 (01:30 UTC) is outside it.
        var paris = Cron("30 2 * * *", minutes: 30).ForEvent(Utc(2026, 10, 24), Utc(2026, 10, 26, 1));
        Assert.Equal([Utc(2026, 10, 24, 0, 30), Utc(2026, 10, 25, 0, 30)], EventScheduling.Occurrences(paris, Utc(2026, 10, 1), Utc(2026, 11, 1)).Select(o => o.StartUtc));
    }
}
