using System.Collections.Concurrent;
using System.Linq.Expressions;
using GameOps.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Caching.Memory;
using static GameOps.Web.Resources.ResourceQueryBuilder;

namespace GameOps.Web.Resources;

/// <summary>
/// The sort column and direction when the list can be paged by seeking: a plain, non-null column (or the primary key), and the
/// primary key's property, the tie-breaker of every order.
/// </summary>
public sealed record SeekKey(string Property, Type Type, bool Descending, string Id)
{
    public bool IsId => Property == Id;
}

/// <summary>
/// Keyset paging: every page remembers where it ended (per row set, sort and page size, until the table changes), so the
/// next, the previous or a nearby page starts with an index seek instead of reading and discarding every earlier row.
/// A jump far from any known page finds its first row through the narrow (sort key, id) index first, then seeks.
/// The rows are exactly those of offset paging over the same ordering (<see cref="ResourceQueryBuilder.Sort{T}"/>).
/// </summary>
public sealed class KeysetPager(IMemoryCache cache, TableVersions tableVersions, ResourceQueryBuilder queries)
{
    /// <summary>A page further than this many rows past the nearest known one first finds its boundary row over the key pair alone.</summary>
    public const long DeferredSkipThreshold = 500;

    /// <summary>Where page <c>n</c> ends: the sort value and id of its last row.</summary>
    sealed record PageAnchor(object? Key, object Id);

    sealed record KeyedRow(ResourceRow Row, object? Key);

    /// <summary>The seek key of the list's order, or null when it cannot be sought (a reference sorted by its label, a nullable column…).</summary>
    public SeekKey? SeekKeyOf(IReadOnlyModel model, ResourceDescription resource, ResourceQuery query)
    {
        var id = resource.IdField;
        var name = query.SortField ?? resource.DefaultSort;
        var descending = query.SortField is null ? resource.DefaultSortDescending : query.SortDescending;
        if (name is null || resource.FindField(name) is not { Sortable: true } field) return new SeekKey(id.Name, id.ClrType, false, id.Name);
        if (field.Kind == FieldKind.Reference && queries.DisplayOf(field) is not null) return null;
        if (ResourceQueryBuilder.LabelOrder(field, query) is not null) return null;
        var property = model.FindEntityType(resource.EntityType)?.FindProperty(field.Name);
        if (property is null || property.IsNullable || !Comparable(property.ClrType) || !Comparable(id.ClrType)) return null;
        return new SeekKey(field.Name, property.ClrType, descending, id.Name);
    }

    static bool Comparable(Type type) =>
        type == typeof(Guid) || type == typeof(string) || type == typeof(DateTime) || type == typeof(int) || type == typeof(long)
        || type == typeof(decimal) || type == typeof(double);

