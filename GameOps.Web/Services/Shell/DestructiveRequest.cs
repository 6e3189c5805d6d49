namespace GameOps.Web.Services.Shell;

/// <summary>
/// What a destructive action will do, as the confirmation shows it: "Ban Wolf1999 for 3 days" and its consequences
/// ("2 open sessions end"), with the reason field when the action needs one.
/// </summary>
public sealed record DestructiveRequest(string Title, string Consequence, string ActionLabel)
{
    public IReadOnlyList<string> Details { get; init; } = [];
    /// <summary>The reason field's label, or null when the action takes no reason.</summary>
    public string? ReasonLabel { get; init; } = "Reason";
    public string? ReasonHelp { get; init; } = "Kept in the audit trail.";
    public string? InitialReason { get; init; }
    public int MaxReasonLength { get; init; } = 1000;
    public string CancelLabel { get; init; } = "Cancel";

    /// <summary>"1 open session", "2 open sessions".</summary>
    public static string Count(int count, string singular, string? plural = null) =>
        $"{count} {(count == 1 ? singular : plural ?? singular + "s")}";
}
