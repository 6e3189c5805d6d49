using Cronos;
using GameOps.Web.Resources;

namespace GameOps.Web.Services.LiveOps;

/// <summary>What an <c>event_schedules</c> row says, as the editor and the service exchange it.</summary>
public sealed class ScheduleDraft
{
    public const string OneOff = "one_off";
    public const string Recurring = "recurring";

    public Guid? Id { get; set; }
    public string ScheduleType { get; set; } = Recurring;
    public string? CronExpression { get; set; }
    public string? TimeZone { get; set; } = "UTC";
    /// <summary>One-off: the window. Recurring: optional bounds of the recurrence (UTC).</summary>
    public DateTime? WindowStart { get; set; }
    public DateTime? WindowEnd { get; set; }
    public int? DurationMinutes { get; set; } = 60;
    public bool IsActive { get; set; } = true;
    /// <summary>The event's own window (not stored on the schedule): runs start at or after its start and end by its end.</summary>
    public DateTime? EventStart { get; set; }
    public DateTime? EventEnd { get; set; }

    /// <summary>A stored schedule as the editor holds it.</summary>
    public static ScheduleDraft Of(GameOps.Data.Entities.EventSchedule row) => new()
    {
        Id = row.Id, ScheduleType = row.ScheduleType, CronExpression = row.CronExpression, TimeZone = row.TimeZone, WindowStart = row.WindowStart,
        WindowEnd = row.WindowEnd, DurationMinutes = row.DurationMinutes, IsActive = row.IsActive,
    };

    /// <summary>The fields a person edits that differ between <paramref name="mine"/> and <paramref name="theirs"/> (next run is the server's).</summary>
    public static IReadOnlyList<GameOps.Web.Resources.ConflictDifference> Changes(ScheduleDraft mine, ScheduleDraft theirs) =>
        GameOps.Web.Resources.ConflictDifference.Of(
        [
            ("Type", mine.ScheduleType, theirs.ScheduleType),
            ("Cron expression", mine.CronExpression?.Trim(), theirs.CronExpression?.Trim()),
            ("Time zone", mine.TimeZone?.Trim(), theirs.TimeZone?.Trim()),
            ("Window start", mine.WindowStart is { } a ? EventScheduling.Utc(a) : null, theirs.WindowStart is { } b ? EventScheduling.Utc(b) : null),
            ("Window end", mine.WindowEnd is { } c ? EventScheduling.Utc(c) : null, theirs.WindowEnd is { } d ? EventScheduling.Utc(d) : null),
            ("Duration (minutes)", mine.DurationMinutes, theirs.DurationMinutes),
            ("Active", mine.IsActive, theirs.IsActive),
        ]);

    public ScheduleDraft Copy() => (ScheduleDraft)MemberwiseClone();

    /// <summary>The same schedule bound to its event's window.</summary>
    public ScheduleDraft ForEvent(DateTime? eventStart, DateTime? eventEnd)
    {
        var copy = (ScheduleDraft)MemberwiseClone();
        (copy.EventStart, copy.EventEnd) = (eventStart, eventEnd);
        return copy;
    }
}

/// <summary>A field-level problem (<see cref="Field"/> is the ScheduleDraft property) or a form-level one.</summary>

/// <summary>One run of a schedule, in UTC.</summary>
public sealed record Occurrence(DateTime StartUtc, DateTime EndUtc);

/// <summary>
/// Parses and validates schedules and computes their occurrences with Cronos. Cron expressions are the standard
/// five fields (minute hour day-of-month month day-of-week) evaluated in the schedule's IANA time zone, so
/// "0 18 * * 6" in Europe/Paris is 18:00 Paris time all year round (16:00 or 17:00 UTC). Across daylight-saving
/// changes Cronos runs a time skipped by the spring change once, at the first valid instant after the gap, and a
/// time repeated by the autumn change once (the first of the two).
/// </summary>
public static class EventScheduling
{
    public const int MaxDurationMinutes = 60 * 24 * 90;

    public static TimeZoneInfo? FindZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;