    /// <summary>Page <see cref="ResourceQuery.Page"/> of <paramref name="filtered"/> in the order of <paramref name="seek"/>, projected to the list's columns.</summary>
    /// <param name="db">The context <paramref name="filtered"/> reads from.</param>
    public async Task<IReadOnlyList<ResourceRow>> PageAsync<T>(GameOpsDbContext db, ResourceDescription resource, ResourceQuery query, IQueryable<T> filtered, SeekKey seek,
        CancellationToken ct) where T : class
    {
        var scope = $"anchors:{resource.Slug}:{tableVersions.Of(resource.Table)}:{query.CriteriaKey}:{seek.Property}:{seek.Descending}:{query.PageSize}";
        var anchors = cache.GetOrCreate(scope, entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(10);
            return new ConcurrentDictionary<int, PageAnchor>();
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
        var compiled = skip != 0 || query.HasCriteria ? null
            : start is null ? FirstPage<T>(db, resource, seek)(db, query.PageSize).ToListAsync(ct).AsTask()
            : PageAfter<T>(db, resource, seek, start, query.PageSize, ct);
        var keyed = compiled is not null
            ? await compiled
            : await Ordered(source, seek).Skip((int)skip).Take(query.PageSize).Select(KeyedProjection<T>(resource, seek)).ToListAsync(ct);
        if (keyed.Count > 0) anchors[query.Page] = new PageAnchor(keyed[^1].Key, keyed[^1].Row.Id);
        return keyed.Select(k => k.Row).ToList();
    }

    /// <summary>
    /// The first page of the whole table in one order, as a compiled query: the same query as any other page, but translated once,
    /// not looked up in EF's query cache on every load. That lookup (walking and hashing the query's expression tree) was about a
    /// quarter of a sub-millisecond list page. Nothing varies in it but the page size, its one parameter.
    /// </summary>
    Func<GameOpsDbContext, int, IAsyncEnumerable<KeyedRow>> FirstPage<T>(GameOpsDbContext db, ResourceDescription resource, SeekKey seek) where T : class =>
        (Func<GameOpsDbContext, int, IAsyncEnumerable<KeyedRow>>)FirstPages.GetOrAdd((db.GetType(), resource, seek.Property, seek.Descending), _ =>
        {
            Expression<Func<GameOpsDbContext, IQueryable<T>>> table = context => context.Set<T>();
            var context = table.Parameters[0];
            var pageSize = Expression.Parameter(typeof(int), "pageSize");
            var ordered = Ordered(((IQueryable<T>)db.Set<T>()).Provider.CreateQuery<T>(table.Body), seek).Expression;
            var page = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(T)], ordered, pageSize);
            var rows = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(T), typeof(KeyedRow)], page, Expression.Quote(KeyedProjection<T>(resource, seek)));
            return EF.CompileAsyncQuery(Expression.Lambda<Func<GameOpsDbContext, int, IQueryable<KeyedRow>>>(rows, context, pageSize));
        });

    /// <summary>
    /// The page after a known one on the whole table, as a compiled query with the anchor's key and id as its parameters (see
    /// <see cref="FirstPage{T}"/>). One typed query per key type; null (the caller takes the dynamic query) for keys it does not cover.
    /// </summary>
    Task<List<KeyedRow>>? PageAfter<T>(GameOpsDbContext db, ResourceDescription resource, SeekKey seek, PageAnchor start, int pageSize, CancellationToken ct)
        where T : class
    {
        if (start.Id is not Guid id) return null;
        if (seek.IsId) return PageAfter<T, Guid>(db, resource, seek, id, id, pageSize, ct);
        return start.Key switch
        {
            DateTime key => PageAfter<T, DateTime>(db, resource, seek, key, id, pageSize, ct),
            string key => PageAfter<T, string>(db, resource, seek, key, id, pageSize, ct),
            Guid key => PageAfter<T, Guid>(db, resource, seek, key, id, pageSize, ct),
            int key => PageAfter<T, int>(db, resource, seek, key, id, pageSize, ct),
            long key => PageAfter<T, long>(db, resource, seek, key, id, pageSize, ct),
            decimal key => PageAfter<T, decimal>(db, resource, seek, key, id, pageSize, ct),
            double key => PageAfter<T, double>(db, resource, seek, key, id, pageSize, ct),
            _ => null,
        };
    }

    Task<List<KeyedRow>>? PageAfter<T, TKey>(GameOpsDbContext db, ResourceDescription resource, SeekKey seek, TKey key, Guid id, int pageSize, CancellationToken ct)
        where T : class
    {
        if (seek.Type != typeof(TKey)) return null;
        var query = (Func<GameOpsDbContext, TKey, Guid, int, IAsyncEnumerable<KeyedRow>>)NextPages.GetOrAdd((db.GetType(), resource, seek.Property, seek.Descending), _ =>
        {
            Expression<Func<GameOpsDbContext, IQueryable<T>>> table = context => context.Set<T>();
            var context = table.Parameters[0];
            var keyParameter = Expression.Parameter(typeof(TKey), "key");
            var idParameter = Expression.Parameter(typeof(Guid), "id");
            var pageSizeParameter = Expression.Parameter(typeof(int), "pageSize");
            var after = ((IQueryable<T>)db.Set<T>()).Provider.CreateQuery<T>(table.Body).Where(After<T>(seek, keyParameter, idParameter));
            var page = Expression.Call(typeof(Queryable), nameof(Queryable.Take), [typeof(T)], Ordered(after, seek).Expression, pageSizeParameter);
            var rows = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(T), typeof(KeyedRow)], page, Expression.Quote(KeyedProjection<T>(resource, seek)));
            return EF.CompileAsyncQuery(Expression.Lambda<Func<GameOpsDbContext, TKey, Guid, int, IQueryable<KeyedRow>>>(rows, context, keyParameter, idParameter, pageSizeParameter));
        });
        return query(db, key, id, pageSize).ToListAsync(ct).AsTask();
    }

    /// <summary>Compiled pages after an anchor, keyed like <see cref="FirstPages"/>.</summary>
    static readonly ConcurrentDictionary<(Type Context, ResourceDescription Resource, string Property, bool Descending), Delegate> NextPages = new();

    /// <summary>Compiled first pages by context type (a provider's model), list declaration (its columns) and order.</summary>
    static readonly ConcurrentDictionary<(Type Context, ResourceDescription Resource, string Property, bool Descending), Delegate> FirstPages = new();

    static IQueryable<T> Ordered<T>(IQueryable<T> source, SeekKey seek)
    {
        var e = Expression.Parameter(typeof(T), "e");
        var ordered = OrderBy(source, Expression.Lambda(Expression.Property(e, seek.Property), e), seek.Descending, first: true);
        return seek.IsId ? ordered : OrderBy(ordered, Expression.Lambda(Expression.Property(e, seek.Id), e), seek.Descending, first: false);
    }

    /// <summary><c>key > a || key == a && id > b</c> (reversed for descending), plus <c>key >= a</c> so the index range starts at the anchor.</summary>
    static Expression<Func<T, bool>> After<T>(SeekKey seek, PageAnchor anchor) =>
        After<T>(seek, seek.IsId ? Parameter(anchor.Id, seek.Type) : Parameter(anchor.Key, seek.Type), Parameter(anchor.Id, anchor.Id.GetType()));

    /// <summary><see cref="After{T}(SeekKey, PageAnchor)"/> over the anchor's key and id as expressions (query parameters).</summary>
    static Expression<Func<T, bool>> After<T>(SeekKey seek, Expression anchorKey, Expression anchorId)
    {
        var e = Expression.Parameter(typeof(T), "e");
        var id = Expression.Property(e, seek.Id);
        var idAfter = Compare(id, anchorId, seek.Descending ? ExpressionType.LessThan : ExpressionType.GreaterThan);
        if (seek.IsId) return Expression.Lambda<Func<T, bool>>(idAfter, e);
        var key = Expression.Property(e, seek.Property);
        var body = Expression.AndAlso(
            Compare(key, anchorKey, seek.Descending ? ExpressionType.LessThanOrEqual : ExpressionType.GreaterThanOrEqual),
            Expression.OrElse(
                Compare(key, anchorKey, seek.Descending ? ExpressionType.LessThan : ExpressionType.GreaterThan),
                Expression.AndAlso(Expression.Equal(key, anchorKey), idAfter)));
        return Expression.Lambda<Func<T, bool>>(body, e);
    }

    /// <summary>A comparison EF can translate: operators where C# has them, <c>CompareTo(x) &gt; 0</c> for strings and Guids.</summary>
    static Expression Compare(Expression member, Expression operand, ExpressionType op)
    {
        if (member.Type == typeof(string) || member.Type == typeof(Guid))
        {
            var compare = Expression.Call(member, member.Type.GetMethod(nameof(string.CompareTo), [member.Type])!, operand);
            return Expression.MakeBinary(op, compare, Expression.Constant(0));
        }
        return Expression.MakeBinary(op, member, operand);
    }

    static Expression<Func<T, object?[]>> KeyPair<T>(SeekKey seek)
    {
        var e = Expression.Parameter(typeof(T), "e");
        return Expression.Lambda<Func<T, object?[]>>(Expression.NewArrayInit(typeof(object),
            Expression.Convert(Expression.Property(e, seek.Property), typeof(object)), Expression.Convert(Expression.Property(e, seek.Id), typeof(object))), e);
    }

    Expression<Func<T, KeyedRow>> KeyedProjection<T>(ResourceDescription resource, SeekKey seek)
    {
        var projection = queries.Projection<T>(resource);
        var e = projection.Parameters[0];
        var body = Expression.New(typeof(KeyedRow).GetConstructors()[0], projection.Body, Expression.Convert(Expression.Property(e, seek.Property), typeof(object)));
        return Expression.Lambda<Func<T, KeyedRow>>(body, e);
    }
}
