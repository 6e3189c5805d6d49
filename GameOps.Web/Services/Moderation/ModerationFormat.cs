namespace GameOps.Web.Services.Moderation;

/// <summary>The words of a sanction's confirmation.</summary>
public sealed record DestructiveWording(string Consequence, string ActionLabel, IReadOnlyList<string> Details);

/// <summary>Small display helpers shared by the moderation pages.</summary>
public static class ModerationFormat
{
    public static string Age(TimeSpan age) => age.TotalMinutes < 1 ? "just now"
        : age.TotalHours < 1 ? $"{(int)age.TotalMinutes} min"
        : age.TotalDays < 2 ? $"{(int)age.TotalHours} h"
        : $"{(int)age.TotalDays} d {age.Hours} h";

    public static string When(DateTime? at) => at is { } d ? d.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC" : "—";

    /// <summary>A UTC time in the staff member's zone ("2026-12-06 15:00 Europe/Paris"); UTC when they chose none.</summary>
    public static string When(DateTime? at, TimeZoneInfo? zone)
    {
        if (at is not { } d) return "—";
        if (zone is null || zone.Id is "UTC" or "Etc/UTC") return When(d);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(d, DateTimeKind.Utc), zone);
        return local.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " " + zone.Id;
    }

    /// <summary>The staff member's zone from their account setting, or null (UTC).</summary>
    public static TimeZoneInfo? Zone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;

    /// <summary>Date and time of a chat line: context can span days, so the time alone reads out of order.</summary>
    public static string Stamp(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    public static string Priority(int priority) => priority switch { 1 => "urgent", 2 => "normal", 3 => "low", _ => priority.ToString() };

    /// <summary>"3 days", "1 day 12 hours", "90 minutes" — never a bare number of minutes.</summary>
    public static string Duration(int? minutes)
    {
        if (minutes is not { } m) return "permanent";
        if (m < 60 || (m < 1440 && m % 60 != 0 && m < 180)) return Plural(m, "minute");
        var days = m / 1440;
        var hours = (int)Math.Round((m % 1440) / 60.0);
        if (hours == 24) (days, hours) = (days + 1, 0);
        return days == 0 ? Plural(hours, "hour") : hours == 0 ? Plural(days, "day") : $"{Plural(days, "day")} {Plural(hours, "hour")}";
    }

    static string Plural(int count, string unit) => $"{count} {unit}{(count == 1 ? "" : "s")}";

    /// <summary>The confirmation of a sanction: what happens to whom ("Ban Wolf1999 for 3 days") and what follows from it.</summary>
    public static DestructiveWording Sanction(SanctionKind kind, string username, int? minutes, int openSessions, DateTime now, TimeZoneInfo? zone)
    {
        var sessions = openSessions == 1 ? "1 open session ends" : $"{openSessions} open sessions end";
        var until = minutes is { } m ? $" (until {When(now.AddMinutes(m), zone)})" : "";
        return kind switch
        {
            SanctionKind.TempBan => new($"Ban {username} for {Duration(minutes)}", "Ban",
                [$"{sessions}; the account is suspended{until}.", "The player is told why, in game."]),
            SanctionKind.PermBan => new($"Ban {username} permanently", "Ban permanently",
                [$"{sessions}; the account is banned until a moderator lifts it.", "The player is told why, in game."]),
            SanctionKind.Kick => new($"Kick {username}", "Kick", [$"{sessions}; they can sign in again at once.", "The player is told why, in game."]),
            SanctionKind.Mute => new($"Mute {username} for {Duration(minutes)}", "Mute", [$"They cannot post in any channel{until}.", "The player is told why, in game."]),
            SanctionKind.DeleteMessage => new($"Delete {username}'s message", "Delete message", ["The message is hidden from every channel; it stays in the evidence."]),
            _ => new($"{kind.Label()} {username}", kind.Label(), []),
        };
    }

    public static string Words(string? value) => value?.Replace('_', ' ') ?? "";

}
