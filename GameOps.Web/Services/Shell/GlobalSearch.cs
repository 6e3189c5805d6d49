using System.Globalization;
using System.Text.RegularExpressions;
using GameOps.Data.Entities;
using GameOps.Web.Resources;
using GameOps.Web.Security;

namespace GameOps.Web.Services.Shell;

/// <summary>
/// One line of the Ctrl+K results: a match (opens it) or a group's "see all N" (opens the kind's list filtered by the
/// text). <see cref="GroupTotal"/> is the number of matches of the kind, shown on its first line; <see cref="MatchedIn"/>
/// is the field a hit was found through when it is not its label ("character name: Eliion"), personal values masked.
/// </summary>
public sealed record SearchHit(string Kind, string Label, string Href, long GroupTotal = 0, bool IsFirstOfGroup = false, bool IsSeeAll = false, bool TotalIsEstimate = false,
    string? MatchedIn = null)
{
    public override string ToString() => $"{Kind}: {Label}";

    public string CountText => GroupTotal.ToString("N0", CultureInfo.InvariantCulture) + (TotalIsEstimate ? "+" : "");
}

/// <summary>Ctrl+K: players, characters, items, quests, events, zones and guilds by id or name, within the caller's permissions, grouped by kind.</summary>
public sealed partial class GlobalSearchService(ResourceCatalog catalog, ResourceStore store, CurrentStaff currentStaff)
{
    public const int PerKind = 5;

    static readonly (Type Entity, string Kind, string Plural)[] Targets =
    [
        (typeof(Player), "Player", "players"), (typeof(Actor), "Character", "characters"), (typeof(Item), "Item", "items"), (typeof(Quest), "Quest", "quests"),
        (typeof(GameEvent), "Event", "events"), (typeof(WorldZone), "Zone", "zones"), (typeof(Guild), "Guild", "guilds"),
    ];

    [GeneratedRegex(@"[^\s()<>,;]+@[^\s()<>,;]+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailLike();

    /// <summary>Emails are personal data: masked here as in every list (revealed one at a time on the profile).</summary>
    public static string MaskPersonal(string label) => EmailLike().Replace(label, m => ResourceField.Mask(m.Value));

    /// <summary>
    /// Searches the kinds the signed-in staff member may read. Which kinds those are is decided once per kind with the one
    /// permission helper; the store's reads then enforce it (and the masking of personal data) as for every list.
    /// </summary>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string? text, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < 2) return [];
        var query = text.Trim();
        var user = await currentStaff.GetPrincipalAsync();
        var hits = new List<SearchHit>();
        foreach (var (entity, kind, plural) in Targets)
        {
            var resource = catalog.For(entity);
            if (!user.Has(resource.ReadPermission)) continue;
            var options = await store.PickFromTableAsync(resource, resource.IdField.Name, query, ct);
            if (options.Count == 0) continue;
            var count = await store.ListAsync(resource, new ResourceQuery { Search = query, PageSize = 1 }, ct);
            var total = Math.Max(count.Total, options.Count);
            var estimate = count.TotalIsEstimate || count.TotalIsCapped;
            var shown = options.Take(PerKind).ToList();
            for (var i = 0; i < shown.Count; i++)
                hits.Add(new SearchHit(kind, MaskPersonal(shown[i].Label), resource.DetailRoute(shown[i].Value), total, i == 0, false, estimate,
                    shown[i].MatchedIn is { } matchedIn ? MaskPersonal(matchedIn) : null));
            if (total > shown.Count)
                hits.Add(new SearchHit(kind, $"See all {total.ToString("N0", CultureInfo.InvariantCulture)}{(estimate ? "+" : "")} {plural} matching “{query}”",
                    resource.ListRoute + "?q=" + Uri.EscapeDataString(query), total, false, true, estimate));
        }
        return hits;
    }
}
