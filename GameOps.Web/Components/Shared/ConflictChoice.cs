using MudBlazor;
using GameOps.Web.Resources;

namespace GameOps.Web.Components.Shared;

public enum ConflictChoice { Reload, Overwrite }

public static class ConflictDialogs
{
    /// <summary>Shows the conflict dialog; null when the staff member chose to keep editing (or closed it).</summary>
    public static async Task<ConflictChoice?> AskAsync(this IDialogService dialogs, string subject, IReadOnlyList<ConflictDifference> differences)
    {
        var parameters = new DialogParameters<ConflictDialog> { { d => d.Subject, subject }, { d => d.Differences, differences } };
        var dialog = await dialogs.ShowAsync<ConflictDialog>("Conflict", parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        var result = await dialog.Result;
        return result is null || result.Canceled ? null : result.Data as ConflictChoice?;
    }
}
