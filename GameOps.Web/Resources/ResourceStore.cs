using System.Runtime.CompilerServices;
using System.Linq.Expressions;
using System.Reflection;
using GameOps.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;
using GameOps.Web.Security;

namespace GameOps.Web.Resources;

public enum SaveOutcome { Saved, Invalid, Conflict, NotFound, Failed }

public sealed record SaveResult(SaveOutcome Outcome, IReadOnlyList<ValidationIssue> Issues, object? Entity = null, IReadOnlyDictionary<string, object?>? DatabaseValues = null)
{
    public static SaveResult Ok(object entity) => new(SaveOutcome.Saved, [], entity);
    public static SaveResult Error(string message, SaveOutcome outcome = SaveOutcome.Failed) => new(outcome, [new ValidationIssue(null, message)]);
}

/// <summary>
/// The one data path of the shared list and edit shells: projected, paged list queries; loads; validated,
/// concurrency-checked saves; deletes that say what still references a row. One context per operation.
/// </summary>
public sealed class ResourceStore(IDbContextFactory<GameOpsDbContext> contextFactory, IMemoryCache cache, ResourceCatalog catalog, TableVersions tableVersions,
    CurrentStaff currentStaff)
{
    const int CountCap = 10_000;
    const long EstimateThreshold = 200_000;
    /// <summary>The typed list path, reached through <see cref="ResourceDescription.Accept"/> (no reflection).</summary>
    sealed class ListVisitor(ResourceStore store, ResourceQuery query, bool canSeePersonalData, CancellationToken ct) : IResourceVisitor<Task<ResourcePageResult>>
    {
        public Task<ResourcePageResult> Visit<T>(ResourceDescription<T> resource) where T : class, new() => store.ListCoreAsync<T>(resource, query, canSeePersonalData, ct);
    }

    sealed class PickVisitor(ResourceStore store, string keyField, string? text, object? exact, bool canSeePersonalData, CancellationToken ct) : IResourceVisitor<Task<IReadOnlyList<PickerOption>>>
    {
        public Task<IReadOnlyList<PickerOption>> Visit<T>(ResourceDescription<T> resource) where T : class, new() => store.PickCoreAsync<T>(resource, keyField, text, exact, canSeePersonalData, ct);
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

    async Task<bool> CanSeePersonalDataAsync() => (await currentStaff.GetPrincipalAsync()).Has(Permission.RevealPersonalData);

    /// <summary>The write permission of the resource, or a refusal when it is read-only everywhere.</summary>
    async Task DemandWriteAsync(ResourceDescription resource)
    {
        if (resource.WritePermission is not { } write) throw new PermissionDeniedException(Permission.RawDataWrite);
        await currentStaff.DemandAsync(write);
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
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var selective = await SelectiveSearchAsync<T>(db, resource, query, canSeePersonalData, ct);
        var filtered = Where(db, resource, db.Set<T>().AsNoTracking(), query, canSeePersonalData, selective);
        var (total, estimate, capped) = await CountAsync(db, resource, filtered, query, ct);
        // Prefix matches first when the user searched by part of a name and did not pick a sort (few matches: sorted in memory by the database).
        var rank = selective is not null && query.SortField is null ? PrefixRank<T>(db, resource, query.Search, canSeePersonalData) : null;
        var rows = rank is null && SeekKeyOf(db, resource, query) is { } seek
            ? await KeysetPageAsync(resource, query, filtered, seek, ct)
            : await Sort(resource, rank is null ? filtered : filtered.OrderBy(rank), query, ranked: rank is not null).Skip(query.Page * query.PageSize).Take(query.PageSize).Select(Projection<T>(resource)).ToListAsync(ct);
        return new ResourcePageResult(rows, total, estimate, capped);
    }

    // ---------- keyset paging ----------

    /// <summary>The sort column and direction when the list can be paged by seeking: a plain, non-null column (or the id).</summary>
    sealed record SeekKey(string Property, Type Type, bool Descending);

    /// <summary>Where page <c>n</c> ends: the sort value and id of its last row.</summary>
    sealed record PageAnchor(object? Key, object Id);

    SeekKey? SeekKeyOf(GameOpsDbContext db, ResourceDescription resource, ResourceQuery query)
    {
        var name = query.SortField ?? resource.DefaultSort;
        var descending = query.SortField is null ? resource.DefaultSortDescending : query.SortDescending;
        if (name is null || resource.FindField(name) is not { Sortable: true } field) return new SeekKey("Id", typeof(Guid), false);
        if (field.Kind == FieldKind.Reference && DisplayOf(field) is not null) return null;
        var property = db.Model.FindEntityType(resource.EntityType)?.FindProperty(field.Name);
        if (property is null || property.IsNullable || !Comparable(property.ClrType)) return null;
        return new SeekKey(field.Name, property.ClrType, descending);
    }

    static bool Comparable(Type type) =>
        type == typeof(Guid) || type == typeof(string) || type == typeof(DateTime) || type == typeof(int) || type == typeof(long)
        || type == typeof(decimal) || type == typeof(double);

    /// <summary>
    /// Keyset paging: every page remembers where it ended (per row set, sort and page size, until the table changes), so the
    /// next, the previous or a nearby page starts with an index seek instead of reading and discarding every earlier row.
    /// A jump far from any known page finds its first row through the narrow (sort key, id) index first, then seeks.
    /// The rows are exactly those of offset paging over the same ordering.
    /// </summary>
    async Task<IReadOnlyList<ResourceRow>> KeysetPageAsync<T>(ResourceDescription resource, ResourceQuery query, IQueryable<T> filtered, SeekKey seek, CancellationToken ct) where T : class
    {
        var scope = $"anchors:{resource.Slug}:{tableVersions.Of(resource.Table)}:{query.CriteriaKey}:{seek.Property}:{seek.Descending}:{query.PageSize}";
        var anchors = cache.GetOrCreate(scope, entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(10);
            return new System.Collections.Concurrent.ConcurrentDictionary<int, PageAnchor>();
        })!;
        var startPage = query.Page == 0 ? -1 : anchors.Keys.Where(p => p < query.Page).DefaultIfEmpty(-1).Max();
        var start = startPage >= 0 ? anchors[startPage] : null;
        long skip = (long)(query.Page - startPage - 1) * query.PageSize;

        var source = start is null ? filtered : filtered.Where(After<T>(seek, start));
        if (skip >= DeferredSkipThreshold)
        {
            // Find the row just before the page over the (key, id) pair only: an index-only walk, no joins, no wide rows.
            var boundary = await Ordered(source, seek).Skip((int)Math.Min(int.MaxValue, skip - 1)).Select(KeyPair<T>(seek)).FirstOrDefaultAsync(ct);
            if (boundary is null) return [];
            start = new PageAnchor(boundary[0], boundary[1]!);
            anchors[query.Page - 1] = start;
            source = filtered.Where(After<T>(seek, start));
            skip = 0;
        }
        var keyed = await Ordered(source, seek).Skip((int)skip).Take(query.PageSize).Select(KeyedProjection<T>(resource, seek)).ToListAsync(ct);
        if (keyed.Count > 0) anchors[query.Page] = new PageAnchor(keyed[^1].Key, keyed[^1].Row.Id);
        return keyed.Select(k => k.Row).ToList();
    }

    const long DeferredSkipThreshold = 500;

    static IQueryable<T> Ordered<T>(IQueryable<T> source, SeekKey seek)
    {
        var e = Expression.Parameter(typeof(T), "e");
        var ordered = OrderBy(source, Expression.Lambda(Expression.Property(e, seek.Property), e), seek.Descending, first: true);
        return seek.Property == "Id" ? ordered : OrderBy(ordered, Expression.Lambda(Expression.Property(e, "Id"), e), seek.Descending, first: false);
    }

    /// <summary><c>key > a || key == a && id > b</c> (reversed for descending), plus <c>key >= a</c> so the index range starts at the anchor.</summary>
    static Expression<Func<T, bool>> After<T>(SeekKey seek, PageAnchor anchor)
    {
        var e = Expression.Parameter(typeof(T), "e");
        var id = Expression.Property(e, "Id");
        var idAfter = Compare(id, anchor.Id, seek.Descending ? ExpressionType.LessThan : ExpressionType.GreaterThan);
        if (seek.Property == "Id") return Expression.Lambda<Func<T, bool>>(idAfter, e);
        var key = Expression.Property(e, seek.Property);
        var body = Expression.AndAlso(
            Compare(key, anchor.Key!, seek.Descending ? ExpressionType.LessThanOrEqual : ExpressionType.GreaterThanOrEqual),
            Expression.OrElse(
                Compare(key, anchor.Key!, seek.Descending ? ExpressionType.LessThan : ExpressionType.GreaterThan),
                Expression.AndAlso(Expression.Equal(key, Parameter(anchor.Key, key.Type)), idAfter)));
        return Expression.Lambda<Func<T, bool>>(body, e);
    }

    /// <summary>A comparison EF can translate: operators where C# has them, <c>CompareTo(x) &gt; 0</c> for strings and Guids.</summary>
    static Expression Compare(Expression member, object value, ExpressionType op)
    {
        var operand = Parameter(value, member.Type);
        if (member.Type == typeof(string) || member.Type == typeof(Guid))
        {
            var compare = Expression.Call(member, member.Type.GetMethod(nameof(string.CompareTo), [member.Type])!, operand);
            return Expression.MakeBinary(op, compare, Expression.Constant(0));
        }
        return Expression.MakeBinary(op, member, operand);
    }

    /// <summary>
    /// A value EF sends as a query parameter: a constant in an expression tree would be inlined as a SQL literal, which
    /// breaks on text SQL cannot spell (a NUL) and compiles a new query for every anchor or search term.
    /// </summary>
    static Expression Parameter(object? value, Type type) =>
        Expression.Property(Expression.Constant(Activator.CreateInstance(typeof(Boxed<>).MakeGenericType(type), value)), "Value");

    sealed class Boxed<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }

    static Expression<Func<T, object?[]>> KeyPair<T>(SeekKey seek)
    {
        var e = Expression.Parameter(typeof(T), "e");
        return Expression.Lambda<Func<T, object?[]>>(Expression.NewArrayInit(typeof(object),
            Expression.Convert(Expression.Property(e, seek.Property), typeof(object)), Expression.Convert(Expression.Property(e, "Id"), typeof(object))), e);
    }

    sealed record KeyedRow(ResourceRow Row, object? Key);

    Expression<Func<T, KeyedRow>> KeyedProjection<T>(ResourceDescription resource, SeekKey seek)
    {
        var projection = Projection<T>(resource);
        var e = projection.Parameters[0];
        var body = Expression.New(typeof(KeyedRow).GetConstructors()[0], projection.Body, Expression.Convert(Expression.Property(e, seek.Property), typeof(object)));
        return Expression.Lambda<Func<T, KeyedRow>>(body, e);
    }

    async Task<(long Total, bool Estimate, bool Capped)> CountAsync<T>(GameOpsDbContext db, ResourceDescription resource, IQueryable<T> filtered, ResourceQuery query, CancellationToken ct)
    {
        var cacheKey = $"count:{resource.Slug}:{tableVersions.Of(resource.Table)}:{query.CriteriaKey}";
        if (cache.TryGetValue(cacheKey, out (long, bool, bool) cached)) return cached;
        (long, bool, bool) result;
        if (resource.CountStrategy == CountStrategy.Estimated && !query.HasCriteria && db.Provider == DatabaseProvider.Postgres
            && await EstimateRowsAsync(db, resource.Table, ct) is { } estimate and >= EstimateThreshold)
            result = (estimate, true, false);
        else if (resource.CountStrategy == CountStrategy.Estimated && query.HasCriteria)
        {
            var count = await filtered.Take(CountCap + 1).CountAsync(ct);
            result = (Math.Min(count, CountCap), false, count > CountCap);
        }
        else result = (await filtered.LongCountAsync(ct), false, false);
        cache.Set(cacheKey, result, TimeSpan.FromSeconds(20));
        return result;
    }

    /// <summary>PostgreSQL's planner estimate: instant on any size, exact enough for a pager.</summary>
    static async Task<long?> EstimateRowsAsync(GameOpsDbContext db, string table, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand("select reltuples::bigint from pg_class where relname = @t and relkind = 'r'", connection);
        command.Parameters.AddWithValue("t", table);
        var value = await command.ExecuteScalarAsync(ct);
        return value is long n && n > 0 ? n : null;
    }

    /// <summary>Up to this many matches, a prefix search picks its page among the matching ids; beyond, it walks the sort index.</summary>
    const int SelectiveSearchCap = 10_000;

    /// <summary>
    /// A prefix search that matches few rows, as the subquery of their ids: one index range per searched column, the related
    /// tables' included (<c>id IN (SELECT id … LIKE 'term%' UNION ALL SELECT user_id FROM actors …)</c>). Left to one OR
    /// predicate, the planner walks the list's sort index and filters every row when the matches are rare (or clustered far
    /// from the first page); as a subquery over many matches, it gathers them all before sorting. So the matches are counted
    /// first (index-only, capped): few → the subquery; many (they are dense, the first page is near) → the OR predicate.
    /// null: no search, a contains search (trigram-served), or a common term.
    /// </summary>
    static async Task<IQueryable<Guid>?> SelectiveSearchAsync<T>(GameOpsDbContext db, ResourceDescription resource, ResourceQuery query, bool canSeePersonalData, CancellationToken ct) where T : class
    {
        if (ResourceQueryRules.SearchTerm(query.Search) is not { } term || typeof(T).GetProperty("Id")?.PropertyType != typeof(Guid)) return null;
        var searched = ResourceQueryRules.SearchedFields(resource, canSeePersonalData);
        if (searched.Any(f => f.SearchMode == SearchMode.Contains)) return null;
        IQueryable<Guid>? ids = null;
        void Union(IQueryable<Guid> more) => ids = ids is null ? more : ids.Concat(more);
        var e = Expression.Parameter(typeof(T), "e");
        var id = Expression.Lambda<Func<T, Guid>>(Expression.Property(e, "Id"), e);
        foreach (var field in searched)
            Union(db.Set<T>().Where(Expression.Lambda<Func<T, bool>>(FieldMatch(db.Provider, Expression.Property(e, field.Name), field.SearchMode, term), e)).Select(id));
        foreach (var related in resource.RelatedSearches)
            Union(RelatedIds(db, related, RelatedPattern(term)));
        if (ids is null) return null;
        if (Guid.TryParse(term, out var guid))
            Union(db.Set<T>().Where(Expression.Lambda<Func<T, bool>>(Expression.Equal(Expression.Property(e, "Id"), Parameter(guid, typeof(Guid))), e)).Select(id));
        return await ids.Take(SelectiveSearchCap + 1).CountAsync(ct) <= SelectiveSearchCap ? ids : null;
    }

    static IQueryable<Guid> RelatedIds(GameOpsDbContext db, RelatedSearch related, string pattern)
    {
        var c = related.Text.Parameters[0];
        return related.OwnerIds(db, Expression.Lambda(LikeCall(db.Provider, related.Text.Body, pattern, contains: true), c));
    }

    /// <summary>Related searches (character names…) match any part of the child's text.</summary>
    static string RelatedPattern(string term) => "%" + EscapeLike(term) + "%";

    /// <summary>The search predicate of one field: a prefix, a word in a long text, or any part of a name.</summary>
    static Expression FieldMatch(DatabaseProvider provider, Expression member, SearchMode mode, string term) => mode == SearchMode.Prefix
        ? LikeCall(provider, member, EscapeLike(term) + "%")
        : LikeCall(provider, member, "%" + EscapeLike(term) + "%", contains: true);

    /// <summary><c>e => (any searched field or related text starts with the term) ? 0 : 1</c>: prefix matches rank first.</summary>
    static Expression<Func<T, int>>? PrefixRank<T>(GameOpsDbContext db, ResourceDescription resource, string? search, bool canSeePersonalData)
    {
        if (ResourceQueryRules.SearchTerm(search) is not { } term) return null;
        var searched = ResourceQueryRules.SearchedFields(resource, canSeePersonalData);
        if (!searched.Any(f => f.SearchMode == SearchMode.AnyPart) && resource.RelatedSearches.Count == 0) return null;
        var e = Expression.Parameter(typeof(T), "e");
        var prefix = EscapeLike(term) + "%";
        Expression? any = null;
        void Or(Expression match) => any = any is null ? match : Expression.OrElse(any, match);
        foreach (var field in searched) Or(LikeCall(db.Provider, Expression.Property(e, field.Name), prefix));
        foreach (var related in resource.RelatedSearches) Or(RelatedMatch(db, related, Expression.Property(e, "Id"), prefix, contains: false));
        return any is null ? null : Expression.Lambda<Func<T, int>>(Expression.Condition(any, Expression.Constant(0), Expression.Constant(1)), e);
    }

    /// <summary><c>EXISTS (SELECT 1 FROM child WHERE child.owner = e.id AND child.text LIKE pattern)</c>.</summary>
    static Expression RelatedMatch(GameOpsDbContext db, RelatedSearch related, Expression ownerId, string pattern, bool contains = true)
    {
        var c = Expression.Parameter(related.ChildType, "c");
        var owner = new ParameterReplacer(related.Owner.Parameters[0], c).Visit(related.Owner.Body);
        var text = new ParameterReplacer(related.Text.Parameters[0], c).Visit(related.Text.Body);
        var body = Expression.AndAlso(Expression.Equal(owner, ownerId), LikeCall(db.Provider, text, pattern, contains));
        var children = related.Children(db).Expression;
        return Expression.Call(typeof(Queryable), nameof(Queryable.Any), [related.ChildType], children, Expression.Quote(Expression.Lambda(body, c)));
    }

    sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    IQueryable<T> Where<T>(GameOpsDbContext db, ResourceDescription resource, IQueryable<T> source, ResourceQuery query, bool canSeePersonalData, IQueryable<Guid>? selectiveSearch = null)
    {
        var e = Expression.Parameter(typeof(T), "e");
        Expression? predicate = null;
        void And(Expression condition) => predicate = predicate is null ? condition : Expression.AndAlso(predicate, condition);

        if (selectiveSearch is { } matches)
            And(Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(Guid)], matches.Expression, Expression.Property(e, "Id")));
        else if (ResourceQueryRules.SearchTerm(query.Search) is { } term)
        {
            Expression? any = null;
            void Or(Expression match) => any = any is null ? match : Expression.OrElse(any, match);
            foreach (var field in ResourceQueryRules.SearchedFields(resource, canSeePersonalData))
                Or(FieldMatch(db.Provider, Expression.Property(e, field.Name), field.SearchMode, term));
            foreach (var related in resource.RelatedSearches)
                Or(RelatedMatch(db, related, Expression.Property(e, "Id"), RelatedPattern(term)));
            if (Guid.TryParse(term, out var guid))
                Or(Expression.Equal(Expression.Property(e, "Id"), Parameter(guid, typeof(Guid))));
            And(any ?? Expression.Constant(false));
        }

        // The user's filters were checked against the declaration (ResourceQueryRules); the scope is set by code.
        foreach (var (name, filter) in query.Filters.Concat(query.Scope))
        {
            if (!filter.IsSet || resource.FindField(name) is not { IsSecret: false } field) continue;
            var member = Expression.Property(e, field.Name);
            var type = member.Type;
            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            if (filter.Bool is { } b && underlying == typeof(bool)) And(Expression.Equal(member, Parameter(b, type)));
            if (!string.IsNullOrEmpty(filter.Value))
                And(Expression.Equal(member, Parameter(ResourceQueryRules.ConvertValue(field, filter.Value), type)));
            if (filter.Min is { } min) And(Expression.GreaterThanOrEqual(member, Parameter(ResourceQueryRules.ConvertBound(field, min), type)));
            if (filter.Max is { } max) And(Expression.LessThanOrEqual(member, Parameter(ResourceQueryRules.ConvertBound(field, max), type)));
            if (filter.From is { } from) And(Expression.GreaterThanOrEqual(member, Parameter(DateTime.SpecifyKind(from, DateTimeKind.Utc), type)));
            if (filter.To is { } to) And(Expression.LessThan(member, Parameter(DateTime.SpecifyKind(to, DateTimeKind.Utc), type)));
        }
        return predicate is null ? source : source.Where(Expression.Lambda<Func<T, bool>>(predicate, e));
    }

    /// <summary>
    /// Case-insensitive LIKE. On PostgreSQL a prefix search is <c>lower(col) LIKE lower(term) || '%'</c>, which the
    /// <c>lower(col) text_pattern_ops</c> indexes serve; a contains search is ILIKE, which the pg_trgm indexes serve.
    /// SQLite's LIKE is case-insensitive (ASCII) already.
    /// </summary>
    public static Expression LikeCall(DatabaseProvider provider, Expression member, string pattern, bool contains = false)
    {
        var functions = Expression.Constant(EF.Functions);
        var escape = Expression.Constant("\\");
        if (provider == DatabaseProvider.Postgres && contains)
            return Expression.Call(typeof(NpgsqlDbFunctionsExtensions).GetMethod(nameof(NpgsqlDbFunctionsExtensions.ILike), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!,
                functions, member, Parameter(pattern, typeof(string)), escape);
        var like = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like), [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;
        if (provider == DatabaseProvider.Postgres)
            return Expression.Call(like, functions, Expression.Call(member, typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!),
                Parameter(pattern.ToLowerInvariant(), typeof(string)), escape);
        return Expression.Call(like, functions, member, Parameter(pattern, typeof(string)), escape);
    }

    public static string EscapeLike(string term) => term.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    /// <param name="ranked">The source is ordered already (by search rank): the list's sort only breaks its ties.</param>
    IQueryable<T> Sort<T>(ResourceDescription resource, IQueryable<T> source, ResourceQuery query, bool ranked = false)
    {
        var name = query.SortField ?? resource.DefaultSort;
        var descending = query.SortField is null ? resource.DefaultSortDescending : query.SortDescending;
        var e = Expression.Parameter(typeof(T), "e");
        IOrderedQueryable<T> ordered;
        if (name is not null && resource.FindField(name) is { Sortable: true } field)
        {
            Expression key = Expression.Property(e, field.Name);
            if (field.Kind == FieldKind.Reference && DisplayOf(field) is { } display)
                key = Expression.Property(Expression.Property(e, field.NavigationName!), display);
            ordered = OrderBy(source, Expression.Lambda(key, e), descending, first: !ranked);
            ordered = OrderBy(ordered, Expression.Lambda(Expression.Property(e, "Id"), e), descending, first: false);
        }
        else ordered = OrderBy(source, Expression.Lambda(Expression.Property(e, "Id"), e), false, first: !ranked);
        return ordered;
    }

    static IOrderedQueryable<T> OrderBy<T>(IQueryable<T> source, LambdaExpression key, bool descending, bool first)
    {
        var method = (first, descending) switch
        {
            (true, false) => nameof(Queryable.OrderBy),
            (true, true) => nameof(Queryable.OrderByDescending),
            (false, false) => nameof(Queryable.ThenBy),
            _ => nameof(Queryable.ThenByDescending),
        };
        var call = Expression.Call(typeof(Queryable), method, [typeof(T), key.ReturnType], source.Expression, Expression.Quote(key));
        return (IOrderedQueryable<T>)source.Provider.CreateQuery<T>(call);
    }

    /// <summary>The display property of the table a reference points to (null when that is its key already).</summary>
    string? DisplayOf(ResourceField field)
    {
        if (field.ReferenceType is null) return null;
        var target = catalog.For(field.ReferenceType);
        return target.DisplayField == field.ReferenceKey ? null : target.DisplayField;
    }

    /// <summary><c>e => new ResourceRow(e.Id, new object[] { e.A, e.Nav.Name, … })</c>: only the listed columns leave the database.</summary>
    Expression<Func<T, ResourceRow>> Projection<T>(ResourceDescription resource)
    {
        var e = Expression.Parameter(typeof(T), "e");
        var values = new List<Expression>();
        foreach (var name in resource.ListColumns)
        {
            var field = resource.Field(name);
            Expression value = Expression.Property(e, field.Name);
            if (field.Kind == FieldKind.Reference && DisplayOf(field) is { } display)
                value = Expression.Property(Expression.Property(e, field.NavigationName!), display);
            values.Add(Expression.Convert(value, typeof(object)));
        }
        var ctor = typeof(ResourceRow).GetConstructors()[0];
        var body = Expression.New(ctor, Expression.Convert(Expression.Property(e, "Id"), typeof(object)), Expression.NewArrayInit(typeof(object), values));
        return Expression.Lambda<Func<T, ResourceRow>>(body, e);
    }

    // ---------- pickers ----------

    /// <summary>Up to 20 rows of a referenced table matching the text, for an autocomplete.</summary>
    public Task<IReadOnlyList<PickerOption>> PickAsync(ResourceDescription target, string keyField, string? text, CancellationToken ct = default) =>
        PickDispatchAsync(target, keyField, text, null, ct);

    async Task<IReadOnlyList<PickerOption>> PickDispatchAsync(ResourceDescription target, string keyField, string? text, object? exact, CancellationToken ct) =>
        await target.Accept(new PickVisitor(this, keyField, text, exact, await CanSeePersonalDataAsync(), ct));

    /// <summary>The label of one referenced row (what the picker shows for the current value).</summary>
    public async Task<PickerOption?> LabelAsync(ResourceDescription target, string keyField, object? value, CancellationToken ct = default)
    {
        if (value is null) return null;
        var list = await PickDispatchAsync(target, keyField, null, value, ct);
        return list.FirstOrDefault();
    }

    async Task<IReadOnlyList<PickerOption>> PickCoreAsync<T>(ResourceDescription target, string keyField, string? text, object? exact, bool canSeePersonalData, CancellationToken ct) where T : class
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        IQueryable<T> source = db.Set<T>().AsNoTracking();
        var e = Expression.Parameter(typeof(T), "e");
        var key = Expression.Property(e, keyField);
        if (exact is not null)
            source = source.Where(Expression.Lambda<Func<T, bool>>(Expression.Equal(key, Parameter(exact, key.Type)), e));
        Expression<Func<T, int>>? rank = null;
        var term = exact is null ? ResourceQueryRules.SearchTerm(text) : null;
        if (term is not null)
        {
            var search = new ResourceQuery { Search = text };
            var selective = await SelectiveSearchAsync<T>(db, target, search, canSeePersonalData, ct);
            source = Where(db, target, source, search, canSeePersonalData, selective);
            // Few matches: prefix matches first; many (a common term on a big table): the display index order, as before.
            if (selective is not null) rank = PrefixRank<T>(db, target, text, canSeePersonalData);
        }
        var display = Expression.Property(e, target.DisplayField);
        var secondary = target.BusinessKey is { } bk && bk != target.DisplayField && bk != keyField ? Expression.Property(e, bk) : null;
        Expression label = display.Type == typeof(string) ? display : Expression.Call(display, typeof(object).GetMethod(nameof(ToString))!);
        var searched = term is null ? [] : ResourceQueryRules.SearchedFields(target, canSeePersonalData);
        var byDisplay = Expression.Lambda<Func<T, object>>(Expression.Convert(display, typeof(object)), e);
        var ordered = rank is null ? source.OrderBy(byDisplay) : source.OrderBy(rank).ThenBy(byDisplay);
        var pairs = await ordered.Take(20)
            .Select(Expression.Lambda<Func<T, object[]>>(Expression.NewArrayInit(typeof(object),
                new Expression[] { Expression.Convert(key, typeof(object)), Expression.Convert(label, typeof(object)),
                    Expression.Convert(secondary ?? (Expression)Expression.Constant(null, typeof(string)), typeof(object)),
                    typeof(T).GetProperty("Id")?.PropertyType == typeof(Guid) ? Expression.Convert(Expression.Property(e, "Id"), typeof(object)) : (Expression)Expression.Constant(null, typeof(object)) }
                .Concat(searched.Select(f => (Expression)Expression.Convert(Expression.Property(e, f.Name), typeof(object))))), e))
            .ToListAsync(ct);
        var related = term is null ? null : await RelatedMatchesAsync(db, target, pairs.Select(p => p[3]).OfType<Guid>().ToList(), term, ct);
        return pairs.Select(p => new PickerOption(p[0], p[2] is string s && s.Length > 0 ? $"{p[1]} ({s})" : p[1]?.ToString() ?? p[0].ToString()!,
            term is null ? null : MatchedIn(term, p[1]?.ToString(), searched, p[4..], related, p[3]))).ToList();
    }

    /// <summary>
    /// Which field a search found a row through, when it is not the row's label: "character name: Eliion", "item id: wpn_…".
    /// Personal values are masked (only roles that may search them get here at all).
    /// </summary>
    static string? MatchedIn(string term, string? label, IReadOnlyList<ResourceField> searched, object?[] values, IReadOnlyDictionary<Guid, (string Label, string Text)>? related, object? id)
    {
        if (label?.Contains(term, StringComparison.OrdinalIgnoreCase) == true) return null;
        for (var i = 0; i < searched.Count && i < values.Length; i++)
            if (values[i] is string value && value.Contains(term, StringComparison.OrdinalIgnoreCase))
                return $"{searched[i].Label.ToLowerInvariant()}: {searched[i].Format(value, maskPersonalData: true)}";
        return id is Guid g && related is not null && related.TryGetValue(g, out var match) ? $"{match.Label}: {match.Text}" : null;
    }

    /// <summary>For the given rows, the first related text (e.g. a character's name) matching the term, with the search's label.</summary>
    static async Task<IReadOnlyDictionary<Guid, (string Label, string Text)>?> RelatedMatchesAsync(GameOpsDbContext db, ResourceDescription resource, List<Guid> ids, string term, CancellationToken ct)
    {
        if (resource.RelatedSearches.Count == 0 || ids.Count == 0) return null;
        var found = new Dictionary<Guid, (string, string)>();
        foreach (var related in resource.RelatedSearches)
        {
            var c = Expression.Parameter(related.ChildType, "c");
            var owner = new ParameterReplacer(related.Owner.Parameters[0], c).Visit(related.Owner.Body);
            var text = new ParameterReplacer(related.Text.Parameters[0], c).Visit(related.Text.Body);
            var match = Expression.AndAlso(Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], Expression.Constant(ids), owner),
                LikeCall(db.Provider, text, RelatedPattern(term), contains: true));
            var children = related.Children(db);
            var where = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [related.ChildType], children.Expression, Expression.Quote(Expression.Lambda(match, c)));
            var pairs = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [related.ChildType, typeof(object[])], where,
                Expression.Quote(Expression.Lambda(Expression.NewArrayInit(typeof(object), Expression.Convert(owner, typeof(object)), Expression.Convert(text, typeof(object))), c)));
            var rows = await children.Provider.CreateQuery<object[]>(pairs).Take(200).ToListAsync(ct);
            foreach (var row in rows)
                if (row[0] is Guid ownerId && row[1] is string value) found.TryAdd(ownerId, (related.Label, value));
        }
        return found;
    }

    // ---------- single rows ----------

    public async Task<object?> LoadAsync(ResourceDescription resource, object id, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(resource.ReadPermission);
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
    /// The row tokens (PostgreSQL's xmin, SQLite's loaded column values) of each entity handed to an editor, so that a
    /// save compares them with the database even though it reloads the row: see <see cref="RowConcurrency"/>.
    /// </summary>
    static readonly ConditionalWeakTable<object, Dictionary<string, object?>> LoadedRowTokens = new();

    static void RememberRowTokens(EntityEntry entry) =>
        LoadedRowTokens.AddOrUpdate(entry.Entity, entry.Properties.Where(p => p.Metadata.IsRowToken()).ToDictionary(p => p.Metadata.Name, p => p.OriginalValue));

    public static object? ParseId(string id) => Guid.TryParse(id, out var g) ? g : null;

    /// <summary>
    /// Validates and saves. <paramref name="originalToken"/> is the concurrency token the editor loaded; a row
    /// changed since then is a <see cref="SaveOutcome.Conflict"/> (with the database's values), unless
    /// <paramref name="overwrite"/> is set after the user chose to keep their version.
    /// </summary>
    public async Task<SaveResult> SaveAsync(ResourceDescription resource, object entity, bool isNew, object? originalToken, bool overwrite = false, CancellationToken ct = default)
    {
        await DemandWriteAsync(resource);
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
            var id = resource.Field("Id").GetValue(entity)!;
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
            return SaveResult.Error(DescribeDatabaseError(ex));
        }
    }

    /// <summary>Bulk activate/deactivate: one SaveChanges, so all rows change or none do (each audited and versioned).</summary>
    public async Task<SaveResult> SetActiveAsync(ResourceDescription resource, IReadOnlyList<object> ids, bool active, CancellationToken ct = default)
    {
        await DemandWriteAsync(resource);
        if (!resource.IsActivatable) return SaveResult.Error("This table has no active flag.");
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        foreach (var id in ids)
        {
            var entity = await db.FindAsync(resource.EntityType, [id], ct);
            if (entity is null) return SaveResult.Error("One of the selected rows was deleted meanwhile; nothing was changed.", SaveOutcome.NotFound);
            ((GameOps.Data.Entities.IActivatable)entity).IsActive = active;
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return new SaveResult(SaveOutcome.Saved, []);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Error("Someone else changed one of the rows meanwhile; nothing was changed.", SaveOutcome.Conflict);
        }
    }

    public async Task<SaveResult> DeleteAsync(ResourceDescription resource, object id, CancellationToken ct = default)
    {
        await DemandWriteAsync(resource);
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
            return SaveResult.Error(DescribeDatabaseError(ex));
        }
    }

    /// <summary>Rows of other tables whose foreign keys point at this row (restricting ones only: cascades go with it).</summary>
    public async Task<IReadOnlyList<ReferenceCount>> ReferencesAsync(ResourceDescription resource, object id, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(resource.ReadPermission);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var entityType = db.Model.FindEntityType(resource.EntityType)!;
        var entity = await db.FindAsync(resource.EntityType, [id], ct);
        if (entity is null) return [];
        var result = new List<ReferenceCount>();
        foreach (var fk in entityType.GetReferencingForeignKeys().Where(k => k.DeleteBehavior is DeleteBehavior.Restrict or DeleteBehavior.NoAction or DeleteBehavior.ClientNoAction))
        {
            var keyValue = db.Entry(entity).Property(fk.PrincipalKey.Properties[0].Name).CurrentValue;
            var count = await CountWhereAsync(db, fk.DeclaringEntityType.GetTableName()!, fk.Properties[0].GetColumnName(), keyValue, ct);
            if (count > 0)
            {
                var table = fk.DeclaringEntityType.GetTableName()!;
                var target = catalog.Find(table);
                result.Add(new ReferenceCount(table, fk.Properties[0].GetColumnName(), count, target?.ListRoute));
            }
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

    static string DescribeDatabaseError(DbUpdateException ex)
    {
        var message = ex.InnerException?.Message ?? ex.Message;
        if (message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) || message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase))
            return "Another row already uses this value where it must be unique (" + UniqueColumn(message) + ").";
        if (message.Contains("FOREIGN KEY", StringComparison.OrdinalIgnoreCase) || message.Contains("foreign key", StringComparison.OrdinalIgnoreCase))
            return "A referenced row does not exist, or this row is still referenced elsewhere.";
        return "The database refused the change: " + message;
    }

    static string UniqueColumn(string message)
    {
        var marker = message.IndexOf("failed: ", StringComparison.Ordinal);
        if (marker >= 0) return message[(marker + 8)..].Trim('\'', '.', ' ');
        var key = message.IndexOf("Key (", StringComparison.Ordinal);
        return key >= 0 ? message[(key + 5)..message.IndexOf(')', key)] : "unique value";
    }
}