    /// <summary>IANA ids offered by the time-zone pickers.</summary>
    public static IReadOnlyList<string> ZoneIds { get; } = TimeZoneInfo.GetSystemTimeZones()
        .Select(z => TimeZoneInfo.TryConvertWindowsIdToIanaId(z.Id, out var iana) ? iana : z.Id)
        .Append("UTC").Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The parsed expression, or the reason it is not one.</summary>
    public static (CronExpression? Expression, string? Error) ParseCron(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, "Enter a cron expression, e.g. 0 18 * * 6 (Saturdays 18:00).");
        var trimmed = text.Trim();
        var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields != 5 && !trimmed.StartsWith('@'))
            return (null, $"A cron expression has 5 fields (minute hour day-of-month month day-of-week); this one has {fields}.");
        try
        {
            return (CronExpression.Parse(trimmed, CronFormat.Standard), null);
        }
        catch (CronFormatException e)
        {
            return (null, $"Not a valid cron expression: {e.Message}");
        }
    }

    /// <summary>Every problem: the rule's own and, when the event's window is known, runs that would fall outside it.</summary>
    public static IReadOnlyList<ValidationIssue> Validate(ScheduleDraft draft) => Validate(draft, withEventWindow: true);

    static List<ValidationIssue> Validate(ScheduleDraft draft, bool withEventWindow)
    {
        var issues = new List<ValidationIssue>();
        if (draft.ScheduleType == ScheduleDraft.OneOff)
        {
            if (draft.WindowStart is null) issues.Add(new(nameof(draft.WindowStart), "A one-off window needs a start."));
            if (draft.WindowEnd is null) issues.Add(new(nameof(draft.WindowEnd), "A one-off window needs an end."));
            if (draft.WindowStart is { } s && draft.WindowEnd is { } e && e <= s) issues.Add(new(nameof(draft.WindowEnd), "The end must be after the start."));
            if (!string.IsNullOrWhiteSpace(draft.TimeZone) && FindZone(draft.TimeZone) is null)
                issues.Add(new(nameof(draft.TimeZone), $"Unknown time zone \"{draft.TimeZone}\": use an IANA id such as Europe/Paris."));
            if (withEventWindow && issues.Count == 0 && draft.EventStart is { } es && draft.WindowStart < es)
                issues.Add(new(nameof(draft.WindowStart), $"The window starts before the event ({Window(es, draft.EventEnd ?? es)}): it must lie inside it."));
            if (withEventWindow && issues.Count == 0 && draft.EventEnd is { } ee && draft.WindowEnd > ee)
                issues.Add(new(nameof(draft.WindowEnd), $"The window ends after the event ({Window(draft.EventStart ?? ee, ee)}): it must lie inside it."));
            return issues;
        }
        if (draft.ScheduleType != ScheduleDraft.Recurring)
        {
            issues.Add(new(nameof(draft.ScheduleType), "Choose one-off or recurring."));
            return issues;
        }
        if (ParseCron(draft.CronExpression).Error is { } cronError) issues.Add(new(nameof(draft.CronExpression), cronError));
        if (string.IsNullOrWhiteSpace(draft.TimeZone)) issues.Add(new(nameof(draft.TimeZone), "Choose the time zone the expression is read in."));
        else if (FindZone(draft.TimeZone) is null) issues.Add(new(nameof(draft.TimeZone), $"Unknown time zone \"{draft.TimeZone}\": use an IANA id such as Europe/Paris."));
        if (draft.DurationMinutes is not { } minutes || minutes <= 0) issues.Add(new(nameof(draft.DurationMinutes), "Each run needs a duration in minutes (more than zero)."));
        else if (minutes > MaxDurationMinutes) issues.Add(new(nameof(draft.DurationMinutes), "A run cannot last more than 90 days."));
        if (draft.WindowStart is { } from && draft.WindowEnd is { } until && until <= from)
            issues.Add(new(nameof(draft.WindowEnd), "The recurrence must end after it starts."));
        if (withEventWindow && issues.Count == 0 && draft.EventEnd is { } eventEnd && draft.EventStart is { } eventStart
            && Expand(draft, eventStart, eventEnd, 1).Count == 0)
            issues.Add(new(nameof(draft.CronExpression),
                $"No run of this rule fits inside the event ({Window(eventStart, eventEnd)}): each run must start and end within it. " +
                "Change the rule, its duration or the recurrence window, or the event's dates."));
        return issues;
    }

    static string Window(DateTime start, DateTime end) =>
        $"{start.ToString("ddd yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} → {end.ToString("ddd yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC";

    /// <summary>
    /// The runs that start in [fromUtc, toUtc) — or, for one-off windows, that overlap it — at most <paramref name="limit"/>.
    /// The one occurrence calculator: the schedule preview, the event's "next run", the calendar and the runner all use it.
    /// A run of a recurring schedule starts inside the recurrence window and the event's window and ends by the event's end.
    /// </summary>
    public static IReadOnlyList<Occurrence> Occurrences(ScheduleDraft draft, DateTime fromUtc, DateTime toUtc, int limit = 500) =>
        Validate(draft, withEventWindow: false).Count > 0 ? [] : Expand(draft, fromUtc, toUtc, limit);

    static IReadOnlyList<Occurrence> Expand(ScheduleDraft draft, DateTime fromUtc, DateTime toUtc, int limit)
    {
        if (draft.ScheduleType == ScheduleDraft.OneOff)
        {
            // A one-off window saved before its event moved is clipped to the event.
            var start = Utc(Max(draft.WindowStart!.Value, draft.EventStart ?? DateTime.MinValue));
            var end = Utc(Min(draft.WindowEnd!.Value, draft.EventEnd ?? DateTime.MaxValue));
            return end > start && start < toUtc && end > fromUtc ? [new Occurrence(start, end)] : [];
        }
        var expression = ParseCron(draft.CronExpression).Expression!;
        var zone = FindZone(draft.TimeZone)!;
        var duration = TimeSpan.FromMinutes(draft.DurationMinutes!.Value);
        var from = Utc(Max(Max(fromUtc, draft.WindowStart ?? DateTime.MinValue), draft.EventStart ?? DateTime.MinValue));
        var to = Utc(Min(toUtc, draft.WindowEnd ?? DateTime.MaxValue));
        // The last run may start at (event end - duration) and still end with the event.
        if (draft.EventEnd is { } eventEnd) to = Min(to, Utc(eventEnd) - duration + TimeSpan.FromTicks(1));
        if (to <= from) return [];
        return expression.GetOccurrences(from, to, zone, fromInclusive: true, toInclusive: false)
            .Take(limit).Select(start => new Occurrence(start, start + duration)).ToList();
    }

    /// <summary>The next <paramref name="count"/> runs starting after <paramref name="nowUtc"/>.</summary>
    public static IReadOnlyList<Occurrence> Next(ScheduleDraft draft, DateTime nowUtc, int count = 5)
    {
        if (draft.ScheduleType == ScheduleDraft.OneOff)
            return Occurrences(draft, nowUtc, DateTime.MaxValue).Where(o => o.StartUtc > nowUtc).ToList();
        return Occurrences(draft, nowUtc.AddTicks(1), draft.WindowEnd ?? DateTime.MaxValue.AddYears(-1), count);
    }

    /// <summary>The value kept in <c>event_schedules.next_run</c>: the next start after now, null when none is left or the schedule is off.</summary>
    public static DateTime? NextRun(ScheduleDraft draft, DateTime nowUtc) =>
        draft.IsActive && Next(draft, nowUtc, 1) is [var next, ..] ? next.StartUtc : null;

    /// <summary>A readable summary of common patterns ("Saturdays at 18:00"), else the expression itself.</summary>
    public static string Describe(ScheduleDraft draft)
    {
        if (draft.ScheduleType == ScheduleDraft.OneOff)
            return $"Once, {draft.WindowStart:yyyy-MM-dd HH:mm} → {draft.WindowEnd:yyyy-MM-dd HH:mm} UTC";
        var f = (draft.CronExpression ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var zone = draft.TimeZone ?? "UTC";
        if (f.Length == 5 && int.TryParse(f[0], out var minute) && int.TryParse(f[1], out var hour) && f[2] == "*" && f[3] == "*")
        {
            var at = $"{hour:00}:{minute:00} {zone}";
            if (f[4] == "*") return $"Daily at {at}";
            if (int.TryParse(f[4], out var dow) && dow is >= 0 and <= 7) return $"{(DayOfWeek)(dow % 7)}s at {at}";
        }
        return $"{draft.CronExpression} ({zone})";
    }

    /// <summary>A stored schedule as the calculator reads it, bound to its event's window (what the runner must use too).</summary>
    public static ScheduleDraft DraftOf(GameOps.Data.Entities.EventSchedule row, DateTime? eventStart, DateTime? eventEnd) => new()
    {
        Id = row.Id, ScheduleType = row.ScheduleType, CronExpression = row.CronExpression, TimeZone = row.TimeZone, WindowStart = row.WindowStart,
        WindowEnd = row.WindowEnd, DurationMinutes = row.DurationMinutes, IsActive = row.IsActive, EventStart = eventStart, EventEnd = eventEnd,
    };

    public static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc);
    static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
    static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
