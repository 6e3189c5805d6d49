using GameOps.Web.Components.Shared;
using GameOps.Web.Services.Moderation;
using GameOps.Web.Services.Shell;
using MudBlazor;

namespace GameOps.Web.Components.Pages.Moderation;

/// <summary>The confirmation every page shows before a sanction that takes something away (ban, kick, mute, delete).</summary>
public static class SanctionConfirmation
{
    public static bool NeedsConfirmation(SanctionKind kind) =>
        kind is SanctionKind.TempBan or SanctionKind.PermBan or SanctionKind.Kick or SanctionKind.Mute or SanctionKind.DeleteMessage;

    /// <summary>The reason confirmed in the dialog, or null when the moderator backed out (or the player is gone).</summary>
    public static async Task<string?> AskAsync(IDialogService dialogs, ModerationService moderation, SanctionKind kind, Guid playerId,
        int? minutes, string? reason, DateTime now, TimeZoneInfo? zone)
    {
        if (await moderation.ImpactAsync(playerId) is not { } impact) return null;
        var words = ModerationFormat.Sanction(kind, impact.Username, kind.NeedsDuration() ? minutes : null, impact.OpenSessions, now, zone);
        var details = impact.RunningSanctions > 0
            ? words.Details.Append($"They already have {DestructiveRequest.Count(impact.RunningSanctions, "running sanction")}.").ToList()
            : words.Details;
        return await ConfirmDestructive.AskAsync(dialogs, new DestructiveRequest($"{words.ActionLabel}?", words.Consequence, words.ActionLabel)
        {
            Details = details,
            ReasonLabel = "Reason (shown to the player)",
            ReasonHelp = "Kept with the sanction and in the audit trail.",
            InitialReason = reason,
            MaxReasonLength = ModerationService.MaxReasonLength,
        });
    }
}
