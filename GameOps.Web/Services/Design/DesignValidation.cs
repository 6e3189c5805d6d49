using GameOps.Data;
using GameOps.Web.Resources;

namespace GameOps.Web.Services.Design;

/// <summary>
/// The one set of rules for a definition, as the editor's save runs them (<c>ResourceStore.SaveAsync</c>): the field rules
/// (required, lengths, ranges, options, JSON), then the resource's database rules (schemas of the typed JSON, references,
/// cycles). Imports and the seed test call this so the three can never disagree.
/// </summary>
public static class DesignValidation
{
    public static async Task<IReadOnlyList<ValidationIssue>> ValidateAsync(GameOpsDbContext db, ResourceDescription resource, object entity, CancellationToken ct)
    {
        var issues = ResourceValidation.Validate(resource, entity).ToList();
        foreach (var validator in resource.DatabaseValidators) issues.AddRange(await validator(db, entity, ct));
        return issues;
    }
}
