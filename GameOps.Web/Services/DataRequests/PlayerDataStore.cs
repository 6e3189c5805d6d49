using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Data.Json;
using GameOps.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GameOps.Web.Services.DataRequests;

/// <summary>
/// Reads and erases everything stored about one player, table by table along <see cref="PlayerDataMap"/>. Erasure uses
/// set-based updates and deletes (so the per-row audit interceptor never copies the erased values into the audit trail).
/// </summary>
public static class PlayerDataStore
{
    public static async Task<List<Guid>> ActorIdsAsync(GameOpsDbContext db, Guid playerId, CancellationToken ct) =>
        await db.Actors.AsNoTracking().Where(a => a.UserId == playerId).Select(a => a.Id).ToListAsync(ct);

    static List<Guid> IdsFor(PlayerLink link, Guid playerId, List<Guid> actorIds) => link.ViaActors ? actorIds : [playerId];

    // ---------- export ----------

    /// <summary>The player's rows of one link, each as { column: value } without secret columns.</summary>
    public static async Task<List<JsonObject>> RowsAsync(GameOpsDbContext db, PlayerLink link, Guid playerId, List<Guid> actorIds, CancellationToken ct)
    {
        var ids = IdsFor(link, playerId, actorIds);
        if (ids.Count == 0) return [];
        var entities = await RowsOf(db, link).ReadAsync(link.Key, ids, ct);
        return entities.Select(e => ToJson(link.EntityType, e)).ToList();
    }

    static JsonObject ToJson(IEntityType type, object entity)
    {
        var row = new JsonObject();
        foreach (var property in type.GetProperties().Where(p => !p.IsSecret() && p.PropertyInfo is not null))
        {
            var value = property.PropertyInfo!.GetValue(entity);
            row[property.GetColumnName()] = value switch
            {
                null => null,
                DateTime d => JsonValue.Create(d.ToString("O")),
                string s => JsonValue.Create(s),
                _ => JsonSerializer.SerializeToNode(value, value.GetType(), GameJsonSerializer.Options),
            };
        }
        return row;
    }

