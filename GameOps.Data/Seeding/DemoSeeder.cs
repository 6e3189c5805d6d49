using Microsoft.EntityFrameworkCore;

namespace GameOps.Data.Seeding;

public sealed class SeedOptions
{
    /// <summary>Fixed random seed: the same options always produce the same rows.</summary>
    public int RandomSeed { get; set; } = 20261125;
    /// <summary>1 = demo volume (a few hundred players); larger values multiply every volume.</summary>
    public double Scale { get; set; } = 1;
    /// <summary>The moment the 90 days of history end at (defaults to today 00:00 UTC + the current hour).</summary>
    public DateTime? Now { get; set; }
}

public sealed record SeedResult(bool Seeded, IReadOnlyDictionary<string, int> RowsPerTable);

/// <summary>
/// Deterministic, idempotent demo data for every table of the game schema.
/// The same <see cref="SeedOptions"/> into an empty database always produce the same rows (ids included);
/// a database that already holds game data is left untouched.
/// </summary>
public static class DemoSeeder
{
    /// <summary>
    /// Seeds an empty database. When players, items or zones already exist nothing is written and
    /// <see cref="SeedResult.RowsPerTable"/> holds the current row count of every table instead.
    /// </summary>
    public static async Task<SeedResult> SeedAsync(GameOpsDbContext db, SeedOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        if (double.IsNaN(options.Scale) || options.Scale <= 0 || options.Scale > 1000)
            throw new ArgumentOutOfRangeException(nameof(options), options.Scale, "Scale must be greater than 0 and at most 1000.");

        if (await IsSeededAsync(db, cancellationToken))
            return new SeedResult(false, await CountRowsAsync(db, cancellationToken));

        var run = new SeedRun(db, options, ResolveNow(options), cancellationToken);
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            if (db.Database.CurrentTransaction is null)
            {
                await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
                await run.RunAsync();
                await tx.CommitAsync(cancellationToken);
            }
            else
            {
                // The caller owns the transaction (and decides whether it commits).
                await run.RunAsync();
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
        return new SeedResult(true, run.RowsPerTable());
    }

    /// <summary>True when the database already holds game data (players, catalogue or world).</summary>
    public static async Task<bool> IsSeededAsync(GameOpsDbContext db, CancellationToken cancellationToken = default) =>
        await db.Players.AnyAsync(cancellationToken)
        || await db.Items.AnyAsync(cancellationToken)
        || await db.WorldZones.AnyAsync(cancellationToken);

    /// <summary>The moment a seed with these options treats as "now": <see cref="SeedOptions.Now"/> or the current hour (UTC).</summary>
    public static DateTime ResolveNow(SeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Now is { } now)
        {
            var utc = now.Kind switch
            {
                DateTimeKind.Local => now.ToUniversalTime(),
                DateTimeKind.Unspecified => DateTime.SpecifyKind(now, DateTimeKind.Utc),
                _ => now,
            };
            return new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        }
        var clock = DateTime.UtcNow;
        return new DateTime(clock.Year, clock.Month, clock.Day, clock.Hour, 0, 0, DateTimeKind.Utc);
    }

    /// <summary>Row count of every table of the model (game tables and staff tables), by table name.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> CountRowsAsync(GameOpsDbContext db, CancellationToken cancellationToken = default)
    {
        var tables = db.Model.GetEntityTypes()
            .Select(e => e.GetTableName())
            .OfType<string>()
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            // Table names come from the model, never from input.
            var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\"";
            var rows = await db.Database.SqlQueryRaw<long>(sql).ToListAsync(cancellationToken);
            counts[table] = (int)rows[0];
        }
        return counts;
    }
}
