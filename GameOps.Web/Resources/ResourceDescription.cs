using System.Linq.Expressions;
using GameOps.Web.Security;

namespace GameOps.Web.Resources;

public enum CountStrategy
{
    /// <summary>Exact COUNT(*); fine for definition tables.</summary>
    Exact,
    /// <summary>Unfiltered: the database's row estimate; filtered: counted up to a cap. For tables of millions of rows.</summary>
    Estimated,
}

/// <summary>
/// Everything the shared list and edit shells need to serve one table: described once, derived from the
/// EF model and refined per workspace (see <c>Resources/Workspaces</c>).
/// </summary>
public abstract class ResourceDescription
{
    public required string Slug { get; init; }
    public required string Table { get; init; }
    public required Type EntityType { get; init; }
    public string Title { get; set; } = "";
    public string SingularTitle { get; set; } = "";
    public string Workspace { get; set; } = "Data";
    /// <summary>Where the workspace page lives (e.g. <c>/design/items</c>); every table also lives at <c>/data/{table}</c>.</summary>
    public string? Route { get; set; }
    public string? Icon { get; set; }
    public Permission ReadPermission { get; set; } = Permission.RawDataRead;
    /// <summary>null: read-only everywhere.</summary>
    public Permission? WritePermission { get; set; } = Permission.RawDataWrite;
    public bool AllowCreate { get; set; } = true;
    public bool AllowDelete { get; set; } = true;
    public CountStrategy CountStrategy { get; set; } = CountStrategy.Estimated;
    public int DefaultPageSize { get; set; } = 25;

    public List<ResourceField> Fields { get; } = [];
    public List<string> ListColumns { get; } = [];
    public List<string> SearchFields { get; } = [];
    /// <summary>Text of other tables that finds a row too (a player by a character's name): prefix matches on a child's column.</summary>
    public List<RelatedSearch> RelatedSearches { get; } = [];
    /// <summary>Every search term a user can type, for the search box's placeholder.</summary>
    public IEnumerable<string> SearchLabels => SearchFields.Select(f => Field(f).Label.ToLowerInvariant()).Concat(RelatedSearches.Select(r => r.Label));
    public List<string> Filters { get; } = [];
    public string? DefaultSort { get; set; }
    public bool DefaultSortDescending { get; set; }
    /// <summary>The property shown when another table points here (Name, Title, Username…).</summary>
    public string DisplayField { get; set; } = "Id";
    /// <summary>The human key (<c>item_id</c>, <c>quest_id</c>…), when the table has one.</summary>
    public string? BusinessKey { get; set; }
    /// <summary>The optimistic-concurrency token (<c>version</c> or <c>updated_at</c>), if any.</summary>
    public string? ConcurrencyToken { get; set; }

    public string ListRoute => Route ?? $"/data/{Slug}";
    public string DetailRoute(object id) => $"{ListRoute}/{id}";

    public ResourceField Field(string name) => Fields.First(f => f.Name == name);
    public ResourceField? FindField(string name) => Fields.FirstOrDefault(f => f.Name == name);

    internal abstract IReadOnlyList<ValidationIssue> RunValidators(object entity);
    public abstract object NewEntity();

    /// <summary>Typed dispatch without reflection: calls <paramref name="visitor"/> with this resource's entity type.</summary>
    public abstract TResult Accept<TResult>(IResourceVisitor<TResult> visitor);

    /// <summary>Checks that need the database (references that must exist, cycles…), run by the save path after the in-memory ones.</summary>
    public List<Func<GameOps.Data.GameOpsDbContext, object, CancellationToken, Task<IReadOnlyList<ValidationIssue>>>> DatabaseValidators { get; } = [];
    /// <summary>Uses the foreign keys cannot see (item keys inside JSON columns…): shown under "Used by" and blocking deletes.</summary>
    public List<Func<GameOps.Data.GameOpsDbContext, object, CancellationToken, Task<IReadOnlyList<ReferenceCount>>>> ExtraReferences { get; } = [];
}

public sealed record ValidationIssue(string? Field, string Message, bool IsWarning = false);

/// <summary>Code that needs a resource's entity type as a type argument (<c>db.Set&lt;T&gt;()</c>) implements this and is reached by <see cref="ResourceDescription.Accept"/>.</summary>
public interface IResourceVisitor<out TResult>
{
    TResult Visit<T>(ResourceDescription<T> resource) where T : class, new();
}

public sealed class ResourceDescription<TEntity> : ResourceDescription where TEntity : class, new()
{
    readonly List<Func<TEntity, IEnumerable<ValidationIssue>>> validators = [];
    Action<TEntity>? initializer;

    public override object NewEntity()
    {
        var entity = new TEntity();
        initializer?.Invoke(entity);
        return entity;
    }

    /// <summary>Defaults for a new row.</summary>
    public ResourceDescription<TEntity> Initialize(Action<TEntity> init)
    {
        initializer += init;
        return this;
    }

