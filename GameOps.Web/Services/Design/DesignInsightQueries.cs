using GameOps.Data;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Services.Design;

public sealed record QuestNode(Guid Id, string QuestId, string Title, string? ZoneId, int Level, bool IsActive, int Depth, int Row);
public sealed record QuestEdge(string From, string To);
public sealed record QuestGraph(IReadOnlyList<QuestNode> Nodes, IReadOnlyList<QuestEdge> Edges, IReadOnlyList<string> MissingPrerequisites);

public sealed record BalancePoint(Guid Id, string ItemId, string Name, string Rarity, int Level, int Value, bool IsOutlier, string? Why);
public sealed record RarityBand(string Rarity, int Count, double MinValue, double MedianValue, double MaxValue, double AverageLevel, int Outliers);
public sealed record BalanceReport(string ItemType, IReadOnlyList<BalancePoint> Points, IReadOnlyList<RarityBand> Bands);

/// <summary>Read-only pictures of the design data: quest chains as a layered graph, item balance per type and rarity.</summary>
public sealed class DesignInsightQueries(IDbContextFactory<GameOpsDbContext> contextFactory, CurrentStaff currentStaff)
{
    public const int MaxNodes = 300;

    /// <summary>Quests of a zone (with the prerequisites they need from elsewhere), or one quest's whole chain (everything before and after it).</summary>
    public async Task<QuestGraph> QuestGraphAsync(string? zoneId, string? questId, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.DesignRead);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var all = await db.Quests.AsNoTracking().Select(q => new { q.Id, q.QuestId, q.Title, q.ZoneId, q.LevelRequirement, q.IsActive, q.Prerequisites }).ToListAsync(ct);
        var byKey = all.GroupBy(q => q.QuestId).ToDictionary(g => g.Key, g => g.First());
        var dependents = all.SelectMany(q => q.Prerequisites.Select(p => (Prerequisite: p, q.QuestId))).ToLookup(x => x.Prerequisite, x => x.QuestId);
        var chosen = new HashSet<string>();
        if (!string.IsNullOrEmpty(questId) && byKey.ContainsKey(questId))
        {
            void Up(string k) { if (!chosen.Add(k) || !byKey.TryGetValue(k, out var q)) return; foreach (var p in q.Prerequisites) Up(p); }
            void Down(string k) { foreach (var d in dependents[k]) if (chosen.Add(d)) Down(d); }
            Up(questId);
            Down(questId);
        }
        else
        {
            foreach (var q in all.Where(q => string.IsNullOrEmpty(zoneId) || q.ZoneId == zoneId)) chosen.Add(q.QuestId);
            foreach (var q in chosen.ToList()) foreach (var p in byKey[q].Prerequisites) chosen.Add(p);
        }
        var keys = chosen.Where(byKey.ContainsKey).OrderBy(k => byKey[k].LevelRequirement).ThenBy(k => k).Take(MaxNodes).ToList();
        var keySet = keys.ToHashSet();
        var edges = keys.SelectMany(k => byKey[k].Prerequisites.Where(keySet.Contains).Select(p => new QuestEdge(p, k))).Distinct().ToList();
        var missing = keys.SelectMany(k => byKey[k].Prerequisites.Where(p => !byKey.ContainsKey(p))).Distinct().ToList();

        // Depth = longest prerequisite path (cycles, which saving prevents, are cut).
        var depth = new Dictionary<string, int>();
        int Depth(string k, HashSet<string> path)
        {
            if (depth.TryGetValue(k, out var d)) return d;
            if (!path.Add(k)) return 0;
            var value = byKey[k].Prerequisites.Where(keySet.Contains).Select(p => Depth(p, path) + 1).DefaultIfEmpty(0).Max();
            path.Remove(k);
            return depth[k] = value;
        }
        foreach (var k in keys) Depth(k, []);
        var nodes = keys.GroupBy(k => depth[k]).SelectMany(layer => layer.Select((k, row) =>
        {
            var q = byKey[k];
            return new QuestNode(q.Id, q.QuestId, q.Title, q.ZoneId, q.LevelRequirement, q.IsActive, layer.Key, row);
        })).ToList();
        return new QuestGraph(nodes, edges, missing);
    }

    public async Task<IReadOnlyList<string>> ZonesWithQuestsAsync(CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.DesignRead);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Quests.AsNoTracking().Where(q => q.ZoneId != null).Select(q => q.ZoneId!).Distinct().OrderBy(z => z).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<string>> ItemTypesAsync(CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.DesignRead);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.Items.AsNoTracking().Select(i => i.ItemType).Distinct().OrderBy(t => t).ToListAsync(ct);
    }

    /// <summary>
    /// Value and level requirement of one item type by rarity. An item is an outlier when its value lies outside
    /// its rarity's Tukey fences (1.5 × IQR beyond the quartiles), or when it is worth more than the median of a
    /// rarer band (or less than that of a commoner one). Computed here in double, so both providers agree.
    /// </summary>
    public async Task<BalanceReport> BalanceAsync(string itemType, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.DesignRead);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var items = await db.Items.AsNoTracking().Where(i => i.ItemType == itemType)
            .Select(i => new { i.Id, i.ItemId, i.Name, i.Rarity, i.LevelRequirement, i.Value }).ToListAsync(ct);
        var order = Resources.Workspaces.DesignResources.Rarities.ToList();
        int Rank(string r) => order.IndexOf(r) is var i and >= 0 ? i : order.Count;
        var medians = items.GroupBy(i => i.Rarity).ToDictionary(g => g.Key, g => Quantile(g.Select(i => (double)i.Value).ToList(), 0.5));
        var fences = items.GroupBy(i => i.Rarity).ToDictionary(g => g.Key, g =>
        {
            var values = g.Select(i => (double)i.Value).ToList();
            var (q1, q3) = (Quantile(values, 0.25), Quantile(values, 0.75));
            return (Low: q1 - 1.5 * (q3 - q1), High: q3 + 1.5 * (q3 - q1));
        });
        var points = items.Select(i =>
        {
            string? why = null;
            var (low, high) = fences[i.Rarity];
            if (i.Value > high) why = $"value {i.Value:N0} is far above other {i.Rarity} items";
            else if (i.Value < low) why = $"value {i.Value:N0} is far below other {i.Rarity} items";
            else if (medians.Where(m => Rank(m.Key) > Rank(i.Rarity)).Select(m => m.Value).DefaultIfEmpty(double.MaxValue).Min() < i.Value)
                why = $"worth more than a typical rarer item";
            else if (medians.Where(m => Rank(m.Key) < Rank(i.Rarity)).Select(m => m.Value).DefaultIfEmpty(double.MinValue).Max() > i.Value)
                why = $"worth less than a typical commoner item";
            return new BalancePoint(i.Id, i.ItemId, i.Name, i.Rarity, i.LevelRequirement, i.Value, why is not null, why);
        }).OrderBy(p => Rank(p.Rarity)).ThenBy(p => p.Level).ToList();
        var bands = points.GroupBy(p => p.Rarity).OrderBy(g => Rank(g.Key)).Select(g => new RarityBand(g.Key, g.Count(),
            g.Min(p => (double)p.Value), medians[g.Key], g.Max(p => (double)p.Value), Math.Round(g.Average(p => (double)p.Level), 1), g.Count(p => p.IsOutlier))).ToList();
        return new BalanceReport(itemType, points, bands);
    }

    static double Quantile(List<double> values, double q)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToList();
        var position = (sorted.Count - 1) * q;
        var lower = (int)Math.Floor(position);
        var upper = (int)Math.Ceiling(position);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}
