using System.Runtime.CompilerServices;
using GameOps.Data;
using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace GameOps.Web.Resources;

public enum SaveOutcome { Saved, Invalid, Conflict, NotFound, Failed }

public sealed record SaveResult(SaveOutcome Outcome, IReadOnlyList<ValidationIssue> Issues, object? Entity = null, IReadOnlyDictionary<string, object?>? DatabaseValues = null)
{
    public static SaveResult Ok(object entity) => new(SaveOutcome.Saved, [], entity);
    public static SaveResult Error(string message, SaveOutcome outcome = SaveOutcome.Failed) => new(outcome, [new ValidationIssue(null, message)]);
    public static SaveResult Error(ValidationIssue issue, SaveOutcome outcome = SaveOutcome.Failed) => new(outcome, [issue]);
}

/// <summary>
/// The write side of the shells, on the primary database: the load for an edit (remembering its row tokens), validated and
/// concurrency-checked saves, bulk (de)activation in one SaveChanges, deletes refused while restricting rows refer to the row,
/// and those references. The caller (<see cref="ResourceStore"/>) has checked the permission.
/// </summary>
public sealed class ResourceWriter(IDbContextFactory<GameOpsDbContext> contextFactory, ResourceCatalog catalog)
{
    /// <summary>
    /// The row tokens (PostgreSQL's xmin, SQLite's loaded column values) of each entity handed to an editor, so that a
    /// save compares them with the database even though it reloads the row: see <see cref="RowConcurrency"/>.
    /// </summary>
    static readonly ConditionalWeakTable<object, Dictionary<string, object?>> LoadedRowTokens = new();

    static void RememberRowTokens(EntityEntry entry) =>
        LoadedRowTokens.AddOrUpdate(entry.Entity, entry.Properties.Where(p => p.Metadata.IsRowToken()).ToDictionary(p => p.Metadata.Name, p => p.OriginalValue));

    /// <summary>The row as it is now, detached, for an editor (always from the primary: an edit must start from the latest version).</summary>
    public async Task<object?> LoadAsync(ResourceDescription resource, object id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var entity = await db.FindAsync(resource.EntityType, [id], ct);
        if (entity is not null)
        {
            RememberRowTokens(db.Entry(entity));
            db.Entry(entity).State = EntityState.Detached;
        }
        return entity;
    }

    /// <summary>
    /// Validates and saves. <paramref name="originalToken"/> is the concurrency token the editor loaded; a row
    /// changed since then is a <see cref="SaveOutcome.Conflict"/> (with the database's values), unless
    /// <paramref name="overwrite"/> is set after the user chose to keep their version.
    /// </summary>
    public async Task<SaveResult> SaveAsync(ResourceDescription resource, object entity, bool isNew, object? originalToken, bool overwrite = false, CancellationToken ct = default)
    {
        if (isNew && !resource.AllowCreate) return SaveResult.Error($"{resource.Title} are not created from the console.");
        var issues = ResourceValidation.Validate(resource, entity);
        if (issues.Any(i => !i.IsWarning)) return new SaveResult(SaveOutcome.Invalid, issues);

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        foreach (var validator in resource.DatabaseValidators)
            issues = [.. issues, .. await validator(db, entity, ct)];
        if (issues.Any(i => !i.IsWarning)) return new SaveResult(SaveOutcome.Invalid, issues);
        EntityEntry entry;
        if (isNew)
        {
            entry = db.Add(entity);
        }
        else
        {
            var id = resource.IdField.GetValue(entity)!;
            var tracked = await db.FindAsync(resource.EntityType, [id], ct);
            if (tracked is null) return SaveResult.Error("This row was deleted by someone else while you were editing it.", SaveOutcome.NotFound);
            entry = db.Entry(tracked);
            if (resource.Fields.FirstOrDefault(f => f.FixedAfterCreate && !Equals(f.GetValue(entity), f.GetValue(tracked))) is { } fixedField)
                return new SaveResult(SaveOutcome.Invalid, [new ValidationIssue(fixedField.Name,
                    $"{fixedField.Label} is the key other rows refer to; it cannot change after creation. Clone the row to use a new key.")]);
            foreach (var field in resource.Fields.Where(f => !f.ReadOnly && f.Name != resource.ConcurrencyToken))
                entry.Property(field.Name).CurrentValue = field.GetValue(entity);
            if (resource.ConcurrencyToken is { } token)
                entry.Property(token).OriginalValue = overwrite ? entry.Property(token).CurrentValue : originalToken;
            if (!overwrite && LoadedRowTokens.TryGetValue(entity, out var rowTokens))
                foreach (var (name, value) in rowTokens) entry.Property(name).OriginalValue = value;
        }
        try
        {
            await db.SaveChangesAsync(ct);
            RememberRowTokens(entry);
            entry.State = EntityState.Detached;
            return new SaveResult(SaveOutcome.Saved, issues, entry.Entity);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            var current = await ex.Entries[0].GetDatabaseValuesAsync(ct);
            if (current is null) return SaveResult.Error("This row was deleted by someone else while you were editing it.", SaveOutcome.NotFound);
            var values = current.Properties.ToDictionary(p => p.Name, p => current[p]);
            return new SaveResult(SaveOutcome.Conflict, [new ValidationIssue(null, "Someone else saved this row after you opened it.")], DatabaseValues: values);
        }
        catch (DbUpdateException ex)
        {
            return SaveResult.Error(OnForm(resource, DatabaseErrorDescriber.Describe(ex, db.Model)));
        }
    }

    /// <summary>A message about a field the form does not show goes above the form instead.</summary>
    static ValidationIssue OnForm(ResourceDescription resource, ValidationIssue issue) =>
        issue.Field is { } name && resource.FindField(name) is not { Hidden: false } ? issue with { Field = null } : issue;

