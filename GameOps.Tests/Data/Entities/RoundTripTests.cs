using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Data.Json;
using GameOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GameOps.Tests.Data.Entities;

/// <summary>
/// Every entity type of the model, Identity's included, is saved with a full graph of principals and read back in a
/// new context: every mapped property must come back equal (UTC timestamps to the microsecond, JSON by content).
/// </summary>
public sealed class RoundTripTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public Task Every_entity_round_trips_with_every_column_filled(DatabaseProvider provider) => RoundTripAll(provider, fillOptional: true);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public Task Every_entity_round_trips_with_optional_columns_null(DatabaseProvider provider) => RoundTripAll(provider, fillOptional: false);

    [Fact]
    public async Task The_model_maps_every_entity_class()
    {
        await using var database = await TestDatabases.CreateEmptyAsync(DatabaseProvider.Sqlite);
        await using var db = database.CreateContext();
        var mapped = db.Model.GetEntityTypes().Select(e => e.ClrType).ToHashSet();
        var classes = typeof(GameOpsDbContext).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Item).Namespace && t.IsClass && !t.IsAbstract && !t.IsNested
                        && !t.IsDefined(typeof(CompilerGeneratedAttribute)) && !typeof(Attribute).IsAssignableFrom(t))
            .ToList();
        Assert.NotEmpty(classes);
        Assert.All(classes, c => Assert.Contains(c, mapped));
    }

    static async Task RoundTripAll(DatabaseProvider provider, bool fillOptional)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabases.CreateMigratedAsync(provider);

        var originals = new List<(IEntityType Type, object Entity)>();
        await using (var db = database.CreateContext())
        {
            var builder = new RowBuilder(db) { FillOptional = fillOptional };
            foreach (var entityType in db.Model.GetEntityTypes().Where(e => !e.IsOwned()).OrderBy(e => e.GetTableName()))
                originals.Add((entityType, builder.Add(entityType)));
            await db.SaveChangesAsync(ct);
        }

        var failures = new List<string>();
        await using (var db = database.CreateContext())
        {
            foreach (var (entityType, original) in originals)
            {
                var keyValues = entityType.FindPrimaryKey()!.Properties.Select(p => p.PropertyInfo!.GetValue(original)).ToArray();
                var reloaded = await db.FindAsync(entityType.ClrType, keyValues, ct);
                if (reloaded is null)
                {
                    failures.Add($"{entityType.GetTableName()}: the row was not found again");
                    continue;
                }
                foreach (var property in entityType.GetProperties().Where(p => p.PropertyInfo is not null))
                {
                    var expected = property.PropertyInfo!.GetValue(original);
                    var actual = property.PropertyInfo.GetValue(reloaded);
                    var problem = Compare(property, expected, actual);
                    if (problem is not null) failures.Add($"{entityType.GetTableName()}.{property.GetColumnName()}: {problem}");
                }
            }
        }

        Assert.True(originals.Count >= 60, $"only {originals.Count} entity types in the model");
        Assert.True(failures.Count == 0, $"{provider}: {failures.Count} differences after reload:\n{string.Join("\n", failures)}");
    }

    static string? Compare(IProperty property, object? expected, object? actual)
    {
        if (expected is null || actual is null)
            return expected is null && actual is null ? null : $"expected {Show(expected)}, got {Show(actual)}";
        if (property.PropertyInfo!.IsDefined(typeof(JsonColumnAttribute)))
        {
            var e = expected as string ?? GameJsonSerializer.Serialize(expected);
            var a = actual as string ?? GameJsonSerializer.Serialize(actual);
            return JsonNode.DeepEquals(JsonNode.Parse(e), JsonNode.Parse(a)) ? null : $"JSON expected {e}, got {a}";
        }
        switch (expected)
        {
            case byte[] e:
                return actual is byte[] bytes && e.AsSpan().SequenceEqual(bytes) ? null : $"bytes expected {Show(expected)}, got {Show(actual)}";
            case DateTime e:
                var a = (DateTime)actual;
                if (a.Kind != DateTimeKind.Utc) return $"Kind {a.Kind} instead of Utc";
                return e.Ticks == a.Ticks ? null : $"expected {e:O}, got {a:O}";
            case DateTimeOffset e:
                return e.UtcTicks == ((DateTimeOffset)actual).UtcTicks ? null : $"expected {e:O}, got {actual:O}";
            default:
                return Equals(expected, actual) ? null : $"expected {Show(expected)}, got {Show(actual)}";
        }
    }

    static string Show(object? value) => value switch
    {
        null => "null",
        string s when s.Length > 60 => $"\"{s[..60]}…\" ({s.Length} chars)",
        string s => $"\"{s}\"",
        _ => JsonSerializer.Serialize(value),
    };
}
