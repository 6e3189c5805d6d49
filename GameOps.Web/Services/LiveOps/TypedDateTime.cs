using System.Globalization;

namespace GameOps.Web.Services.LiveOps;

/// <summary>
/// A date and time typed by a staff member in their own time zone ("2026-12-20 19:00"), read to UTC or refused with a message
/// for the field: never clamped, never guessed across a daylight-saving gap.
/// </summary>
public static class TypedDateTime
{
    public const string Format = "yyyy-MM-dd HH:mm";
    static readonly string[] Accepted = ["yyyy-MM-dd HH:mm", "yyyy-MM-dd H:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd"];

    /// <summary>The UTC instant as the staff member reads it in <paramref name="zone"/>.</summary>
    public static string Show(DateTime? utc, TimeZoneInfo zone) =>
        utc is { } u ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(u, DateTimeKind.Utc), zone).ToString(Format, CultureInfo.InvariantCulture) : "";

    /// <summary>
    /// Reads <paramref name="text"/> (blank: no value) as a local time in <paramref name="zone"/>. A time that does not exist there
    /// (skipped by a spring-forward change) is refused; one that happens twice (autumn) is the first of the two.
    /// </summary>
    public static bool TryParse(string? text, TimeZoneInfo zone, string label, out DateTime? utc, out string? error)
    {
        utc = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateTime.TryParseExact(text.Trim(), Accepted, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            error = $"{label}: \"{text.Trim()}\" is not a date and time; type it as {Format}, e.g. 2026-12-20 19:00.";
            return false;
        }
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            error = $"{label}: {local.ToString(Format, CultureInfo.InvariantCulture)} does not exist in {ZoneName(zone)} (the clocks skip it); choose another time.";
            return false;
        }
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        utc = DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        return true;
    }

    public static string ZoneName(TimeZoneInfo zone) => zone == TimeZoneInfo.Utc ? "UTC" : zone.Id;
}
