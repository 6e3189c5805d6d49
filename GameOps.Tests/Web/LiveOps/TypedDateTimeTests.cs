using GameOps.Web.Services.LiveOps;

namespace GameOps.Tests.Web.LiveOps;

/// <summary>Issue 16: start and end are typed in the staff member's zone; a bad value is refused with a message, never clamped.</summary>
public sealed class TypedDateTimeTests
{
    static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Theory]
    [InlineData("2026-12-20 19:00", "2026-12-20T18:00:00Z")] // winter: UTC+1
    [InlineData("2026-07-14 9:30", "2026-07-14T07:30:00Z")] // summer: UTC+2
    [InlineData("2026-07-14T21:15", "2026-07-14T19:15:00Z")]
    [InlineData("2026-12-20", "2026-12-19T23:00:00Z")]
    [InlineData("2026-10-25 02:30", "2026-10-25T00:30:00Z")] // happens twice: the first (summer time)
    public void A_typed_local_time_is_read_in_the_staff_zone(string typed, string expectedUtc)
    {
        Assert.True(TypedDateTime.TryParse(typed, Paris, "Start", out var utc, out var error), error);
        Assert.Equal(DateTime.Parse(expectedUtc, null, System.Globalization.DateTimeStyles.AdjustToUniversal), utc);
        Assert.Equal(DateTimeKind.Utc, utc!.Value.Kind);
    }

    [Theory]
    [InlineData("2026-13-45 19:00", "Start: \"2026-13-45 19:00\" is not a date and time; type it as yyyy-MM-dd HH:mm, e.g. 2026-12-20 19:00.")]
    [InlineData("tomorrow", "Start: \"tomorrow\" is not a date and time; type it as yyyy-MM-dd HH:mm, e.g. 2026-12-20 19:00.")]
    [InlineData("2026-02-30 10:00", "Start: \"2026-02-30 10:00\" is not a date and time; type it as yyyy-MM-dd HH:mm, e.g. 2026-12-20 19:00.")]
    [InlineData("2026-03-29 02:30", "Start: 2026-03-29 02:30 does not exist in Europe/Paris (the clocks skip it); choose another time.")]
    public void An_invalid_or_skipped_time_is_refused_with_a_message(string typed, string message)
    {
        Assert.False(TypedDateTime.TryParse(typed, Paris, "Start", out var utc, out var error));
        Assert.Null(utc);
        Assert.Equal(message, error);
    }

    [Fact]
    public void Blank_is_no_value_and_a_stored_time_shows_in_the_zone()
    {
        Assert.True(TypedDateTime.TryParse("  ", Paris, "End", out var utc, out _));
        Assert.Null(utc);
        Assert.Equal("2026-12-20 19:00", TypedDateTime.Show(new DateTime(2026, 12, 20, 18, 0, 0, DateTimeKind.Utc), Paris));
    }
}
