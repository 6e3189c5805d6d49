using System.Globalization;
using System.Text.Json;
using GameOps.Data.Json;

namespace GameOps.Web.Resources;

/// <summary>One field that differs between what a staff member saved and what another saved first: the conflict dialog's row.</summary>
public sealed record ConflictDifference(string Field, string Mine, string Theirs)
{
    /// <summary>The declared fields of <paramref name="resource"/> whose value in <paramref name="mine"/> differs from the database's.</summary>
    public static IReadOnlyList<ConflictDifference> Of(ResourceDescription resource, object mine, IReadOnlyDictionary<string, object?> theirs) =>
        resource.Fields
            .Where(f => theirs.ContainsKey(f.Name))
            .Select(f => new ConflictDifference(f.Label, Text(f.GetValue(mine)), Text(theirs[f.Name])))
            .Where(d => d.Mine != d.Theirs)
            .ToList();

    /// <summary>Pairs of (field, mine, theirs) texts, keeping only those that differ.</summary>
    public static IReadOnlyList<ConflictDifference> Of(IEnumerable<(string Field, object? Mine, object? Theirs)> pairs) =>
        pairs.Select(p => new ConflictDifference(p.Field, Text(p.Mine), Text(p.Theirs))).Where(d => d.Mine != d.Theirs).ToList();

    public static string Text(object? value) => value switch
    {
        null => "(empty)",
        string s => s,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => JsonSerializer.Serialize(value, value.GetType(), GameJsonSerializer.Options),
    };
}
