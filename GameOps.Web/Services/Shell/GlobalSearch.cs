using GameOps.Data.Entities;
using GameOps.Web.Resources;
using GameOps.Web.Security;

namespace GameOps.Web.Services.Shell;

public sealed record SearchHit(string Kind, string Label, string Href)
{
    public override string ToString() => $"{Kind}: {Label}";
}

/// <summary>Ctrl+K: players, actors, items, quests, events, zones and guilds by id or name, within the caller's permissions.</summary>
public sealed class GlobalSearchService(ResourceCatalog catalog, ResourceStore store)
{
    static readonly (Type Entity, string Kind)[] Targets =
    [
        (typeof(Player), "Player"), (typeof(Actor), "Actor"), (typeof(Item), "Item"), (typeof(Quest), "Quest"),
        (typeof(GameEvent), "Event"), (typeof(WorldZone), "Zone"), (typeof(Guild), "Guild"),
    ];

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string? text, IReadOnlyCollection<string> roles, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < 2) return [];
        var hits = new List<SearchHit>();
        foreach (var (entity, kind) in Targets)
        {
            var resource = catalog.For(entity);
            if (!PermissionMatrix.Allows(roles, resource.ReadPermission)) continue;
            foreach (var option in (await store.PickAsync(resource, "Id", text, ct)).Take(5))
                hits.Add(new SearchHit(kind, option.Label, resource.DetailRoute(option.Value)));
        }
        return hits;
    }
}
