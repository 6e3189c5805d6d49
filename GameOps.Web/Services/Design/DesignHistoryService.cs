using System.Text.Json;
using System.Text.Json.Nodes;
using GameOps.Data;
using GameOps.Data.Json;
using GameOps.Web.Auditing;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GameOps.Web.Services.Design;

/// <summary>
/// One audited change of a definition and what the row looked like right after it. <paramref name="Staff"/> names who made it
/// (<see cref="StaffLabel"/>: the display name, with the email only for a caller who may reveal personal data); null for no staff member.
/// </summary>
public sealed record HistoryVersion(Guid EntryId, DateTime At, string? Staff, string Action, int? Version, IReadOnlyList<string> ChangedColumns, JsonObject Snapshot);

/// <summary>One column that differs between two versions.</summary>
public sealed record FieldDiff(string Column, string? Left, string? Right)
{
    /// <summary>For JSON columns: each path inside the value that changed, old → new.</summary>
    public IReadOnlyList<PathChange> Paths { get; init; } = [];
}

/// <summary>
/// A definition's history from the staff audit trail: every audited change, the row as it was after each (rebuilt
/// backwards from the current row, so rows created by seeding or the game servers have history too), field-by-field
/// diffs, and restoring an earlier version as a new version through the ordinary validated save.
/// </summary>
public sealed class DesignHistoryService(IDbContextFactory<GameOpsDbContext> contextFactory, ResourceStore store, CurrentStaff currentStaff)
{
    static readonly HashSet<string> NotRestored = ["id", "version", "created_at", "updated_at"];

    public async Task<IReadOnlyList<HistoryVersion>> VersionsAsync(ResourceDescription resource, Guid id, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.DesignRead);
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var entity = await db.FindAsync(resource.EntityType, [id], ct);
        if (entity is null) return [];
        var entityType = db.Model.FindEntityType(resource.EntityType)!;
        var key = id.ToString();
        var entries = (await db.StaffAuditLogs.AsNoTracking()
            .Where(a => a.EntityType == resource.Table && a.EntityKey == key && (a.Action == "create" || a.Action == "update"))
            .ToListAsync(ct)).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToList();
        // Designers may not reveal personal data: the row's email is never shown to them, the staff member's name is.
        var staff = await StaffLabel.ActorsAsync(db, entries, await currentStaff.HasAsync(Permission.RevealPersonalData), ct);

        var snapshot = Snapshot(entityType, entity);
        var versions = new List<HistoryVersion>();
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            var entry = entries[i];
            var (before, after) = Parse(entry.Changes);
            versions.Add(new HistoryVersion(entry.Id, entry.CreatedAt, entry.StaffUserId is { } who ? staff[who] : null, entry.Action,
                snapshot["version"]?.GetValue<int>(), after.Select(p => p.Key).ToList(), (JsonObject)snapshot.DeepClone()));
            foreach (var (column, value) in before) snapshot[column] = value?.DeepClone();
        }
        // Rows created by seeding or the game servers: what they were before the first recorded staff change.
        if (entries.Count > 0 && entries[0].Action != "create")
            versions.Add(new HistoryVersion(Guid.Empty, entries[0].CreatedAt, null, "before first recorded change", snapshot["version"]?.GetValue<int>(), [], snapshot));
        versions.Reverse();
        return versions;
    }

    public static IReadOnlyList<FieldDiff> Diff(JsonObject left, JsonObject right) =>
        left.Select(p => p.Key).Union(right.Select(p => p.Key))
            .Where(c => c is not ("updated_at" or "version") && !JsonNode.DeepEquals(left[c], right[c]))
            .Select(c => new FieldDiff(c, JsonDiff.Show(left[c]), JsonDiff.Show(right[c]))
            {
                Paths = JsonDiff.IsStructured(left[c]) || JsonDiff.IsStructured(right[c]) ? JsonDiff.Compare(left[c], right[c]) : [],
            })
            .ToList();

    /// <summary>Saves the version's values over the current row (a new version, audited like any edit); conflicts if the row changed since <paramref name="currentToken"/>.</summary>
    public async Task<SaveResult> RestoreAsync(ResourceDescription resource, Guid id, HistoryVersion version, object? currentToken, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.DesignWrite);
        var entity = await store.LoadAsync(resource, id, ct);
        if (entity is null) return SaveResult.Error("This row no longer exists.", SaveOutcome.NotFound);
        await using (var db = await contextFactory.CreateDbContextAsync(ct))
        {
            var entityType = db.Model.FindEntityType(resource.EntityType)!;
            foreach (var property in entityType.GetProperties())
            {
                var column = property.GetColumnName();
                if (NotRestored.Contains(column) || property.PropertyInfo is null || !version.Snapshot.ContainsKey(column)) continue;
                var node = version.Snapshot[column];
                var value = node is null ? null : node.Deserialize(property.ClrType, GameJsonSerializer.Options);
                if (value is DateTime d) value = DateTime.SpecifyKind(d, DateTimeKind.Utc);
                property.PropertyInfo.SetValue(entity, value);
            }
        }
        return await store.SaveAsync(resource, entity, isNew: false, currentToken, ct: ct);
    }

    /// <summary>The row as the audit interceptor writes it: column name → JSON value.</summary>
    static JsonObject Snapshot(IEntityType entityType, object entity)
    {
        var result = new JsonObject();
        foreach (var property in entityType.GetProperties().Where(p => p.PropertyInfo is not null))
        {
            var value = property.PropertyInfo!.GetValue(entity);
            result[property.GetColumnName()] = value switch
            {
                null => null,
                DateTime d => JsonValue.Create(d.ToString("O")),
                string s => JsonValue.Create(s),
                _ => JsonSerializer.SerializeToNode(value, value.GetType(), GameJsonSerializer.Options),
            };
        }
        return result;
    }

    static (JsonObject Before, JsonObject After) Parse(string? changes)
    {
        if (string.IsNullOrEmpty(changes)) return ([], []);
        try
        {
            var node = JsonNode.Parse(changes) as JsonObject;
            return (node?["before"] as JsonObject ?? [], node?["after"] as JsonObject ?? []);
        }
        catch (JsonException)
        {
            return ([], []);
        }
    }
}
