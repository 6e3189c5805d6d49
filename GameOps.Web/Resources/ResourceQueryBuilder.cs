using System.Linq.Expressions;
using GameOps.Data;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Resources;

/// <summary>
/// The expressions of a list query: the search (per provider), the filters, the sort and the projection of the listed
/// columns. Every name comes from the declaration (the primary key from the model, <see cref="ResourceDescription.IdField"/>);
/// every value is a query parameter. Callers have checked the criteria (<see cref="ResourceQueryRules"/>) and the permission.
/// </summary>
public sealed class ResourceQueryBuilder(ResourceCatalog catalog)
{
    /// <summary>Up to this many matches, a search gathers the matching ids and picks its page among them; beyond, it walks the sort index.</summary>
    public const int SelectiveSearchCap = 10_000;

    /// <summary><c>e.Id</c>: the row's primary key, named by the model.</summary>
    public static MemberExpression Key(Expression row, ResourceDescription resource) => Expression.Property(row, resource.IdField.Name);

    /// <summary>True when the primary key is one <see cref="Guid"/> column (the ids a search can gather).</summary>
    static bool HasGuidKey(ResourceDescription resource) => resource.Fields.FirstOrDefault(f => f.IsPrimaryKey)?.ClrType == typeof(Guid);

    /// <summary>
    /// A search that matches few rows, as the list of their ids, read once: one index range (or trigram scan) per searched
    /// column, the related tables' included (<c>SELECT id, lower(username) LIKE 'term%' … UNION ALL SELECT user_id, … FROM
    /// actors …</c>, capped). Left to one OR predicate, the planner walks the list's sort index and filters every row when the
    /// matches are rare (or clustered far from the first page). With the ids in hand, the list's count (when nothing else
    /// filters it) is their number and the page is picked among them by primary key, so the search itself runs once per list
    /// load instead of once for the count and again for the page. Each id says whether a field or related text starts with the
    /// term, for <see cref="SearchRank{T}"/>. Many matches (they are dense, the first page is near): null, and the
    /// OR predicate. null as well for no search, a contains search (trigram-served) or a table without one Guid key.
    /// </summary>
    public async Task<SearchMatches?> SelectiveSearchAsync<T>(GameOpsDbContext db, ResourceDescription resource, ResourceQuery query, bool canSeePersonalData, CancellationToken ct) where T : class
    {
        if (ResourceQueryRules.SearchTerm(query.Search) is not { } term || !HasGuidKey(resource)) return null;
        var searched = ResourceQueryRules.SearchedFields(resource, canSeePersonalData);
        if (searched.Any(f => f.SearchMode == SearchMode.Contains)) return null;
        IQueryable<SearchMatch>? hits = null;
        void Union(IQueryable<SearchMatch> more) => hits = hits is null ? more : hits.Concat(more);
        var e = Expression.Parameter(typeof(T), "e");
        var prefix = EscapeLike(term) + "%";
        foreach (var field in searched)
        {
            var member = Expression.Property(e, field.Name);
            // A prefix field matches by its prefix only: every hit is a prefix hit (no second LIKE for the index to answer).
            var startsWith = field.SearchMode == SearchMode.Prefix ? Expression.Constant(true) : LikeCall(db.Provider, member, prefix);
            Union(db.Set<T>().Where(Expression.Lambda<Func<T, bool>>(FieldMatch(db.Provider, member, field.SearchMode, term), e))
                .Select((Expression<Func<T, SearchMatch>>)Hit(e, Key(e, resource), startsWith)));
        }
        foreach (var related in resource.RelatedSearches)
            Union(RelatedHits(db, related, term, prefix));
        if (hits is null) return null;
        if (Guid.TryParse(term, out var guid))
            Union(db.Set<T>().Where(Expression.Lambda<Func<T, bool>>(Expression.Equal(Key(e, resource), Parameter(guid, typeof(Guid))), e))
                .Select((Expression<Func<T, SearchMatch>>)Hit(e, Key(e, resource), Expression.Constant(false))));
        // Prefix ranges alone are counted from their indexes first, and gathered only when few: a common prefix (a staff email in
        // the audit trail) would otherwise bring 10,001 ids over for nothing. A match anywhere in a name is checked against the
        // table row, which costs the count as much as the gathering, so it is gathered at once.
        if (!searched.Any(f => f.SearchMode == SearchMode.AnyPart) && resource.RelatedSearches.Count == 0
            && await hits.Take(SelectiveSearchCap + 1).CountAsync(ct) > SelectiveSearchCap)
            return null;
        var found = await hits.Take(SelectiveSearchCap + 1).ToListAsync(ct);
        return found.Count <= SelectiveSearchCap ? SearchMatches.Of(found) : null;
    }

    /// <summary><c>row => new SearchMatch { Id = id, StartsWithTerm = startsWith }</c>.</summary>
    static LambdaExpression Hit(ParameterExpression row, Expression id, Expression startsWith) =>
        Expression.Lambda(Expression.MemberInit(Expression.New(typeof(SearchMatch)),
            Expression.Bind(typeof(SearchMatch).GetProperty(nameof(SearchMatch.Id))!, id),
            Expression.Bind(typeof(SearchMatch).GetProperty(nameof(SearchMatch.StartsWithTerm))!, startsWith)), row);

