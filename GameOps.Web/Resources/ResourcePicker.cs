using System.Linq.Expressions;
using GameOps.Data;
using Microsoft.EntityFrameworkCore;
using static GameOps.Web.Resources.ResourceQueryBuilder;

namespace GameOps.Web.Resources;

/// <summary>
/// The options of a reference picker: up to 20 rows of the referenced table matching the typed text (the list's search, prefix
/// matches first), each labelled by its display field and business key, and saying which field matched when it is not the label.
/// The caller (<see cref="ResourceStore"/>) has checked the permission and the key; labels never hold a secret (the catalog refuses a
/// secret display field) and personal ones are masked unless the caller may reveal them.
/// </summary>
public sealed class ResourcePicker(ResourceQueryBuilder queries)
{
    public const int MaxOptions = 20;

    /// <param name="exact">A key value: the one row it names (the label of a picker's current value), the text ignored.</param>
    public async Task<IReadOnlyList<PickerOption>> PickAsync<T>(GameOpsDbContext db, ResourceDescription target, string keyField, string? text, object? exact,
        bool canSeePersonalData, CancellationToken ct) where T : class
    {
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
            var selective = await queries.SelectiveSearchAsync<T>(db, target, search, canSeePersonalData, ct);
            source = Where(db, target, source, search, canSeePersonalData, selective);
            // Few matches: prefix matches first; many (a common term on a big table): the display index order, as before.
            if (selective is not null) rank = SearchRank<T>(target, selective, byPrefix: true);
        }
        var display = Expression.Property(e, target.DisplayField);
        // The business key beside the label, unless the form never shows it (staff accounts' normalized user name is a copy of the email).
        var secondary = target.BusinessKey is { } bk && bk != target.DisplayField && bk != keyField && target.Field(bk) is { Hidden: false, IsSecret: false }
            ? Expression.Property(e, bk) : null;
        Expression label = display.Type == typeof(string) ? display : Expression.Call(display, typeof(object).GetMethod(nameof(ToString))!);
        var searched = term is null ? [] : ResourceQueryRules.SearchedFields(target, canSeePersonalData);
        // A personal label (a staff account's email) is masked for roles without reveal, and the options are not ordered by it.
        var maskLabel = target.Field(target.DisplayField).PersonalData && !canSeePersonalData;
        var maskSecondary = secondary is not null && target.Field(target.BusinessKey!).PersonalData && !canSeePersonalData;
        var byDisplay = Expression.Lambda<Func<T, object>>(Expression.Convert(maskLabel ? key : display, typeof(object)), e);
        var ordered = rank is null ? source.OrderBy(byDisplay) : source.OrderBy(rank).ThenBy(byDisplay);
        var id = target.IdField.ClrType == typeof(Guid) ? Expression.Convert(Key(e, target), typeof(object)) : (Expression)Expression.Constant(null, typeof(object));
        var pairs = await ordered.Take(MaxOptions)
            .Select(Expression.Lambda<Func<T, object[]>>(Expression.NewArrayInit(typeof(object),
                new Expression[] { Expression.Convert(key, typeof(object)), Expression.Convert(label, typeof(object)),
                    Expression.Convert(secondary ?? (Expression)Expression.Constant(null, typeof(string)), typeof(object)), id }
                .Concat(searched.Select(f => (Expression)Expression.Convert(Expression.Property(e, f.Name), typeof(object))))), e))
            .ToListAsync(ct);
        var related = term is null ? null : await RelatedMatchesAsync(db, target, pairs.Select(p => p[3]).OfType<Guid>().ToList(), term, ct);
        return pairs.Select(p =>
        {
            var shown = p[1]?.ToString() is { } labelText && maskLabel ? ResourceField.Mask(labelText) : p[1]?.ToString();
            var second = p[2] is string s && s.Length > 0 ? maskSecondary ? ResourceField.Mask(s) : s : null;
            return new PickerOption(p[0], second is not null ? $"{shown} ({second})" : shown ?? p[0].ToString()!,
                term is null ? null : MatchedIn(term, shown, searched, p[4..], related, p[3]));
        }).ToList();
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
}
