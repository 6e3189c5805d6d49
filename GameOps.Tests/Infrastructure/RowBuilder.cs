using System.Collections;
using System.Reflection;
using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GameOps.Tests.Infrastructure;

/// <summary>
/// Builds valid rows of any entity type from the EF model alone: keys, scalar values that respect max length,
/// precision and scale, typed JSON values, and a fresh principal row for every foreign key (recursively), so that
/// the whole graph can be saved as it is. Values are unique per builder, so unique indexes are respected.
/// </summary>
public sealed class RowBuilder(DbContext db)
{
    /// <summary>A UTC moment with microsecond precision (what PostgreSQL keeps).</summary>
    public static readonly DateTime BaseTime = new(2026, 11, 20, 13, 14, 15, DateTimeKind.Utc);

    /// <summary>The last value handed out; start builders of one database at different values to keep unique columns unique.</summary>
    public int Counter { get => counter; set => counter = value; }

    int counter;

    /// <summary>Fill nullable columns and optional foreign keys too (otherwise they stay null).</summary>
    public bool FillOptional { get; set; } = true;

    /// <summary>Creates a row of <typeparamref name="T"/> and its principals, all added to the context (not saved).</summary>
    public T Add<T>() where T : class => (T)Add(db.Model.FindEntityType(typeof(T))
        ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model."));

    /// <summary>Creates a row of <paramref name="entityType"/> and its principals, all added to the context (not saved).</summary>
    public object Add(IEntityType entityType) => Add(entityType, []);

    object Add(IEntityType entityType, HashSet<IEntityType> building)
    {
        if (!building.Add(entityType))
            throw new InvalidOperationException($"Required foreign keys form a cycle through {entityType.DisplayName()}.");
        var entity = Activator.CreateInstance(entityType.ClrType)!;
        var foreignKeyProperties = entityType.GetForeignKeys().SelectMany(fk => fk.Properties).ToHashSet();

        foreach (var property in entityType.GetProperties())
        {
            if (property.IsShadowProperty() || property.PropertyInfo is null || foreignKeyProperties.Contains(property)) continue;
            if (property.IsPrimaryKey() && property.ValueGenerated != ValueGenerated.Never && property.ClrType != typeof(Guid))
                continue; // a database-generated integer key
            var isNullable = property.IsNullable && !property.IsKey();
            if (isNullable && !FillOptional)
            {
                property.PropertyInfo.SetValue(entity, null);
                continue;
            }
            property.PropertyInfo.SetValue(entity, ValueFor(property));
        }

        foreach (var foreignKey in entityType.GetForeignKeys())
        {
            if (!foreignKey.IsRequired && (!FillOptional || building.Contains(foreignKey.PrincipalEntityType))) continue;
            if (foreignKey.Properties.Any(p => p.PropertyInfo is null))
                throw new InvalidOperationException($"{entityType.DisplayName()} has a shadow foreign key: fill it by hand.");
            var principal = Add(foreignKey.PrincipalEntityType, building);
            for (var i = 0; i < foreignKey.Properties.Count; i++)
            {
                var value = foreignKey.PrincipalKey.Properties[i].PropertyInfo!.GetValue(principal);
                foreignKey.Properties[i].PropertyInfo!.SetValue(entity, value);
            }
        }

        building.Remove(entityType);
        db.Add(entity);
        return entity;
    }

    object? ValueFor(IProperty property)
    {
        var n = ++counter;
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        var isJson = property.PropertyInfo?.IsDefined(typeof(JsonColumnAttribute)) == true;
        if (isJson)
            return type == typeof(string) ? $$"""{"note": "row {{n}}", "values": [1, 2.5, true, null], "nested": {"b": "x", "a": {{n}} } }""" : Sample(type, n, 0);
        if (type == typeof(string))
        {
            // Indexed columns stay within what a PostgreSQL b-tree entry can hold (about 2700 bytes).
            var maxLength = property.GetMaxLength() ?? 4000;
            return Text(property.Name, n, property.IsKey() || property.IsIndex() ? Math.Min(maxLength, 200) : maxLength);
        }
        if (type == typeof(Guid)) return Guid.NewGuid();
        if (type == typeof(DateTime)) return BaseTime.AddMinutes(n).AddTicks(n * 10 % 10_000_000);
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(BaseTime.AddHours(n).AddTicks(n * 10 % 10_000_000));
        if (type == typeof(int)) return 1000 + n;
        if (type == typeof(long)) return 10_000_000_000L + n;
        if (type == typeof(short)) return (short)n;
        if (type == typeof(bool)) return true; // false is the CLR default: true shows the column is really written
        if (type == typeof(double)) return n + 0.5;
        if (type == typeof(decimal)) return Decimal(property, n);
        if (type == typeof(byte[])) return new byte[] { 0x50, 0x4b, (byte)n };
        throw new NotSupportedException($"No sample value for {property.DeclaringType.DisplayName()}.{property.Name} ({property.ClrType.Name}).");
    }

    /// <summary>A decimal that fits the column's precision and scale, with as many decimals as the scale allows (up to 4).</summary>
    static decimal Decimal(IProperty property, int n)
    {
        var scale = Math.Min(property.GetScale() ?? 4, 4);
        var fraction = scale switch { 0 => 0m, 1 => 0.5m, 2 => 0.25m, 3 => 0.125m, _ => 0.3125m };
        var integerDigits = (property.GetPrecision() ?? 18) - scale;
        var integerPart = n % (int)Math.Pow(10, Math.Min(integerDigits, 6));
        return integerPart + fraction;
    }

    /// <summary>A unique string of exactly <paramref name="maxLength"/> characters (at most 4000), ending in non-ASCII letters.</summary>
    static string Text(string name, int n, int maxLength)
    {
        var length = Math.Min(maxLength, 4000);
        var unique = n.ToString("x");
        var text = $"{unique}-{name}-ßé€-";
        while (text.Length < length) text += text;
        return length <= unique.Length ? unique[^length..] : text[..length];
    }

    /// <summary>A populated instance of a typed JSON value (lists get two elements, dictionaries two entries).</summary>
    static object Sample(Type type, int n, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return $"value-{n}";
        if (type == typeof(int)) return n + 3;
        if (type == typeof(long)) return 5_000_000_000L + n;
        if (type == typeof(double)) return n + 0.25;
        if (type == typeof(decimal)) return n + 0.75m;
        if (type == typeof(bool)) return true;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            var dictionary = (IDictionary)Activator.CreateInstance(type)!;
            var (keyType, valueType) = (type.GetGenericArguments()[0], type.GetGenericArguments()[1]);
            dictionary[Sample(keyType, n, depth + 1) + "a"] = Sample(valueType, n, depth + 1);
            dictionary[Sample(keyType, n + 1, depth + 1) + "zz"] = Sample(valueType, n + 1, depth + 1);
            return dictionary;
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (IList)Activator.CreateInstance(type)!;
            if (depth < 3)
            {
                list.Add(Sample(type.GetGenericArguments()[0], n, depth + 1));
                list.Add(Sample(type.GetGenericArguments()[0], n + 1, depth + 1));
            }
            return list;
        }
        var value = Activator.CreateInstance(type)
            ?? throw new NotSupportedException($"Cannot create a sample {type.Name}.");
        var i = 0;
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
            p.SetValue(value, Sample(p.PropertyType, n + ++i, depth + 1));
        return value;
    }
}
