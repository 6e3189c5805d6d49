using System.Text.Json;
using GameOps.Data.Json;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Data.Seeding;

/// <summary>
/// One seeding pass: the shared state of all areas (catalogue, players, actors…), the random sources and
/// the batched writer. Each area lives in its own partial file.
/// </summary>
internal sealed partial class SeedRun
{
    const int BatchSize = 4000;

    readonly GameOpsDbContext db;
    readonly CancellationToken ct;
    readonly int seed;
    readonly List<object> buffer = [];
    readonly Dictionary<Type, string> tableNames = [];
    readonly Dictionary<string, int> counts = new(StringComparer.Ordinal);

    public SeedRun(GameOpsDbContext db, SeedOptions options, DateTime now, CancellationToken ct)
    {
        this.db = db;
        this.ct = ct;
        seed = options.RandomSeed;
        Scale = options.Scale;
        Now = now;
        Today = Now.Date;
    }

    /// <summary>The end of history; every timestamp is relative to it.</summary>
    public DateTime Now { get; }
    /// <summary>00:00 UTC of <see cref="Now"/>'s day.</summary>
    public DateTime Today { get; }
    public double Scale { get; }

    public async Task RunAsync()
    {
        await SeedStaffAsync();
        await SeedWorldZonesAsync();
        await SeedCatalogAsync();
        await SeedPlayersAsync();
        await SeedActorsAsync();
        await SeedGuildsAsync();
        await SeedWorldAsync();
        await SeedGameEventsAsync();
        await SeedChatAsync();
        await SeedNotificationsAsync();
        await SeedBroadcastsAsync();
        await SeedMatchmakingAsync();
        await SeedSessionsAsync();
        await SeedPaymentsAsync();
        await SeedMetricsAsync();
        await SeedSecurityAsync();
        await SeedModerationAsync();
        await SeedMetricRollupsAsync();
        await FlushAsync();
    }

    public IReadOnlyDictionary<string, int> RowsPerTable() =>
        new SortedDictionary<string, int>(counts, StringComparer.Ordinal);

    /// <summary>A volume multiplied by <see cref="Scale"/> (at least 1).</summary>
    public int Scaled(double n) => Math.Max(1, (int)Math.Round(n * Scale));

    /// <summary>
    /// An independent random source per area, so that one area's volume never shifts another's values.
    /// The area name is hashed with FNV-1a (string.GetHashCode is randomised per process).
    /// </summary>
    public Random Rng(string area)
    {
        uint h = 2166136261;
        foreach (var c in area)
        {
            h ^= c;
            h *= 16777619;
        }
        return new Random(unchecked(seed * 397 ^ (int)h));
    }

    // ---------------------------------------------------------------- writing

    public async ValueTask AddAsync(object entity)
    {
        buffer.Add(entity);
        var type = entity.GetType();
        if (!tableNames.TryGetValue(type, out var table))
        {
            table = db.Model.FindEntityType(type)?.GetTableName() ?? throw new InvalidOperationException($"{type.Name} is not mapped.");
            tableNames[type] = table;
        }
        counts[table] = counts.GetValueOrDefault(table) + 1;
        if (buffer.Count >= BatchSize) await FlushAsync();
    }

    public async Task AddAllAsync<T>(IEnumerable<T> entities) where T : class
    {
        foreach (var e in entities) await AddAsync(e);
    }

    public async Task FlushAsync()
    {
        ct.ThrowIfCancellationRequested();
        if (buffer.Count == 0) return;
        db.AddRange(buffer);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        buffer.Clear();
    }

    // ---------------------------------------------------------------- values

    public static string Json(object value) => JsonSerializer.Serialize(value, GameJsonSerializer.Options);

