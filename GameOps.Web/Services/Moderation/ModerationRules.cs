namespace GameOps.Web.Services.Moderation;

/// <summary>The write rules of sanctions and staff notes (see <see cref="WriteRules{TInput}"/>); field names as the API's bodies spell them.</summary>
public static class ModerationRules
{
    /// <summary>A sanction or a report's resolution (player sanctions, report actions).</summary>
    public static readonly WriteRules<SanctionRequest> Sanction = new(
        new("reason-required", "reason", (r, _) => string.IsNullOrWhiteSpace(r.Reason) ? "A reason is required." : null),
        new("reason-too-long", "reason", (r, _) => r.Reason.Trim().Length > ModerationService.MaxReasonLength
            ? $"The reason is longer than {ModerationService.MaxReasonLength} characters." : null),
        new("duration-required", "durationMinutes", (r, _) => r.Kind.NeedsDuration() && r.DurationMinutes is not > 0
            ? "Give a duration (in minutes, more than zero)." : null),
        new("duration-too-long", "durationMinutes", (r, _) => r.Kind.NeedsDuration() && r.DurationMinutes > ModerationService.MaxDurationMinutes
            ? "The duration is longer than a year: use a permanent ban." : null));

    /// <summary>A staff note on a player.</summary>
    public static readonly WriteRules<string> Note = new(
        new("note-empty", "note", (note, _) => string.IsNullOrWhiteSpace(note) ? "The note is empty." : null),
        new("note-too-long", "note", (note, _) => note.Trim().Length > PlayerSupportService.MaxNoteLength
            ? $"The note is longer than {PlayerSupportService.MaxNoteLength} characters." : null));
}
