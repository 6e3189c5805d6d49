using GameOps.Web.Resources;

namespace GameOps.Web.Services;

/// <summary>
/// The outcome of a service operation (a moderation step, a live-ops or world workflow, a data request, a staff account
/// change): whether it happened and what to tell the user. A refused operation changed nothing and says why.
/// </summary>
/// <param name="Id">The row the operation created or acted on, when the caller needs it (the sanction, the event, the request…).</param>
public record OperationResult(bool Ok, string Message, Guid? Id = null)
{
    /// <summary>What is wrong with which field, for messages next to the fields of a form.</summary>
    public IReadOnlyList<ValidationIssue>? Issues { get; init; }

    /// <summary>Set when someone else saved first: what differs, for the conflict dialog. Nothing was changed.</summary>
    public IReadOnlyList<ConflictDifference>? Conflict { get; init; }

    public static OperationResult Success(string message, Guid? id = null) => new(true, message, id);
    public static OperationResult Refused(string message, IReadOnlyList<ValidationIssue>? issues = null) => new(false, message) { Issues = issues };
    public static OperationResult Conflicted(string message, IReadOnlyList<ConflictDifference> differences) => new(false, message) { Conflict = differences };
}

/// <summary>An <see cref="OperationResult"/> that hands something back on success (a one-time password, a new token shown once…).</summary>
public sealed record OperationResult<T>(bool Ok, string Message, T? Value = default, Guid? Id = null) : OperationResult(Ok, Message, Id)
{
    public static OperationResult<T> Success(string message, T value, Guid? id = null) => new(true, message, value, id);
    public static OperationResult<T> Refused(string message) => new(false, message);
}