    /// <summary>The parents whose child text (a character's name…) holds the term anywhere, and whether it starts with it.</summary>
    static IQueryable<SearchMatch> RelatedHits(GameOpsDbContext db, RelatedSearch related, string term, string prefix)
    {
        var c = Expression.Parameter(related.ChildType, "c");
        var owner = new ParameterReplacer(related.Owner.Parameters[0], c).Visit(related.Owner.Body);
        var text = new ParameterReplacer(related.Text.Parameters[0], c).Visit(related.Text.Body);
        var children = related.Children(db);
        var matching = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [related.ChildType], children.Expression,
            Expression.Quote(Expression.Lambda(LikeCall(db.Provider, text, RelatedPattern(term), contains: true), c)));
        var hit = Hit(c, owner, LikeCall(db.Provider, text, prefix));
        return children.Provider.CreateQuery<SearchMatch>(Expression.Call(typeof(Queryable), nameof(Queryable.Select), [related.ChildType, typeof(SearchMatch)],
            matching, Expression.Quote(hit)));
    }

    /// <summary>Related searches (character names…) match any part of the child's text.</summary>
    public static string RelatedPattern(string term) => "%" + EscapeLike(term) + "%";

    /// <summary>The search predicate of one field: a prefix, a word in a long text, or any part of a name.</summary>
    public static Expression FieldMatch(DatabaseProvider provider, Expression member, SearchMode mode, string term) => mode == SearchMode.Prefix
        ? LikeCall(provider, member, EscapeLike(term) + "%")
        : LikeCall(provider, member, "%" + EscapeLike(term) + "%", contains: true);

    /// <summary>
    /// The first order key of a list over a selective search's rows: <c>e => prefixIds.Contains(e.Id) ? 0 : 1</c> (prefix matches
    /// first), or, when the user picked a sort (<paramref name="byPrefix"/> false), <c>e => ids.Contains(e.Id) ? 0 : 1</c>, the same
    /// for every row. Either way it is an order no index gives, so PostgreSQL fetches the few rows by primary key and sorts them.
    /// Ordered by the sort column alone, it walks that column's index and tests each row against the ids: when the matches lie
    /// far from the first page, that walk reads most of the table (850 ms for 3,334 players of 1M, against 25 ms).
    /// </summary>
    public static Expression<Func<T, int>> SearchRank<T>(ResourceDescription resource, SearchMatches matches, bool byPrefix)
    {
        var e = Expression.Parameter(typeof(T), "e");
        var first = ContainsKey(byPrefix ? matches.PrefixIds : matches.Ids, Key(e, resource));
        return Expression.Lambda<Func<T, int>>(Expression.Condition(first, Expression.Constant(0), Expression.Constant(1)), e);
    }

    /// <summary><c>ids.Contains(key)</c> with the ids sent as one array parameter (<c>= ANY(@ids)</c>; <c>json_each</c> on SQLite), whatever their number.</summary>
    static Expression ContainsKey(Guid[] ids, Expression key) =>
        Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)],
            Expression.Call(typeof(EF), nameof(EF.Parameter), [typeof(Guid[])], Parameter(ids, typeof(Guid[]))), key);

    /// <summary><c>EXISTS (SELECT 1 FROM child WHERE child.owner = e.id AND child.text LIKE pattern)</c>.</summary>
    static Expression RelatedMatch(GameOpsDbContext db, RelatedSearch related, Expression ownerId, string pattern)
    {
        var c = Expression.Parameter(related.ChildType, "c");
        var owner = new ParameterReplacer(related.Owner.Parameters[0], c).Visit(related.Owner.Body);
        var text = new ParameterReplacer(related.Text.Parameters[0], c).Visit(related.Text.Body);
        var body = Expression.AndAlso(Expression.Equal(owner, ownerId), LikeCall(db.Provider, text, pattern, contains: true));
        var children = related.Children(db).Expression;
        return Expression.Call(typeof(Queryable), nameof(Queryable.Any), [related.ChildType], children, Expression.Quote(Expression.Lambda(body, c)));
    }

    public sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    /// <summary>The search, the user's filters and the code's scope as one predicate (the rows of the list, unordered).</summary>
    public static IQueryable<T> Where<T>(GameOpsDbContext db, ResourceDescription resource, IQueryable<T> source, ResourceQuery query, bool canSeePersonalData,
        SearchMatches? selectiveSearch = null)
    {
        var e = Expression.Parameter(typeof(T), "e");
        Expression? predicate = null;
        void And(Expression condition) => predicate = predicate is null ? condition : Expression.AndAlso(predicate, condition);

        if (selectiveSearch is { } matches)
            And(ContainsKey(matches.Ids, Key(e, resource)));
        else if (ResourceQueryRules.SearchTerm(query.Search) is { } term)
        {
            Expression? any = null;
            void Or(Expression match) => any = any is null ? match : Expression.OrElse(any, match);
            foreach (var field in ResourceQueryRules.SearchedFields(resource, canSeePersonalData))
                Or(FieldMatch(db.Provider, Expression.Property(e, field.Name), field.SearchMode, term));
            foreach (var related in resource.RelatedSearches)
                Or(RelatedMatch(db, related, Key(e, resource), RelatedPattern(term)));
            if (HasGuidKey(resource) && Guid.TryParse(term, out var guid))
                Or(Expression.Equal(Key(e, resource), Parameter(guid, typeof(Guid))));
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

    /// <summary>The list's order: the chosen (or default) sortable column, then the id so that every page is stable.</summary>
    /// <param name="ranked">The source is ordered already (by search rank): the list's sort only breaks its ties.</param>
    public IQueryable<T> Sort<T>(ResourceDescription resource, IQueryable<T> source, ResourceQuery query, bool ranked = false)
    {
        var name = query.SortField ?? resource.DefaultSort;
        var descending = query.SortField is null ? resource.DefaultSortDescending : query.SortDescending;
        var e = Expression.Parameter(typeof(T), "e");
        var id = Expression.Lambda(Key(e, resource), e);
        if (name is null || resource.FindField(name) is not { Sortable: true } field)
            return OrderBy(source, id, false, first: !ranked);
        Expression key = Expression.Property(e, field.Name);
        if (field.Kind == FieldKind.Reference && DisplayOf(field) is { } display)
            key = Expression.Property(Expression.Property(e, field.NavigationName!), display);
        else if (LabelOrder(field, query) is { } order)
            key = RankIn(key, order);
        return OrderBy(OrderBy(source, Expression.Lambda(key, e), descending, first: !ranked), id, descending, first: false);
    }

    /// <summary>Most keys a label order may list (it becomes one CASE in the ORDER BY).</summary>
    public const int MaxValueOrder = 200;

    /// <summary>The order of a string column's keys by their labels (<see cref="ResourceQuery.ValueOrder"/>), when the page gave one.</summary>
    public static IReadOnlyList<string>? LabelOrder(ResourceField field, ResourceQuery query) =>
        field.ClrType == typeof(string) && query.ValueOrder.TryGetValue(field.Name, out var order) && order.Count is > 0 and <= MaxValueOrder ? order : null;

    /// <summary><c>member == k0 ? 0 : member == k1 ? 1 : … : n</c>, the keys sent as parameters.</summary>
    static Expression RankIn(Expression member, IReadOnlyList<string> order)
    {
        Expression rank = Expression.Constant(order.Count);
        for (var i = order.Count - 1; i >= 0; i--)
            rank = Expression.Condition(Expression.Equal(member, Parameter(order[i], typeof(string))), Expression.Constant(i), rank);
        return rank;
    }

    /// <summary><c>OrderBy</c>, <c>OrderByDescending</c>, <c>ThenBy</c> or <c>ThenByDescending</c> over a key whose type is known at run time.</summary>
    public static IOrderedQueryable<T> OrderBy<T>(IQueryable<T> source, LambdaExpression key, bool descending, bool first)
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
    public string? DisplayOf(ResourceField field)
    {
        if (field.ReferenceType is null) return null;
        var target = catalog.For(field.ReferenceType);
        return target.DisplayField == field.ReferenceKey ? null : target.DisplayField;
    }

    /// <summary><c>e => new ResourceRow(e.Id, new object[] { e.A, e.Nav.Name, … })</c>: only the listed columns leave the database.</summary>
    public Expression<Func<T, ResourceRow>> Projection<T>(ResourceDescription resource)
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
        var body = Expression.New(ctor, Expression.Convert(Key(e, resource), typeof(object)), Expression.NewArrayInit(typeof(object), values));
        return Expression.Lambda<Func<T, ResourceRow>>(body, e);
    }

    /// <summary>
    /// A value EF sends as a query parameter: a constant in an expression tree would be inlined as a SQL literal, which
    /// breaks on text SQL cannot spell (a NUL) and compiles a new query for every anchor or search term.
    /// </summary>
    public static Expression Parameter(object? value, Type type) =>
        Expression.Property(Expression.Constant(Activator.CreateInstance(typeof(Boxed<>).MakeGenericType(type), value)), "Value");

    sealed class Boxed<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }
}

/// <summary>One row a selective search found (<see cref="ResourceQueryBuilder.SelectiveSearchAsync{T}"/>), as the database returns it.</summary>
public sealed class SearchMatch
{
    public Guid Id { get; set; }
    /// <summary>A searched field or related text starts with the term (not only holds it).</summary>
    public bool StartsWithTerm { get; set; }
}

/// <summary>The distinct rows a selective search found, and those found by the start of a field or related text.</summary>
public sealed record SearchMatches(Guid[] Ids, Guid[] PrefixIds)
{
    public static SearchMatches Of(IEnumerable<SearchMatch> hits)
    {
        var startsWith = new Dictionary<Guid, bool>();
        foreach (var hit in hits)
            startsWith[hit.Id] = startsWith.GetValueOrDefault(hit.Id) || hit.StartsWithTerm;
        return new([.. startsWith.Keys], [.. startsWith.Where(p => p.Value).Select(p => p.Key)]);
    }
}
