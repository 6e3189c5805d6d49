using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GameOps.Web.Resources;

/// <summary>
/// A counter per table that moves on every save touching it. Cached list counts are keyed on it, so a count
/// never outlives a write made through any page or service (bulk <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> excepted).
/// </summary>
public sealed class TableVersions
{
    readonly ConcurrentDictionary<string, long> versions = new(StringComparer.Ordinal);

    public long Of(string table) => versions.GetValueOrDefault(table);

    public void Bump(IEnumerable<string> tables)
    {
        foreach (var table in tables) versions.AddOrUpdate(table, 1, (_, v) => v + 1);
    }
}

/// <summary>Bumps <see cref="TableVersions"/> for the tables a SaveChanges wrote, once it has committed.</summary>
public sealed class TableVersionInterceptor(TableVersions versions) : SaveChangesInterceptor
{
    readonly ConditionalWeakTable<DbContext, string[]> pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Publish(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Publish(eventData.Context);
        return ValueTask.FromResult(result);
    }

    void Remember(DbContext? context)
    {
        if (context is null) return;
        var tables = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Metadata.GetTableName())
            .OfType<string>().Distinct().ToArray();
        pending.AddOrUpdate(context, tables);
    }

    void Publish(DbContext? context)
    {
        if (context is null || !pending.TryGetValue(context, out var tables)) return;
        pending.Remove(context);
        versions.Bump(tables);
    }
}
