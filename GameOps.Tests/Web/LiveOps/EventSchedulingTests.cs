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
}
