using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GameOps.Data;

/// <summary>
/// Stamps <c>created_at</c>/<c>updated_at</c> and moves <c>version</c> up by one on every save, so that the
/// concurrency tokens configured on the model always change and a stale save is refused.
/// </summary>
public sealed class VersioningInterceptor(TimeProvider? clock = null) : SaveChangesInterceptor
{
    readonly TimeProvider clock = clock ?? TimeProvider.System;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    /// <summary>Microsecond precision: what PostgreSQL keeps, so a re-read value equals the one in memory.</summary>
    public static DateTime Truncate(DateTime value) => new(value.Ticks - value.Ticks % 10, DateTimeKind.Utc);

    void Stamp(DbContext? context)
    {
        if (context is null) return;
        var now = Truncate(clock.GetUtcNow().UtcDateTime);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Added)
            {
                if (entry.Entity is ICreatedAt created && created.CreatedAt == default) created.CreatedAt = now;
                if (entry.Entity is IUpdatedAt updated && updated.UpdatedAt == default) updated.UpdatedAt = now;
                if (entry.Entity is IVersioned versioned && versioned.Version <= 0) versioned.Version = 1;
            }
            else if (entry.State == EntityState.Modified)
            {
                if (entry.Entity is IVersioned versioned)
                {
                    var original = (int)entry.Property(nameof(IVersioned.Version)).OriginalValue!;
                    versioned.Version = original + 1;
                }
                if (entry.Entity is IUpdatedAt updated)
                {
                    // A token must change on every save, even two saves within one microsecond.
                    var original = (DateTime)entry.Property(nameof(IUpdatedAt.UpdatedAt)).OriginalValue!;
                    updated.UpdatedAt = now > original ? now : original.AddTicks(10);
                }
            }
        }
    }
}
