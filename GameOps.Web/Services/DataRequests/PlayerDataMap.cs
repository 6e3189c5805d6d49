using Microsoft.EntityFrameworkCore;
using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GameOps.Web.Services.DataRequests;

/// <summary>
/// One way a table holds rows about a player: the <c>users</c> row itself, a foreign key to <c>users</c>, or a foreign key
/// to <c>actors</c> (the player's characters). <see cref="ViaActors"/> links are matched against the player's actor ids.
/// </summary>
public sealed record PlayerLink(IEntityType EntityType, IProperty Key, bool ViaActors)
{
    public string Table => EntityType.GetTableName()!;
    public string Column => Key.GetColumnName();
    public override string ToString() => $"{Table}.{Column}{(ViaActors ? " → actors" : "")}";
}

/// <summary>
/// Every table that references a player, derived from the EF model (foreign keys to <c>users</c>, and to <c>actors</c>),
/// so a table added later is exported and erased without anyone remembering to list it.
/// </summary>
public static class PlayerDataMap
{
    public static IReadOnlyList<PlayerLink> Links(IModel model)
    {
        var users = model.FindEntityType(typeof(Player))!;
        var actors = model.FindEntityType(typeof(Actor))!;
        var links = new List<PlayerLink> { new(users, users.FindPrimaryKey()!.Properties[0], false) };
        links.AddRange(users.GetReferencingForeignKeys().Where(fk => fk.Properties.Count == 1 && fk.DeclaringEntityType.GetTableName() is not null)
            .Select(fk => new PlayerLink(fk.DeclaringEntityType, fk.Properties[0], false)));
        links.AddRange(actors.GetReferencingForeignKeys().Where(fk => fk.Properties.Count == 1 && fk.DeclaringEntityType.GetTableName() is not null)
            .Select(fk => new PlayerLink(fk.DeclaringEntityType, fk.Properties[0], true)));
        return links.DistinctBy(l => (l.Table, l.Column)).OrderBy(l => l.Table).ThenBy(l => l.Column).ToList();
    }

    public static IReadOnlyList<string> Tables(IModel model) => Links(model).Select(l => l.Table).Distinct().Order().ToList();
}
