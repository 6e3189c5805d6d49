using System.Reflection;
using GameOps.Web.Security;

namespace GameOps.Web.Resources;

public enum FieldKind
{
    Text,
    LongText,
    Integer,
    Decimal,
    Boolean,
    DateTime,
    Guid,
    /// <summary>A string limited to a known set of values (item rarity, report status…).</summary>
    Options,
    /// <summary>A foreign key: picked with an autocomplete over the referenced resource.</summary>
    Reference,
    Json,
}

public enum SearchMode
{
    Prefix,
    /// <summary>A word anywhere in a long text (descriptions, reasons, chat).</summary>
    Contains,
    /// <summary>Any part of a short name or key (case-insensitive contains), prefix matches ranked first; pg_trgm-indexed on the big tables.</summary>
    AnyPart,
}

public static class SearchModeDeclarations
{
    /// <summary>Search these name or key fields by any part of them ("swor" finds "Mithril Sword"), prefix matches first.</summary>
    public static ResourceDescription<TEntity> SearchAnyPart<TEntity>(this ResourceDescription<TEntity> resource, params System.Linq.Expressions.Expression<Func<TEntity, object?>>[] fields)
        where TEntity : class, new()
    {
        foreach (var f in fields) resource.Field(f).SearchMode = SearchMode.AnyPart;
        return resource;
    }
}

/// <summary>One property of an entity as the list and edit shells see it.</summary>
public sealed class ResourceField
{
    /// <summary>Set by <see cref="ResourceCatalog"/> once every workspace has refined the field; a frozen field refuses every change.</summary>
    public bool IsFrozen { get; private set; }

    internal void Freeze() => IsFrozen = true;

    T Mutable<T>(T value) => IsFrozen
        ? throw new InvalidOperationException($"{Column} belongs to a built resource catalog and cannot change; declare it in its workspace file.")
        : value;

    public required string Name { get; init; }
    public required string Column { get; init; }
    public required PropertyInfo Property { get; init; }
    /// <summary>The entity (table) this field belongs to: the source whose form a reference picker serves.</summary>
    public Type EntityType => Property.DeclaringType!;
    public string Label { get; set => field = Mutable(value); } = "";
    public FieldKind Kind { get; set => field = Mutable(value); }
    public bool Required { get; set => field = Mutable(value); }
    public int? MaxLength { get; set => field = Mutable(value); }
    public IReadOnlyList<string>? Options { get; set => field = Mutable(value) is { } options ? Array.AsReadOnly(options.ToArray()) : null; }
    public double? Min { get; set => field = Mutable(value); }
    public double? Max { get; set => field = Mutable(value); }
    public string? HelpText { get; set => field = Mutable(value); }
    /// <summary>Shown but never edited (keys, timestamps, counters maintained by the game servers).</summary>
    public bool ReadOnly { get; set => field = Mutable(value); }
    /// <summary>A key other rows refer to (e.g. <c>zone_id</c>): set when the row is created, never changed afterwards.</summary>
    public bool FixedAfterCreate { get; set => field = Mutable(value); }
    /// <summary>Not shown on the edit form at all.</summary>
    public bool Hidden { get; set => field = Mutable(value); }
    public bool Filterable { get; set => field = Mutable(value); }
    public bool Sortable { get; set => field = Mutable(value); } = true;
    public SearchMode SearchMode { get; set => field = Mutable(value); } = SearchMode.Prefix;
    /// <summary>From the model's marks (<c>[Secret]</c>, <c>[Personal]</c>, <c>.IsSecret()</c>…), never from the property's name.</summary>
    public GameOps.Data.Entities.Sensitivity Sensitivity { get; init; }
    /// <summary>The table's primary key when it is this one column (from the model).</summary>
    public bool IsPrimaryKey { get; init; }
    /// <summary>A credential or key: never listed, filtered, sorted, searched, exported or shown on a form.</summary>
    public bool IsSecret => Sensitivity == GameOps.Data.Entities.Sensitivity.Secret;
    /// <summary>Personal data (emails, IP addresses): masked for staff without <see cref="Permission.RevealPersonalData"/>,
    /// never filtered, sorted or searched by them; exported unmasked only with <see cref="Permission.ExportPersonalData"/>.</summary>
    public bool PersonalData { get; set => field = Mutable(value); }
    public bool IsSensitive => IsSecret || PersonalData;