    /// <summary>Whole seconds, UTC: identical in memory, in SQLite and in PostgreSQL.</summary>
    public static DateTime Sec(DateTime value) =>
        new(value.Ticks - value.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    public static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
    public static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    public static decimal D2(double v) => Math.Round((decimal)v, 2, MidpointRounding.AwayFromZero);
    public static decimal D4(double v) => Math.Round((decimal)v, 4, MidpointRounding.AwayFromZero);
    public static double R1(double v) => Math.Round(v, 1, MidpointRounding.AwayFromZero);

    public static string Trunc(string value, int max) => value.Length <= max ? value : value[..max];

    /// <summary>Relative weight of an hour of the day (UTC) for player activity: low at night, high in the evening.</summary>
    public static readonly double[] HourWeights =
    [
        0.9, 0.6, 0.4, 0.3, 0.25, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8,
        0.9, 1.0, 1.0, 1.1, 1.3, 1.6, 2.0, 2.4, 2.6, 2.5, 2.0, 1.4,
    ];

    public static bool IsWeekend(DateTime d) => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}

internal static class RandomExtensions
{
    /// <summary>A version-4 shaped GUID from the seeded random (never <see cref="Guid.NewGuid"/>).</summary>
    public static Guid NextGuid(this Random r)
    {
        Span<byte> b = stackalloc byte[16];
        r.NextBytes(b);
        b[7] = (byte)((b[7] & 0x0F) | 0x40);
        b[8] = (byte)((b[8] & 0x3F) | 0x80);
        return new Guid(b);
    }

    public static bool Chance(this Random r, double p) => r.NextDouble() < p;

    /// <summary>Inclusive on both ends.</summary>
    public static int Between(this Random r, int min, int max) => r.Next(min, max + 1);

    public static double Between(this Random r, double min, double max) => min + r.NextDouble() * (max - min);

    /// <summary>A moment in [from, to), whole seconds.</summary>
    public static DateTime Between(this Random r, DateTime from, DateTime to)
    {
        if (to <= from) return SeedRun.Sec(from);
        return SeedRun.Sec(from.AddTicks((long)(r.NextDouble() * (to - from).Ticks)));
    }

    public static T Pick<T>(this Random r, IReadOnlyList<T> list) => list[r.Next(list.Count)];

    public static T PickWeighted<T>(this Random r, IReadOnlyList<(T Value, double Weight)> weighted)
    {
        var total = 0.0;
        foreach (var w in weighted) total += w.Weight;
        var x = r.NextDouble() * total;
        foreach (var w in weighted)
        {
            x -= w.Weight;
            if (x < 0) return w.Value;
        }
        return weighted[^1].Value;
    }

    public static int PickIndex(this Random r, IReadOnlyList<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights) total += w;
        var x = r.NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            x -= weights[i];
            if (x < 0) return i;
        }
        return weights.Count - 1;
    }

    /// <summary>k distinct elements, in random order.</summary>
    public static List<T> Sample<T>(this Random r, IReadOnlyList<T> list, int k)
    {
        var copy = list.ToList();
        k = Math.Min(k, copy.Count);
        for (var i = 0; i < k; i++)
        {
            var j = r.Next(i, copy.Count);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }
        copy.RemoveRange(k, copy.Count - k);
        return copy;
    }

    public static double Normal(this Random r, double mean, double sd)
    {
        var u1 = 1.0 - r.NextDouble();
        var u2 = r.NextDouble();
        return mean + sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public static string Hex(this Random r, int chars)
    {
        const string digits = "0123456789abcdef";
        var c = new char[chars];
        for (var i = 0; i < chars; i++) c[i] = digits[r.Next(16)];
        return new string(c);
    }

    public static string Alnum(this Random r, int chars)
    {
        const string digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var c = new char[chars];
        for (var i = 0; i < chars; i++) c[i] = digits[r.Next(digits.Length)];
        return new string(c);
    }

    public static string Digits(this Random r, int chars)
    {
        var c = new char[chars];
        for (var i = 0; i < chars; i++) c[i] = (char)('0' + r.Next(10));
        return new string(c);
    }

    /// <summary>A moment of the given day, the hour drawn with <see cref="SeedRun.HourWeights"/>.</summary>
    public static DateTime EveningBiased(this Random r, DateTime day)
    {
        var hour = r.PickIndex(SeedRun.HourWeights);
        return SeedRun.Sec(day.Date.AddHours(hour).AddSeconds(r.Next(3600)));
    }
}
