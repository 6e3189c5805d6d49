namespace GameOps.Web.Services.Moderation;

/// <summary>Small display helpers shared by the moderation pages.</summary>
public static class ModerationFormat
{
    public static string Age(TimeSpan age) => age.TotalMinutes < 1 ? "just now"
        : age.TotalHours < 1 ? $"{(int)age.TotalMinutes} min"
        : age.TotalDays < 2 ? $"{(int)age.TotalHours} h"
        : $"{(int)age.TotalDays} d {age.Hours} h";

    public static string When(DateTime? at) => at is { } d ? d.ToString("yyyy-MM-dd HH:mm") + " UTC" : "—";

    public static string Priority(int priority) => priority switch { 1 => "urgent", 2 => "normal", 3 => "low", _ => priority.ToString() };

    public static string Duration(int? minutes) => minutes switch
    {
        null => "permanent",
        < 60 => $"{minutes} min",
        < 1440 when minutes % 60 == 0 => $"{minutes / 60} h",
        _ when minutes % 1440 == 0 => $"{minutes / 1440} d",
        _ => $"{minutes / 60.0:0.#} h",
    };

    public static string Words(string? value) => value?.Replace('_', ' ') ?? "";

}
