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

/// <summary>Deterministic, idempotent demo data for every table. (Being written.)</summary>
public static class DemoSeeder
{
    public static Task<SeedResult> SeedAsync(GameOpsDbContext db, SeedOptions options, CancellationToken cancellationToken = default)
        => Task.FromResult(new SeedResult(false, new Dictionary<string, int>()));
}