    /// <summary>
    /// Bulk activate/deactivate: one SaveChanges, so all rows change or none do (each audited and versioned). Each row goes
    /// through the rules a save of that one row runs (<see cref="ChangeActiveAsync"/>): a refusal refuses the whole change, and
    /// the warnings (e.g. "the 3 events that use it keep it") come back with the saved result, as a single save's do.
    /// </summary>
    public async Task<SaveResult> SetActiveAsync(ResourceDescription resource, IReadOnlyList<object> ids, bool active, CancellationToken ct = default)
    {
        if (!resource.IsActivatable) return SaveResult.Error("This table has no active flag.");
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var check = await ChangeActiveAsync(db, resource, ids, active, ct);
        if (check.Outcome != SaveOutcome.Saved) return check;
        try
        {
            await db.SaveChangesAsync(ct);
            return check;
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Error("Someone else changed one of the rows meanwhile; nothing was changed.", SaveOutcome.Conflict);
        }
    }

    /// <summary>
    /// What <see cref="SetActiveAsync"/> would answer, without saving: the refusal, or <see cref="SaveOutcome.Saved"/> with the
    /// rows' warnings (each prefixed with the row's label), for the confirmation shown before a bulk change.
    /// </summary>
    public async Task<SaveResult> CheckSetActiveAsync(ResourceDescription resource, IReadOnlyList<object> ids, bool active, CancellationToken ct = default)
    {
        if (!resource.IsActivatable) return SaveResult.Error("This table has no active flag.");
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await ChangeActiveAsync(db, resource, ids, active, ct);
    }

    /// <summary>Sets the flag on each tracked row and runs the row's save rules (field checks, the resource's rules and its database rules).</summary>
    static async Task<SaveResult> ChangeActiveAsync(GameOpsDbContext db, ResourceDescription resource, IReadOnlyList<object> ids, bool active, CancellationToken ct)
    {
        var warnings = new List<ValidationIssue>();
        foreach (var id in ids)
        {
            var entity = await db.FindAsync(resource.EntityType, [id], ct);
            if (entity is null) return SaveResult.Error("One of the selected rows was deleted meanwhile; nothing was changed.", SaveOutcome.NotFound);
            if (((IActivatable)entity).IsActive == active) continue;
            ((IActivatable)entity).IsActive = active;
            var issues = await ResourceValidation.ValidateWithDatabaseAsync(db, resource, entity, ct);
            var label = resource.FindField(resource.DisplayField)?.GetValue(entity)?.ToString() ?? id.ToString();
            if (issues.FirstOrDefault(i => !i.IsWarning) is { } refusal)
                return SaveResult.Error(new ValidationIssue(null, $"{label}: {refusal.Message} Nothing was changed."), SaveOutcome.Invalid);
            warnings.AddRange(issues.Select(i => i with { Field = null, Message = $"{label}: {i.Message}" }));
        }
        return new SaveResult(SaveOutcome.Saved, warnings);
    }

    public async Task<SaveResult> DeleteAsync(ResourceDescription resource, object id, CancellationToken ct = default)
    {
        if (!resource.AllowDelete) return SaveResult.Error($"{resource.Title} are not deleted from the console.");
        var usage = await ReferencesAsync(resource, id, ct);
        if (usage.Count > 0)
            return SaveResult.Error("Still used by " + string.Join(", ", usage.Select(u => $"{u.Count:N0} {u.Table}")) +
                (resource.IsActivatable ? ". Deactivate it instead." : ". Remove those first."));
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var entity = await db.FindAsync(resource.EntityType, [id], ct);
        if (entity is null) return SaveResult.Error("This row no longer exists.", SaveOutcome.NotFound);
        db.Remove(entity);
        try
        {
            await db.SaveChangesAsync(ct);
            return SaveResult.Ok(entity);
        }
        catch (DbUpdateException ex)
        {
            return SaveResult.Error(DatabaseErrorDescriber.Describe(ex, db.Model) with { Field = null });
        }
    }

    /// <summary>Rows of other tables whose foreign keys point at this row (restricting ones only: cascades go with it).</summary>
    public async Task<IReadOnlyList<ReferenceCount>> ReferencesAsync(ResourceDescription resource, object id, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var entityType = db.Model.FindEntityType(resource.EntityType)!;
        var entity = await db.FindAsync(resource.EntityType, [id], ct);
        if (entity is null) return [];
        var result = new List<ReferenceCount>();
        foreach (var fk in entityType.GetReferencingForeignKeys().Where(k => k.DeleteBehavior is DeleteBehavior.Restrict or DeleteBehavior.NoAction or DeleteBehavior.ClientNoAction))
        {
            var keyValue = db.Entry(entity).Property(fk.PrincipalKey.Properties[0].Name).CurrentValue;
            var table = fk.DeclaringEntityType.GetTableName()!;
            var column = fk.Properties[0].GetColumnName();
            var count = await CountWhereAsync(db, table, column, keyValue, ct);
            if (count > 0) result.Add(new ReferenceCount(table, column, count, catalog.Find(table)?.ListRoute));
        }
        foreach (var extra in resource.ExtraReferences)
            result.AddRange((await extra(db, entity, ct)).Where(r => r.Count > 0));
        return result;
    }

    /// <summary>Rows of <paramref name="table"/> whose <paramref name="column"/> holds the key (names from the model, the value a parameter).</summary>
    static async Task<long> CountWhereAsync(GameOpsDbContext db, string table, string column, object? value, CancellationToken ct)
    {
        // Identifiers come from the EF model (never from input); the key value is a parameter ({0}).
        var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\" WHERE \"" + column + "\" = {0}";
        return (await db.Database.SqlQueryRaw<long>(sql, value!).ToListAsync(ct)).Single();
    }
}
