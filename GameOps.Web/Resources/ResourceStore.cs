using System.Linq.Expressions;
using GameOps.Data;
using GameOps.Web.Infrastructure;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace GameOps.Web.Resources;

/// <summary>
/// The one data path of the shared list and edit shells: it checks the caller's permission and the list criteria, then hands
/// each job to its piece: <see cref="ResourceQueryBuilder"/> (search, filters, sort, projection), <see cref="KeysetPager"/>,
/// <see cref="ResourceCounter"/>, <see cref="ResourcePicker"/> and <see cref="ResourceWriter"/> (loads, saves, deletes, references).
/// Lists, counts and pickers read through the read-only connection when one is configured
/// (<see cref="IReadOnlyDbContextFactory"/>); the load for an edit and every write use the primary. One context per operation.
/// </summary>
public sealed class ResourceStore(IDbContextFactory<GameOpsDbContext> contextFactory, IMemoryCache cache, ResourceCatalog catalog, TableVersions tableVersions,
    CurrentStaff currentStaff, IReadOnlyDbContextFactory? readOnlyContexts = null)
{
    readonly IDbContextFactory<GameOpsDbContext> readContexts = readOnlyContexts ?? contextFactory;
    readonly ResourceQueryBuilder queries = new(catalog);
    readonly ResourceCounter counter = new(cache, tableVersions);
    readonly ResourceWriter writer = new(contextFactory, catalog);
    KeysetPager Pager => field ??= new(cache, tableVersions, queries);
    ResourcePicker Picker => field ??= new(queries);

    /// <summary>The typed list path, reached through <see cref="ResourceDescription.Accept"/> (no reflection).</summary>
    sealed class ListVisitor(ResourceStore store, ResourceQuery query, bool canSeePersonalData, CancellationToken ct) : IResourceVisitor<Task<ResourcePageResult>>
    {
        public Task<ResourcePageResult> Visit<T>(ResourceDescription<T> resource) where T : class, new() => store.ListCoreAsync<T>(resource, query, canSeePersonalData, ct);
    }

    sealed class PickVisitor(ResourceStore store, string keyField, string? text, object? exact, bool canSeePersonalData, CancellationToken ct) : IResourceVisitor<Task<IReadOnlyList<PickerOption>>>
    {
        public async Task<IReadOnlyList<PickerOption>> Visit<T>(ResourceDescription<T> resource) where T : class, new()
        {
            await using var db = await store.readContexts.CreateDbContextAsync(ct);
            return await store.Picker.PickAsync<T>(db, resource, keyField, text, exact, canSeePersonalData, ct);
        }
    }

    // ---------- lists ----------

    /// <summary>One page of rows with the resource's list columns (references resolved to their display text).</summary>
    /// <exception cref="PermissionDeniedException">The caller may not read this resource.</exception>
    /// <exception cref="InvalidResourceQueryException">A criterion the declaration does not allow, or a value that cannot be read.</exception>
    public async Task<ResourcePageResult> ListAsync(ResourceDescription resource, ResourceQuery query, CancellationToken ct = default)
    {
        var user = await currentStaff.DemandAsync(resource.ReadPermission);
        var canSeePersonalData = user.Has(Permission.RevealPersonalData);
        ResourceQueryRules.Check(resource, query, canSeePersonalData);
        return await resource.Accept(new ListVisitor(this, query, canSeePersonalData, ct));
    }

    /// <summary>Every row matching the criteria (for export), capped.</summary>
    public async Task<IReadOnlyList<ResourceRow>> ExportAsync(ResourceDescription resource, ResourceQuery query, int cap = 100_000, CancellationToken ct = default)
    {
        var all = new ResourceQuery { Search = query.Search, SortField = query.SortField, SortDescending = query.SortDescending, Page = 0, PageSize = cap };
        foreach (var f in query.Filters) all.Filters[f.Key] = f.Value;
        foreach (var f in query.Scope) all.Scope[f.Key] = f.Value;
        return (await ListAsync(resource, all, ct)).Rows;
    }

    async Task<ResourcePageResult> ListCoreAsync<T>(ResourceDescription resource, ResourceQuery query, bool canSeePersonalData, CancellationToken ct) where T : class
    {
        await using var db = await readContexts.CreateDbContextAsync(ct);
        var selective = await queries.SelectiveSearchAsync<T>(db, resource, query, canSeePersonalData, ct);
        var filtered = ResourceQueryBuilder.Where(db, resource, db.Set<T>().AsNoTracking(), query, canSeePersonalData, selective);
        // The search's own rows are the list's when nothing else filters them: their number is the count.
        var known = selective is not null && !query.HasFilters ? selective.Ids.Length : (long?)null;
        var count = await counter.CountAsync(db, resource, filtered, query, ct, known);
        // Few matches, sorted by the database after it fetched them by id: prefix matches first unless the user picked a sort.
        var rank = selective is null ? null : ResourceQueryBuilder.SearchRank<T>(resource, selective, byPrefix: query.SortField is null);
        var rows = rank is null && Pager.SeekKeyOf(db.Model, resource, query) is { } seek
            ? await Pager.PageAsync(db, resource, query, filtered, seek, ct)
            : await queries.Sort(resource, rank is null ? filtered : filtered.OrderBy(rank), query, ranked: rank is not null)
                .Skip(query.Page * query.PageSize).Take(query.PageSize).Select(queries.Projection<T>(resource)).ToListAsync(ct);
        return new ResourcePageResult(rows, count.Total, count.IsEstimate, count.IsCapped);
    }

    /// <summary>Case-insensitive LIKE for the given provider (see <see cref="ResourceQueryBuilder.LikeCall"/>).</summary>
    public static Expression LikeCall(DatabaseProvider provider, Expression member, string pattern, bool contains = false) =>
        ResourceQueryBuilder.LikeCall(provider, member, pattern, contains);

    public static string EscapeLike(string term) => ResourceQueryBuilder.EscapeLike(term);

    // ---------- pickers ----------
    // The permission follows the form that asks. A reference field's picker (an edit form, a support action) reaches the
    // referenced table through the field's table, the source: its label needs the source's read permission, and searching its
    // options needs the source's write permission (the form is the caller's to fill). Reading the referenced table directly is
    // always enough (it grants nothing more than a direct pick would). A direct use of a table (Ctrl+K, a key picker, the chat
    // review's player) needs the table's read permission. Either way an option's value is a key, never a sensitive column, and
    // its label never a secret; personal labels are masked unless the caller may reveal them.

    /// <summary>Up to 20 rows the reference field <paramref name="referenceField"/> of <paramref name="source"/> may point to, matching the text.</summary>
    /// <exception cref="PermissionDeniedException">The caller may neither read the referenced table nor read and write the source.</exception>
    /// <exception cref="InvalidResourceQueryException">The field is not a reference on the source's form.</exception>
    public async Task<IReadOnlyList<PickerOption>> PickReferenceAsync(ResourceDescription source, string referenceField, string? text, CancellationToken ct = default)
    {
        var user = await currentStaff.GetPrincipalAsync();
        var (target, key) = ReferenceOf(source, referenceField, user);
        if (!user.Has(target.ReadPermission))
        {
            user.Demand(source.ReadPermission);
            user.Demand(source.WritePermission ?? target.ReadPermission);
        }
        return await target.Accept(new PickVisitor(this, key, text, null, user.Has(Permission.RevealPersonalData), ct));
    }

    /// <summary>The label of the row a reference field of <paramref name="source"/> holds (what its picker shows for the current value).</summary>
    /// <exception cref="PermissionDeniedException">The caller may read neither the source nor the referenced table.</exception>
    /// <exception cref="InvalidResourceQueryException">The field is not a reference on the source's form.</exception>
    public async Task<PickerOption?> ReferenceLabelAsync(ResourceDescription source, string referenceField, object? value, CancellationToken ct = default)
    {
        var user = await currentStaff.GetPrincipalAsync();
        var (target, key) = ReferenceOf(source, referenceField, user);
        if (!user.Has(target.ReadPermission)) user.Demand(source.ReadPermission);
        if (value is null) return null;
        var options = await target.Accept(new PickVisitor(this, key, null, value, user.Has(Permission.RevealPersonalData), ct));
        return options.FirstOrDefault();
    }

    /// <summary>Up to 20 rows of <paramref name="table"/> matching the text, valued by <paramref name="keyField"/> (its id or a key column), for a direct pick.</summary>
    /// <exception cref="PermissionDeniedException">The caller may not read the table.</exception>
    /// <exception cref="InvalidResourceQueryException">The key field is not a key of the table, or is sensitive.</exception>
    public async Task<IReadOnlyList<PickerOption>> PickFromTableAsync(ResourceDescription table, string keyField, string? text, CancellationToken ct = default)
    {
        var user = await currentStaff.DemandAsync(table.ReadPermission);
        if (table.FindField(keyField) is not { } key || !(key.IsPrimaryKey || !key.Hidden && (key.Name == table.BusinessKey || key.FixedAfterCreate)) || key.IsSensitive)
            throw new InvalidResourceQueryException($"{table.Title} cannot be picked by \"{keyField}\": only by its id or a key column.");
        return await table.Accept(new PickVisitor(this, key.Name, text, null, user.Has(Permission.RevealPersonalData), ct));
    }

    /// <summary>The table a form's reference field points to and the key it holds; anything else is refused.</summary>
    (ResourceDescription Target, string Key) ReferenceOf(ResourceDescription source, string referenceField, System.Security.Claims.ClaimsPrincipal? user)
    {
        if (source.FindField(referenceField) is not { Kind: FieldKind.Reference, ReferenceType: { } type, ReferenceKey: { } keyName, IsSecret: false, Hidden: false })
            throw new InvalidResourceQueryException($"\"{referenceField}\" is not a reference field of {source.Title}.");
        var target = catalog.Find(type) ?? throw new InvalidResourceQueryException($"\"{referenceField}\" of {source.Title} points at a table the console does not serve.");
        var key = target.Field(keyName);
        if (key.IsSecret || key.PersonalData && !user.Has(Permission.RevealPersonalData))
            throw new InvalidResourceQueryException($"{source.Title}: \"{referenceField}\" points at a sensitive key and cannot be picked.");
        return (target, keyName);
    }

    // ---------- single rows ----------

    public async Task<object?> LoadAsync(ResourceDescription resource, object id, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(resource.ReadPermission);
        return await writer.LoadAsync(resource, id, ct);
    }

    public static object? ParseId(string id) => Guid.TryParse(id, out var g) ? g : null;

    /// <inheritdoc cref="ResourceWriter.SaveAsync"/>
    public async Task<SaveResult> SaveAsync(ResourceDescription resource, object entity, bool isNew, object? originalToken, bool overwrite = false, CancellationToken ct = default)
    {
        await DemandWriteAsync(resource);
        return await writer.SaveAsync(resource, entity, isNew, originalToken, overwrite, ct);
    }

    /// <inheritdoc cref="ResourceWriter.SetActiveAsync"/>
    public async Task<SaveResult> SetActiveAsync(ResourceDescription resource, IReadOnlyList<object> ids, bool active, CancellationToken ct = default)
    {
        await DemandWriteAsync(resource);
        return await writer.SetActiveAsync(resource, ids, active, ct);
    }

    /// <inheritdoc cref="ResourceWriter.CheckSetActiveAsync"/>
    public async Task<SaveResult> CheckSetActiveAsync(ResourceDescription resource, IReadOnlyList<object> ids, bool active, CancellationToken ct = default)
    {
        await DemandWriteAsync(resource);
        return await writer.CheckSetActiveAsync(resource, ids, active, ct);
    }

    public async Task<SaveResult> DeleteAsync(ResourceDescription resource, object id, CancellationToken ct = default)
    {
        await DemandWriteAsync(resource);
        return await writer.DeleteAsync(resource, id, ct);
    }

    /// <inheritdoc cref="ResourceWriter.ReferencesAsync"/>
    public async Task<IReadOnlyList<ReferenceCount>> ReferencesAsync(ResourceDescription resource, object id, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(resource.ReadPermission);
        return await writer.ReferencesAsync(resource, id, ct);
    }

    /// <summary>The write permission of the resource, or a refusal when it is read-only everywhere.</summary>
    async Task DemandWriteAsync(ResourceDescription resource)
    {
        if (resource.WritePermission is not { } write) throw new PermissionDeniedException(Permission.RawDataWrite);
        await currentStaff.DemandAsync(write);
    }
}