    /// <summary>A zip with one <c>personal-data.json</c>: every table that references the player and their rows in it.</summary>
    public static async Task<byte[]> ExportZipAsync(GameOpsDbContext db, Guid playerId, Func<int, Task>? progress, CancellationToken ct)
    {
        var links = PlayerDataMap.Links(db.Model);
        var actorIds = await ActorIdsAsync(db, playerId, ct);
        var tables = new JsonObject();
        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            var rows = await RowsAsync(db, link, playerId, actorIds, ct);
            var pk = link.EntityType.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName()).ToList();
            var list = tables[link.Table] as JsonArray ?? new JsonArray();
            var seen = list.Select(r => string.Join("|", pk.Select(k => r![k]?.ToJsonString()))).ToHashSet();
            foreach (var row in rows)
                if (seen.Add(string.Join("|", pk.Select(k => row[k]?.ToJsonString())))) list.Add(row);
            tables[link.Table] = list;
            if (progress is not null) await progress((i + 1) * 100 / links.Count);
        }
        var document = new JsonObject
        {
            ["player_id"] = playerId.ToString(),
            ["generated_at"] = DateTime.UtcNow.ToString("O"),
            ["note"] = "Everything GameOps stores about this player, one entry per table; credentials are never exported.",
            ["tables"] = tables,
        };
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry("personal-data.json", CompressionLevel.Optimal);
            await using var stream = entry.Open();
            await JsonSerializer.SerializeAsync(stream, document, new JsonSerializerOptions { WriteIndented = true }, ct);
        }
        return buffer.ToArray();
    }

    // ---------- erasure ----------

    /// <summary>Rows touched per table. Runs inside the caller's transaction; <paramref name="beforeTable"/> lets tests inject a failure.</summary>
    public static async Task<Dictionary<string, int>> EraseAsync(GameOpsDbContext db, Guid playerId, Func<string, Task>? beforeTable, CancellationToken ct)
    {
        var links = PlayerDataMap.Links(db.Model);
        var actorIds = await ActorIdsAsync(db, playerId, ct);
        var counts = new Dictionary<string, int>();
        // Deletes first, then updates, and the two anchors (actors, users) last: nothing points at a row that is already gone.
        foreach (var link in links.OrderBy(l => Rule(l).Action == RetentionAction.Delete ? 0 : 1).ThenBy(l => l.Table is "actors" ? 1 : l.Table is "users" ? 2 : 0))
        {
            if (beforeTable is not null) await beforeTable(link.Table);
            var rule = Rule(link);
            var ids = IdsFor(link, playerId, actorIds);
            if (ids.Count == 0) continue;
            int touched;
            if (rule.Action == RetentionAction.Delete)
            {
                touched = await RowsOf(db, link).DeleteAsync(link.Key, ids, ct);
            }
            else
            {
                var constant = new Dictionary<string, object?>();
                foreach (var replace in rule.Replace.Where(r => r.PerRow is null)) constant[replace.Property] = replace.Value;
                foreach (var personal in link.EntityType.GetProperties().Where(p => p.IsPersonal() && !rule.Replace.Any(r => r.Property == p.Name)))
                    constant[personal.Name] = personal.IsNullable ? null : RetentionRules.ErasedText;
                touched = constant.Count == 0 ? 0
                    : await RowsOf(db, link).UpdateAsync(link.Key, ids, constant, ct);
                var perRow = rule.Replace.Where(r => r.PerRow is not null).ToList();
                if (perRow.Count > 0)
                {
                    var pk = link.EntityType.FindPrimaryKey()!.Properties[0];
                    var rows = RowsOf(db, link);
                    var rowIds = await rows.RowIdsAsync(link.Key, pk, ids, ct);
                    foreach (var rowId in rowIds)
                        await rows.UpdateAsync(pk, [rowId], perRow.ToDictionary(r => r.Property, r => (object?)r.PerRow!(rowId)), ct);
                    touched = Math.Max(touched, rowIds.Count);
                }
            }
            counts[link.ToString()] = touched;
        }
        return counts;
    }

    static RetentionRule Rule(PlayerLink link) =>
        RetentionRules.For(link.Table) ?? throw new InvalidOperationException($"No retention rule for {link.Table}: declare one in RetentionRules.");

    /// <summary>The link's table as typed code: its entity type comes from the table's resource description (no reflection).</summary>
    static IPlayerRows RowsOf(GameOpsDbContext db, PlayerLink link) => ResourceCatalog.Describe(link.EntityType).Accept(new PlayerRowsVisitor(db));

    sealed class PlayerRowsVisitor(GameOpsDbContext db) : IResourceVisitor<IPlayerRows>
    {
        public IPlayerRows Visit<T>(ResourceDescription<T> resource) where T : class, new() => new PlayerRows<T>(db);
    }

    /// <summary>Reads, deletes and blanks the rows of one table whose <c>key</c> (a <c>Guid</c> or <c>Guid?</c> column) is one of the ids.</summary>
    interface IPlayerRows
    {
        Task<List<object>> ReadAsync(IReadOnlyProperty key, List<Guid> ids, CancellationToken ct);
        Task<int> DeleteAsync(IReadOnlyProperty key, List<Guid> ids, CancellationToken ct);
        Task<List<Guid>> RowIdsAsync(IReadOnlyProperty key, IReadOnlyProperty primaryKey, List<Guid> ids, CancellationToken ct);
        Task<int> UpdateAsync(IReadOnlyProperty key, List<Guid> ids, Dictionary<string, object?> values, CancellationToken ct);
    }

    sealed class PlayerRows<T>(GameOpsDbContext db) : IPlayerRows where T : class
    {
        public async Task<List<object>> ReadAsync(IReadOnlyProperty key, List<Guid> ids, CancellationToken ct) =>
            (await Matching(db.Set<T>().AsNoTracking(), key, ids).Take(100_000).ToListAsync(ct)).Cast<object>().ToList();

        public Task<int> DeleteAsync(IReadOnlyProperty key, List<Guid> ids, CancellationToken ct) =>
            Matching(db.Set<T>(), key, ids).ExecuteDeleteAsync(ct);

        public Task<List<Guid>> RowIdsAsync(IReadOnlyProperty key, IReadOnlyProperty primaryKey, List<Guid> ids, CancellationToken ct)
        {
            var pk = primaryKey.Name;
            return Matching(db.Set<T>().AsNoTracking(), key, ids).Select(e => EF.Property<Guid>(e, pk)).ToListAsync(ct);
        }

        public Task<int> UpdateAsync(IReadOnlyProperty key, List<Guid> ids, Dictionary<string, object?> values, CancellationToken ct) =>
            Matching(db.Set<T>(), key, ids).ExecuteUpdateAsync(s =>
            {
                foreach (var (name, value) in values) s.SetProperty(e => EF.Property<string?>(e, name), (string?)value);
            }, ct);

        static IQueryable<T> Matching(IQueryable<T> rows, IReadOnlyProperty key, List<Guid> ids)
        {
            var name = key.Name;
            if (key.ClrType == typeof(Guid)) return rows.Where(e => ids.Contains(EF.Property<Guid>(e, name)));
            if (key.ClrType == typeof(Guid?))
            {
                var keys = ids.ConvertAll(id => (Guid?)id);
                return rows.Where(e => keys.Contains(EF.Property<Guid?>(e, name)));
            }
            throw new InvalidOperationException($"{key.DeclaringType.DisplayName()}.{name} is a {key.ClrType.Name}; a player's rows are found by a Guid key.");
        }
    }
}
