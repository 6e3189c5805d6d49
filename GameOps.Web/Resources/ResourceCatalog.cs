using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using GameOps.Data;
using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GameOps.Web.Resources;

/// <summary>Workspace files implement this to refine the descriptions the catalog derives from the model.</summary>
public interface IResourceConfiguration
{
    void Configure(ResourceCatalog catalog);
}

/// <summary>
/// Every table of the model as a <see cref="ResourceDescription"/>: first derived from the EF model
/// (names, types, lengths, keys, references), then refined by each <see cref="IResourceConfiguration"/>.
/// </summary>
public sealed class ResourceCatalog
{
    static readonly string[] DisplayCandidates = ["Name", "Title", "Username", "TeamName", "DisplayName", "Email", "MetricName", "Content", "EventType", "ActionType"];
    static readonly HashSet<string> LongTextNames = ["Description", "Content", "Message", "Reason", "Resolution", "ResolutionNote", "FailureReason"];
    static readonly HashSet<string> SystemManaged = ["CreatedAt", "UpdatedAt", "Version"];

    readonly Dictionary<string, ResourceDescription> bySlug = new(StringComparer.OrdinalIgnoreCase);
    readonly Dictionary<Type, ResourceDescription> byType = [];

    public IReadOnlyModel Model { get; }

    public ResourceCatalog(IReadOnlyModel model, IEnumerable<IResourceConfiguration> configurations)
    {
        Model = model;
        foreach (var entityType in model.GetEntityTypes().Where(IsGameTable).OrderBy(e => e.GetTableName()))
        {
            var description = Derive(entityType);
            bySlug[description.Slug] = description;
            byType[description.EntityType] = description;
        }
        foreach (var configuration in configurations) configuration.Configure(this);
        foreach (var description in bySlug.Values)
        {
            Verify(description);
            description.Freeze();
        }
    }

    /// <summary>
    /// The description of any mapped entity type derived from the model alone (no workspace's refinements), frozen. For typed
    /// dispatch (<see cref="ResourceDescription.Accept"/>) where only a bare context is at hand, e.g. a player's data export and erasure.
    /// </summary>
    public static ResourceDescription Describe(IReadOnlyEntityType entityType) => Described.GetValue(entityType, e =>
    {
        var description = Derive(e);
        description.Freeze();
        return description;
    });

    /// <summary>Frozen, so one per entity type (models are cached by EF for the process) serves every caller.</summary>
    static readonly ConditionalWeakTable<IReadOnlyEntityType, ResourceDescription> Described = new();

    /// <summary>
    /// A declaration may never expose a secret: listed, searched, filtered or sorted. Checked once at start-up, so a
    /// declaration that tries fails the app (and the catalog tests) instead of leaking.
    /// </summary>
    static void Verify(ResourceDescription resource)
    {
        foreach (var (use, names) in new (string, IEnumerable<string?>)[]
                 {
                     ("listed", resource.ListColumns), ("searched", resource.SearchFields), ("filtered", resource.Filters),
                     ("sorted by default", [resource.DefaultSort]), ("shown as its rows' label", [resource.DisplayField]),
                 })
            foreach (var name in names.OfType<string>())
                if (resource.FindField(name) is { IsSecret: true })
                    throw new InvalidOperationException($"{resource.Table}.{name} is marked secret and cannot be {use}.");
    }

    public IEnumerable<ResourceDescription> All => bySlug.Values.OrderBy(r => r.Title);
    public ResourceDescription? Find(string slug) => bySlug.GetValueOrDefault(slug);
    public ResourceDescription For(Type entityType) => byType[entityType];
    public ResourceDescription? Find(Type entityType) => byType.GetValueOrDefault(entityType);
    public ResourceDescription<T> For<T>() where T : class, new() => (ResourceDescription<T>)byType[typeof(T)];

