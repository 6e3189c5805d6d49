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
    readonly List<ResourceField> fields = [];
    readonly List<string> listColumns = [];
    readonly List<string> searchFields = [];
    readonly List<RelatedSearch> relatedSearches = [];
    readonly List<string> filters = [];
    readonly List<Func<GameOps.Data.GameOpsDbContext, object, CancellationToken, Task<IReadOnlyList<ValidationIssue>>>> databaseValidators = [];
    readonly List<Func<GameOps.Data.GameOpsDbContext, object, CancellationToken, Task<IReadOnlyList<ReferenceCount>>>> extraReferences = [];

    /// <param name="slug">The resource's name in URLs (<c>/data/{slug}</c>, <c>/export/{slug}.csv</c>).</param>
    /// <param name="table">The table it lists and edits (snake_case, as in the schema).</param>
    protected ResourceDescription(string slug, string table)
    {
        Slug = slug;
        Table = table;
        Fields = fields.AsReadOnly();
        ListColumns = listColumns.AsReadOnly();
        SearchFields = searchFields.AsReadOnly();
        RelatedSearches = relatedSearches.AsReadOnly();
        Filters = filters.AsReadOnly();
        DatabaseValidators = databaseValidators.AsReadOnly();
        ExtraReferences = extraReferences.AsReadOnly();
    }

    /// <summary>
    /// True once <see cref="ResourceCatalog"/> has applied every workspace's refinements: from then on the declaration (and each
    /// of its fields) is shared by every circuit and refuses every change with an <see cref="InvalidOperationException"/>.
    /// </summary>
    public bool IsFrozen { get; private set; }

    internal void Freeze()
    {
        foreach (var field in fields) field.Freeze();
        IsFrozen = true;
    }

    /// <summary>Passes <paramref name="value"/> through while the declaration is being built; throws once it is frozen.</summary>
    protected T Mutable<T>(T value) => IsFrozen
        ? throw new InvalidOperationException($"The {Table} resource belongs to a built catalog and cannot change; declare it in its workspace file (Resources/Workspaces).")
        : value;

    /// <summary>Replaces the contents of one of the declaration's lists (while it is being built).</summary>
    private protected void Replace<TItem>(List<TItem> list, IEnumerable<TItem> items)
    {
        var copy = Mutable(items).ToList();
        list.Clear();
        list.AddRange(copy);
    }

    private protected void Add<TItem>(List<TItem> list, TItem item) => list.Add(Mutable(item));

    public string Slug { get; }
    public string Table { get; }
    public abstract Type EntityType { get; }
    public string Title { get; set => field = Mutable(value); } = "";
    public string SingularTitle { get; set => field = Mutable(value); } = "";
    public string Workspace { get; set => field = Mutable(value); } = "Data";
    /// <summary>Where the workspace page lives (e.g. <c>/design/items</c>); every table also lives at <c>/data/{table}</c>.</summary>
    public string? Route { get; set => field = Mutable(value); }
    public string? Icon { get; set => field = Mutable(value); }
    public Permission ReadPermission { get; set => field = Mutable(value); } = Permission.RawDataRead;
    /// <summary>null: read-only everywhere.</summary>
    public Permission? WritePermission { get; set => field = Mutable(value); } = Permission.RawDataWrite;
    public bool AllowCreate { get; set => field = Mutable(value); } = true;
    public bool AllowDelete { get; set => field = Mutable(value); } = true;
    public CountStrategy CountStrategy { get; set => field = Mutable(value); } = CountStrategy.Estimated;
    public int DefaultPageSize { get; set => field = Mutable(value); } = 25;

    public IReadOnlyList<ResourceField> Fields { get; }
    public IReadOnlyList<string> ListColumns { get; }
    public IReadOnlyList<string> SearchFields { get; }
    /// <summary>Text of other tables that finds a row too (a player by a character's name): prefix matches on a child's column.</summary>
    public IReadOnlyList<RelatedSearch> RelatedSearches { get; }
    /// <summary>Every search term a user can type, for the search box's placeholder.</summary>
    public IEnumerable<string> SearchLabels => SearchFields.Select(f => Field(f).Label.ToLowerInvariant()).Concat(RelatedSearches.Select(r => r.Label));
    public IReadOnlyList<string> Filters { get; }
    public string? DefaultSort { get; set => field = Mutable(value); }
    public bool DefaultSortDescending { get; set => field = Mutable(value); }
    /// <summary>The property shown when another table points here (Name, Title, Username…); the catalog derives it from the model (the key when nothing better).</summary>
    public string DisplayField { get; set => field = Mutable(value); } = "";
    /// <summary>The human key (<c>item_id</c>, <c>quest_id</c>…), when the table has one.</summary>
    public string? BusinessKey { get; set => field = Mutable(value); }
    /// <summary>The optimistic-concurrency token (<c>version</c> or <c>updated_at</c>), if any.</summary>
    public string? ConcurrencyToken { get; set => field = Mutable(value); }
    /// <summary>Rows with an <c>is_active</c> flag (<see cref="GameOps.Data.Entities.IActivatable"/>): (de)activated in bulk, deactivated rather than deleted.</summary>
    public bool IsActivatable => typeof(GameOps.Data.Entities.IActivatable).IsAssignableFrom(EntityType);
    /// <summary>Rows with a <c>version</c> counter (<see cref="GameOps.Data.Entities.IVersioned"/>) that every save raises by one.</summary>
    public bool IsVersioned => typeof(GameOps.Data.Entities.IVersioned).IsAssignableFrom(EntityType);

    /// <summary>
    /// The hand-written page that takes <see cref="Route"/> (a workflow of its own, e.g. the report queue) instead of the shared list
    /// shell; null when the shell serves the route. Its <c>@page</c> route equals <see cref="ListRoute"/> (checked by the declaration tests).
    /// </summary>
    public Type? ListPageComponent { get; set => field = Mutable(value); }

    public string ListRoute => Route ?? $"/data/{Slug}";
    public string DetailRoute(object id) => $"{ListRoute}/{id}";

    /// <summary>The row's single-column primary key (<c>id</c>), as the model declares it.</summary>
    public ResourceField IdField => Fields.FirstOrDefault(f => f.IsPrimaryKey) ?? throw new InvalidOperationException($"{Table} has no single-column primary key.");

    public ResourceField Field(string name) => Fields.First(f => f.Name == name);
    public ResourceField? FindField(string name) => Fields.FirstOrDefault(f => f.Name == name);

    // The catalog's derivation from the EF model fills these before any workspace refines them.
    internal void SetFields(IEnumerable<ResourceField> derived) => Replace(fields, derived);
    internal void SetListColumns(IEnumerable<string> names) => Replace(listColumns, names);
    internal void SetSearchFields(IEnumerable<string> names) => Replace(searchFields, names);
    internal void SetFilters(IEnumerable<string> names) => Replace(filters, names);
    private protected void AddRelatedSearch(RelatedSearch search) => Add(relatedSearches, search);
    private protected void AddDatabaseValidator(Func<GameOps.Data.GameOpsDbContext, object, CancellationToken, Task<IReadOnlyList<ValidationIssue>>> validator) =>
        Add(databaseValidators, validator);
    private protected void AddExtraReferences(Func<GameOps.Data.GameOpsDbContext, object, CancellationToken, Task<IReadOnlyList<ReferenceCount>>> references) =>
        Add(extraReferences, references);

    internal abstract IReadOnlyList<ValidationIssue> RunValidators(object entity);
    public abstract object NewEntity();

    /// <summary>Typed dispatch without reflection: calls <paramref name="visitor"/> with this resource's entity type.</summary>
    public abstract TResult Accept<TResult>(IResourceVisitor<TResult> visitor);

    /// <summary>Checks that need the database (references that must exist, cycles…), run by the save path after the in-memory ones.</summary>
    public IReadOnlyList<Func<GameOps.Data.GameOpsDbContext, object, CancellationToken, Task<IReadOnlyList<ValidationIssue>>>> DatabaseValidators { get; }
    /// <summary>Uses the foreign keys cannot see (item keys inside JSON columns…): shown under "Used by" and blocking deletes.</summary>
    public IReadOnlyList<Func<GameOps.Data.GameOpsDbContext, object, CancellationToken, Task<IReadOnlyList<ReferenceCount>>>> ExtraReferences { get; }
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

    public ResourceDescription(string slug, string table) : base(slug, table) { }

    public override Type EntityType => typeof(TEntity);

    public override object NewEntity()
    {
        var entity = new TEntity();
        initializer?.Invoke(entity);
        return entity;
    }

    /// <summary>The hand-written page component (<c>@page</c> = this resource's route) that lists this table instead of the shared shell.</summary>
    public ResourceDescription<TEntity> ListPage<TPage>() where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        ListPageComponent = typeof(TPage);
        return this;
    }

    /// <summary>Defaults for a new row.</summary>
    public ResourceDescription<TEntity> Initialize(Action<TEntity> init)
    {
        initializer += Mutable(init);
        return this;
    }

    public ResourceDescription<TEntity> Validate(Func<TEntity, IEnumerable<ValidationIssue>> validator)
    {
        validators.Add(Mutable(validator));
        return this;
    }

    public ResourceDescription<TEntity> ValidateWithDatabase(Func<GameOps.Data.GameOpsDbContext, TEntity, CancellationToken, Task<IReadOnlyList<ValidationIssue>>> validator)
    {
        AddDatabaseValidator((db, e, ct) => validator(db, (TEntity)e, ct));
        return this;
    }

    public ResourceDescription<TEntity> ReferencedBy(Func<GameOps.Data.GameOpsDbContext, TEntity, CancellationToken, Task<IReadOnlyList<ReferenceCount>>> references)
    {
        AddExtraReferences((db, e, ct) => references(db, (TEntity)e, ct));
        return this;
    }

    public override TResult Accept<TResult>(IResourceVisitor<TResult> visitor) => visitor.Visit(this);

    internal override IReadOnlyList<ValidationIssue> RunValidators(object entity) =>
        validators.SelectMany(v => v((TEntity)entity)).ToList();

    public ResourceDescription<TEntity> Columns(params Expression<Func<TEntity, object?>>[] columns)
    {
        SetListColumns(columns.Select(NameOf));
        return this;
    }

    public ResourceDescription<TEntity> Search(params Expression<Func<TEntity, object?>>[] fields)
    {
        SetSearchFields(fields.Select(NameOf));
        return this;
    }

    /// <summary>Rows are found by a prefix of <paramref name="text"/> on <typeparamref name="TChild"/> rows that point at them through <paramref name="owner"/>.</summary>
    public ResourceDescription<TEntity> SearchRelated<TChild>(string label, Expression<Func<TChild, Guid>> owner, Expression<Func<TChild, string>> text) where TChild : class
    {
        AddRelatedSearch(new RelatedSearch(label, typeof(TChild), owner, text, db => db.Set<TChild>()));
        return this;
    }

    public ResourceDescription<TEntity> FilterBy(params Expression<Func<TEntity, object?>>[] fields)
    {
        SetFilters(fields.Select(NameOf));
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

    /// <summary>Who reads the table, and who writes it (<c>null</c>: read-only everywhere).</summary>
    public ResourceDescription<TEntity> Permissions(Permission read, Permission? write)
    {
        ReadPermission = read;
        WritePermission = write;
        return this;
    }

    /// <summary>Rows are created elsewhere (by the game, or by a workspace's own action): no "New" on the shells.</summary>
    public ResourceDescription<TEntity> NoCreate()
    {
        AllowCreate = false;
        return this;
    }

    /// <summary>Rows are never deleted from the console (they are ended, disbanded, resolved… through their service).</summary>
    public ResourceDescription<TEntity> NoDelete()
    {
        AllowDelete = false;
        return this;
    }

    public ResourceDescription<TEntity> Titled(string title, string? singular = null)
    {
        Title = title;
        if (singular is not null) SingularTitle = singular;
        return this;
    }

    /// <summary>Search these (long-text) fields by a word anywhere in them instead of by prefix.</summary>
    public ResourceDescription<TEntity> SearchAnywhere(params Expression<Func<TEntity, object?>>[] fields)
    {
        foreach (var f in fields) Field(f).SearchMode = SearchMode.Contains;
        return this;
    }

    /// <summary>Never on the edit form (lookup copies, keys the code maintains).</summary>
    public ResourceDescription<TEntity> Hide(params Expression<Func<TEntity, object?>>[] fields)
    {
        foreach (var f in fields) Field(f).Hidden = true;
        return this;
    }

    public static string NameOf(Expression<Func<TEntity, object?>> expression)
    {
        var body = expression.Body is UnaryExpression { NodeType: ExpressionType.Convert } u ? u.Operand : expression.Body;
        return body is MemberExpression m ? m.Member.Name : throw new ArgumentException($"{expression} is not a property access.");
    }
}

/// <summary>A search through a child table: <see cref="Owner"/> selects the parent's id, <see cref="Text"/> the column matched by prefix.</summary>
public sealed record RelatedSearch(string Label, Type ChildType, LambdaExpression Owner, LambdaExpression Text, Func<GameOps.Data.GameOpsDbContext, IQueryable> Children);
