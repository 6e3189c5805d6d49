using GameOps.Web.Resources;
using GameOps.Web.Security;

namespace GameOps.Web.Services.Design;

/// <summary>The outcome of a bulk action: how many rows it did, and for each row it could not do, which and why.</summary>
public sealed record BulkResult(int Done, IReadOnlyList<string> Failures);

/// <summary>
/// Bulk actions of the design lists beyond activate/deactivate (which the list shell does): clone the selected definitions,
/// each as an inactive copy validated and audited like a single clone.
/// </summary>
public sealed class DesignBulkService(DesignDefinitionService definitions, CurrentStaff currentStaff)
{
    public const int MaxRows = 100;

    /// <summary>
    /// Clones each selected definition. Each copy is its own validated save (a copy that fails validation, e.g. a key that would grow
    /// too long, is reported and the others are still made), so one bad row never hides the rest.
    /// </summary>
    public async Task<BulkResult> CloneAsync(ResourceDescription resource, IReadOnlyList<Guid> ids, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.DesignWrite);
        if (ids.Count > MaxRows) return new BulkResult(0, [$"Select at most {MaxRows} rows to clone at once."]);
        var failures = new List<string>();
        var done = 0;
        foreach (var id in ids.Distinct())
        {
            var result = await definitions.CloneAsync(resource, id, ct);
            if (result.Outcome == SaveOutcome.Saved) done++;
            else failures.Add($"{id}: {string.Join(" ", result.Issues.Select(i => i.Message))}");
        }
        return new BulkResult(done, failures);
    }
}