    /// <summary>For <see cref="FieldKind.Reference"/>: the referenced entity, navigation and key.</summary>
    public Type? ReferenceType { get; set => field = Mutable(value); }
    public string? NavigationName { get; set => field = Mutable(value); }
    public string? ReferenceKey { get; set => field = Mutable(value); }

    /// <summary>For typed JSON columns: the C# shape; <c>string</c> for raw JSON.</summary>
    public Type ClrType => Property.PropertyType;
    public bool IsNullable => Nullable.GetUnderlyingType(ClrType) is not null || !ClrType.IsValueType && !Required;

    Func<object, object?>? getter;
    Action<object, object?>? setter;

    /// <summary>The property's value, through an accessor compiled once per field (no <c>PropertyInfo.GetValue</c> per call).</summary>
    public object? GetValue(object entity) => (getter ??= CompileGetter(Property))(entity);

    /// <summary>Sets the property (null sets a value type to its default, as <c>PropertyInfo.SetValue</c> did).</summary>
    public void SetValue(object entity, object? value) => (setter ??= CompileSetter(Property))(entity, value);

    static Func<object, object?> CompileGetter(PropertyInfo property)
    {
        var entity = System.Linq.Expressions.Expression.Parameter(typeof(object), "entity");
        var read = System.Linq.Expressions.Expression.Property(System.Linq.Expressions.Expression.Convert(entity, property.DeclaringType!), property);
        return System.Linq.Expressions.Expression.Lambda<Func<object, object?>>(System.Linq.Expressions.Expression.Convert(read, typeof(object)), entity).Compile();
    }

    static Action<object, object?> CompileSetter(PropertyInfo property)
    {
        var entity = System.Linq.Expressions.Expression.Parameter(typeof(object), "entity");
        var value = System.Linq.Expressions.Expression.Parameter(typeof(object), "value");
        var converted = System.Linq.Expressions.Expression.Condition(
            System.Linq.Expressions.Expression.Equal(value, System.Linq.Expressions.Expression.Constant(null)),
            System.Linq.Expressions.Expression.Default(property.PropertyType),
            System.Linq.Expressions.Expression.Convert(value, property.PropertyType));
        var assign = System.Linq.Expressions.Expression.Assign(
            System.Linq.Expressions.Expression.Property(System.Linq.Expressions.Expression.Convert(entity, property.DeclaringType!), property), converted);
        return System.Linq.Expressions.Expression.Lambda<Action<object, object?>>(assign, entity, value).Compile();
    }

    /// <summary>Short, human-readable text for a list cell.</summary>
    public string Format(object? value, bool maskPersonalData = false)
    {
        if (value is null) return "";
        if (maskPersonalData && PersonalData) return Mask(value.ToString() ?? "");
        return value switch
        {
            DateTime d => d.ToString("yyyy-MM-dd HH:mm") + " UTC",
            bool b => b ? "Yes" : "No",
            decimal m => m.ToString("0.####"),
            double m => m.ToString("0.####"),
            string s when s.Length > 120 => s[..117] + "…",
            _ => value.ToString() ?? "",
        };
    }

    public static string Mask(string value)
    {
        var at = value.IndexOf('@');
        if (at > 0) return value[0] + new string('•', Math.Max(1, at - 1)) + value[at..];
        if (value.Length <= 4) return new string('•', value.Length);
        return value[..Math.Min(3, value.Length / 3)] + new string('•', value.Length - Math.Min(3, value.Length / 3));
    }
}