    /// <summary>The resource whose workspace route is this path (e.g. <c>/design/items</c>).</summary>
    public ResourceDescription? FindByRoute(string route) =>
        bySlug.Values.FirstOrDefault(r => string.Equals(r.Route, route, StringComparison.OrdinalIgnoreCase));

    /// <summary>Game tables, staff accounts (read-only, for references) and the audit trail; Identity's other tables stay out.</summary>
    static bool IsGameTable(IReadOnlyEntityType e) =>
        e.ClrType.Namespace == typeof(ICreatedAt).Namespace && !e.IsOwned() && e.GetTableName() is { } table
        && (!table.StartsWith("staff_") || e.ClrType == typeof(StaffAuditEntry) || e.ClrType == typeof(StaffUser));

    static ResourceDescription Derive(IReadOnlyEntityType entityType)
    {
        var table = entityType.GetTableName()!;
        var descriptionType = typeof(ResourceDescription<>).MakeGenericType(entityType.ClrType);
        var title = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(table.Replace('_', ' '));
        // The one step that needs the entity type as a type argument; the slug and table go through the constructor.
        var d = (ResourceDescription)Activator.CreateInstance(descriptionType, table, table)!;
        d.Title = title;
        d.SingularTitle = title.EndsWith("ies") ? title[..^3] + "y" : title.EndsWith('s') && !title.EndsWith("ss") ? title[..^1] : title;

        // The row's own key, as the model names it (null for a composite key): hidden and never typed, never a list column or a search.
        var idName = entityType.FindPrimaryKey() is { Properties.Count: 1 } primaryKey ? primaryKey.Properties[0].Name : null;
        var fields = new List<ResourceField>();
        foreach (var property in entityType.GetProperties())
        {
            if (property.PropertyInfo is not { } info) continue;
            var field = new ResourceField
            {
                Name = property.Name,
                Column = property.GetColumnName(),
                Property = info,
                Label = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(property.GetColumnName().Replace('_', ' ')),
                MaxLength = property.GetMaxLength() is { } max and < 4000 ? max : property.GetMaxLength(),
                Required = !property.IsNullable,
                ReadOnly = property.Name == idName || SystemManaged.Contains(property.Name),
                Hidden = property.Name == idName,
                Sensitivity = property.GetSensitivity(),
                IsPrimaryKey = property.FindContainingPrimaryKey() is { Properties.Count: 1 },
            };
            var underlying = Nullable.GetUnderlyingType(info.PropertyType) ?? info.PropertyType;
            var fk = property.GetContainingForeignKeys().FirstOrDefault(k => k.Properties.Count == 1);
            if (info.GetCustomAttribute<JsonColumnAttribute>() is not null)
            {
                field.Kind = FieldKind.Json;
                field.Sortable = false;
                field.MaxLength = null;
            }
            else if (fk is not null && fk.DependentToPrincipal is not null)
            {
                field.Kind = FieldKind.Reference;
                field.ReferenceType = fk.PrincipalEntityType.ClrType;
                field.NavigationName = fk.DependentToPrincipal.Name;
                field.ReferenceKey = fk.PrincipalKey.Properties[0].Name;
                field.Label = field.Label.EndsWith(" Id") ? field.Label[..^3] : field.Label;
            }
            else if (underlying == typeof(bool)) { field.Kind = FieldKind.Boolean; field.Filterable = true; }
            else if (underlying == typeof(int) || underlying == typeof(long)) field.Kind = FieldKind.Integer;
            else if (underlying == typeof(decimal) || underlying == typeof(double)) field.Kind = FieldKind.Decimal;
            else if (underlying == typeof(DateTime)) field.Kind = FieldKind.DateTime;
            else if (underlying == typeof(Guid)) field.Kind = FieldKind.Guid;
            else field.Kind = LongTextNames.Contains(property.Name) ? FieldKind.LongText : FieldKind.Text;
            if (field.Kind == FieldKind.LongText) field.Sortable = false;
            field.PersonalData = field.Sensitivity == Sensitivity.Personal;
            if (field.IsSecret)
            {
                // Never on a form, never typed, never a criterion: the row's own code (sign-in, hashing) maintains it.
                field.Hidden = true;
                field.ReadOnly = true;
                field.Sortable = false;
                field.Filterable = false;
            }
            field.FixedAfterCreate = property.IsKey() && !property.IsPrimaryKey();
            fields.Add(field);
        }

        // The model lists properties alphabetically; forms read better in the order the schema declares them.
        var declared = entityType.ClrType.GetProperties().Select(p => p.Name).ToList();
        d.SetFields(fields.OrderBy(f => declared.IndexOf(f.Name)));

        var key = entityType.GetKeys().Where(k => !k.IsPrimaryKey() && k.Properties.Count == 1 && k.Properties[0].ClrType == typeof(string)).Select(k => k.Properties[0].Name)
            .Concat(entityType.GetIndexes().Where(i => i.IsUnique && i.Properties.Count == 1 && i.Properties[0].ClrType == typeof(string)).Select(i => i.Properties[0].Name))
            .FirstOrDefault(name => !d.Field(name).IsSensitive); // an email is unique, but it is not a key to show or type
        d.BusinessKey = key;
        d.DisplayField = DisplayCandidates.FirstOrDefault(c => d.FindField(c) is { Kind: FieldKind.Text or FieldKind.LongText or FieldKind.Options, IsSecret: false }) ?? key ?? idName ?? d.Fields[0].Name;
        d.ConcurrencyToken = entityType.GetProperties().FirstOrDefault(p => p.IsConcurrencyToken && !p.IsRowToken())?.Name;
        if (key is not null) d.Field(key).ReadOnly = false;

        // A table nobody declared lists, searches and filters only what is not sensitive (and only Admins read it: RawDataRead).
        var columns = new List<string>();
        if (key is not null && !d.Field(key).IsSensitive) columns.Add(key);
        if (d.DisplayField != key && d.DisplayField != idName && !d.Field(d.DisplayField).IsSensitive) columns.Add(d.DisplayField);
        columns.AddRange(d.Fields.Where(f => !columns.Contains(f.Name) && f.Name != idName && !f.IsSensitive && f.Kind is not (FieldKind.Json or FieldKind.LongText or FieldKind.Guid))
            .Select(f => f.Name).Take(Math.Max(0, 7 - columns.Count)));
        d.SetListColumns(columns);
        d.SetSearchFields(new[] { key, d.DisplayField }.Where(f => f is not null && f != idName && d.Field(f) is { IsSensitive: false } sf && sf.ClrType == typeof(string)).Distinct()!);
        d.SetFilters(d.Fields.Where(f => f.Kind == FieldKind.Boolean && !f.IsSensitive).Select(f => f.Name));
        var created = d.FindField("CreatedAt") ?? d.Fields.FirstOrDefault(f => f.Kind == FieldKind.DateTime && !f.IsSensitive);
        if (created is not null) { d.DefaultSort = created.Name; d.DefaultSortDescending = true; }
        else d.DefaultSort = d.DisplayField;
        return d;
    }
}

public static class ResourceServiceCollectionExtensions
{
    public static IServiceCollection AddGameOpsResources(this IServiceCollection services)
    {
        foreach (var type in typeof(ResourceCatalog).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IResourceConfiguration).IsAssignableFrom(t)))
            services.AddSingleton(typeof(IResourceConfiguration), type);
        services.AddSingleton(sp =>
        {
            using var db = GameOpsDatabase.CreateContext(sp.GetRequiredService<DatabaseOptions>());
            return new ResourceCatalog(db.Model, sp.GetServices<IResourceConfiguration>());
        });
        services.AddScoped<ResourceStore>();
        services.AddSingleton<TableVersions>();
        services.AddSingleton<TableVersionInterceptor>();
        services.AddMemoryCache();
        return services;
    }
}