    public ResourceDescription<TEntity> Validate(Func<TEntity, IEnumerable<ValidationIssue>> validator)
    {
        validators.Add(validator);
        return this;
    }

    public ResourceDescription<TEntity> ValidateWithDatabase(Func<GameOps.Data.GameOpsDbContext, TEntity, CancellationToken, Task<IReadOnlyList<ValidationIssue>>> validator)
    {
        DatabaseValidators.Add((db, e, ct) => validator(db, (TEntity)e, ct));
        return this;
    }

    public ResourceDescription<TEntity> ReferencedBy(Func<GameOps.Data.GameOpsDbContext, TEntity, CancellationToken, Task<IReadOnlyList<ReferenceCount>>> references)
    {
        ExtraReferences.Add((db, e, ct) => references(db, (TEntity)e, ct));
        return this;
    }

    public override TResult Accept<TResult>(IResourceVisitor<TResult> visitor) => visitor.Visit(this);

    internal override IReadOnlyList<ValidationIssue> RunValidators(object entity) =>
        validators.SelectMany(v => v((TEntity)entity)).ToList();

    public ResourceDescription<TEntity> Columns(params Expression<Func<TEntity, object?>>[] columns)
    {
        ListColumns.Clear();
        ListColumns.AddRange(columns.Select(NameOf));
        return this;
    }

    public ResourceDescription<TEntity> Search(params Expression<Func<TEntity, object?>>[] fields)
    {
        SearchFields.Clear();
        SearchFields.AddRange(fields.Select(NameOf));
        return this;
    }

    /// <summary>Rows are found by a prefix of <paramref name="text"/> on <typeparamref name="TChild"/> rows that point at them through <paramref name="owner"/>.</summary>
    public ResourceDescription<TEntity> SearchRelated<TChild>(string label, Expression<Func<TChild, Guid>> owner, Expression<Func<TChild, string>> text) where TChild : class
    {
        RelatedSearches.Add(new RelatedSearch(label, typeof(TChild), owner, text, db => db.Set<TChild>()));
        return this;
    }

    public ResourceDescription<TEntity> FilterBy(params Expression<Func<TEntity, object?>>[] fields)
    {
        Filters.Clear();
        Filters.AddRange(fields.Select(NameOf));
        return this;
    }

    public ResourceDescription<TEntity> SortBy(Expression<Func<TEntity, object?>> field, bool descending = false)
    {
        DefaultSort = NameOf(field);
        DefaultSortDescending = descending;
        return this;
    }

    public ResourceDescription<TEntity> Display(Expression<Func<TEntity, object?>> field)
    {
        DisplayField = NameOf(field);
        return this;
    }

    public ResourceField Field(Expression<Func<TEntity, object?>> field) => Field(NameOf(field));

    public ResourceDescription<TEntity> Options(Expression<Func<TEntity, object?>> field, params string[] options)
    {
        var f = Field(field);
        f.Kind = FieldKind.Options;
        f.Options = options;
        f.Filterable = true;
        return this;
    }

    public ResourceDescription<TEntity> Range(Expression<Func<TEntity, object?>> field, double? min, double? max)
    {
        var f = Field(field);
        f.Min = min;
        f.Max = max;
        return this;
    }

    public ResourceDescription<TEntity> ReadOnly(params Expression<Func<TEntity, object?>>[] fields)
    {
        foreach (var f in fields) Field(f).ReadOnly = true;
        return this;
    }

    public ResourceDescription<TEntity> PersonalData(params Expression<Func<TEntity, object?>>[] fields)
    {
        foreach (var f in fields) Field(f).PersonalData = true;
        return this;
    }

    public ResourceDescription<TEntity> Help(Expression<Func<TEntity, object?>> field, string text)
    {
        Field(field).HelpText = text;
        return this;
    }

    public static string NameOf(Expression<Func<TEntity, object?>> expression)
    {
        var body = expression.Body is UnaryExpression { NodeType: ExpressionType.Convert } u ? u.Operand : expression.Body;
        return body is MemberExpression m ? m.Member.Name : throw new ArgumentException($"{expression} is not a property access.");
    }
}

/// <summary>A search through a child table: <see cref="Owner"/> selects the parent's id, <see cref="Text"/> the column matched by prefix.</summary>
public sealed record RelatedSearch(string Label, Type ChildType, LambdaExpression Owner, LambdaExpression Text, Func<GameOps.Data.GameOpsDbContext, IQueryable> Children)
{
    /// <summary>The ids of the parents whose children's text matches <paramref name="match"/> (built for the child type).</summary>
    public IQueryable<Guid> OwnerIds(GameOps.Data.GameOpsDbContext db, LambdaExpression match) =>
        Children(db).Provider.CreateQuery<Guid>(Expression.Call(typeof(Queryable), nameof(Queryable.Select), [ChildType, typeof(Guid)],
            Expression.Call(typeof(Queryable), nameof(Queryable.Where), [ChildType], Children(db).Expression, Expression.Quote(match)),
            Expression.Quote(Owner)));
}
