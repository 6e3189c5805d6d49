using GameOps.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace GameOps.Web.Resources;

/// <summary>How many rows a list has, as its pager shows it.</summary>
/// <param name="IsEstimate">PostgreSQL's planner estimate of an unfiltered big table, not a count.</param>
/// <param name="IsCapped">More rows than were counted ("10,000+").</param>
public sealed record ResourceCount(long Total, bool IsEstimate, bool IsCapped);

/// <summary>
/// The row count of a list: exact for small tables; for the big ones (<see cref="CountStrategy.Estimated"/>) the planner's
/// estimate when unfiltered on PostgreSQL, and a count up to a cap when filtered. Cached briefly per row set, and never past a
/// write to the table (<see cref="TableVersions"/>).
/// </summary>
public sealed class ResourceCounter(IMemoryCache cache, TableVersions tableVersions, int countCap = ResourceCounter.DefaultCountCap,
    long estimateThreshold = ResourceCounter.DefaultEstimateThreshold)
{
    public const int DefaultCountCap = 10_000;
    /// <summary>Below this many rows (by the estimate) an unfiltered big table is counted exactly after all.</summary>
    public const long DefaultEstimateThreshold = 200_000;
    static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(20);

    /// <param name="known">The exact number of rows, when the caller has it already (a selective search's ids): not counted again.</param>
    public async Task<ResourceCount> CountAsync<T>(GameOpsDbContext db, ResourceDescription resource, IQueryable<T> filtered, ResourceQuery query, CancellationToken ct,
        long? known = null)
    {
        var cacheKey = $"count:{resource.Slug}:{tableVersions.Of(resource.Table)}:{query.CriteriaKey}";
        if (cache.TryGetValue(cacheKey, out ResourceCount? cached) && cached is not null) return cached;
        ResourceCount result;
        if (known is { } total) result = new(total, false, false);
        else if (resource.CountStrategy == CountStrategy.Estimated && !query.HasCriteria && db.Provider == DatabaseProvider.Postgres
            && await EstimateRowsAsync(db, resource.Table, ct) is { } estimate && estimate >= estimateThreshold)
            result = new(estimate, true, false);
        else if (resource.CountStrategy == CountStrategy.Estimated && query.HasCriteria)
        {
            var count = await filtered.Take(countCap + 1).CountAsync(ct);
            result = new(Math.Min(count, countCap), false, count > countCap);
        }
        else result = new(await filtered.LongCountAsync(ct), false, false);
        cache.Set(cacheKey, result, Lifetime);
        return result;
    }

    /// <summary>PostgreSQL's planner estimate (<c>pg_class.reltuples</c>): instant on any size, exact enough for a pager. null before the first ANALYZE.</summary>
    public static async Task<long?> EstimateRowsAsync(GameOpsDbContext db, string table, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand("select reltuples::bigint from pg_class where relname = @t and relkind = 'r'", connection);
        command.Parameters.AddWithValue("t", table);
        var value = await command.ExecuteScalarAsync(ct);
        return value is long n && n > 0 ? n : null;
    }
}
