using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Data.Json;
using GameOps.Web.Resources;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Services.World;

/// <summary>What makes a zone, area or spawn point sane; the resource descriptions run these on every save.</summary>
public static class WorldValidation
{
    public const int MaxLevel = 200;

    public static IEnumerable<ValidationIssue> Spawn(SpawnPoint s)
    {
        if (s.SpawnChance is < 0 or > 1) yield return new(nameof(s.SpawnChance), "The chance is a probability between 0 and 1.");
        if (s.SpawnRadius < 0) yield return new(nameof(s.SpawnRadius), "The radius cannot be negative.");
        if (s.SpawnCount < 0) yield return new(nameof(s.SpawnCount), "The count cannot be negative.");
        if (s.RespawnTime < 0) yield return new(nameof(s.RespawnTime), "The respawn time cannot be negative.");
        if (s.LevelRange is null) { yield return new(nameof(s.LevelRange), "A level range is required."); yield break; }
        if (s.LevelRange.Min < 1 || s.LevelRange.Max > MaxLevel) yield return new(nameof(s.LevelRange), $"Levels go from 1 to {MaxLevel}.");
        if (s.LevelRange.Min > s.LevelRange.Max) yield return new(nameof(s.LevelRange), "The maximum level must be at least the minimum level.");
        if (s.Coordinates is null) yield return new(nameof(s.Coordinates), "A position is required.");
        else if (!double.IsFinite(s.Coordinates.X) || !double.IsFinite(s.Coordinates.Y)) yield return new(nameof(s.Coordinates), "The position must be numbers.");
    }

    /// <summary>The spawn must sit inside its zone; a level range outside the zone's is a warning (bosses may differ).</summary>
    public static async Task<IReadOnlyList<ValidationIssue>> SpawnInZoneAsync(GameOpsDbContext db, SpawnPoint s, CancellationToken ct)
    {
        var zone = await db.WorldZones.AsNoTracking().Where(z => z.ZoneId == s.ZoneId)
            .Select(z => new { z.Name, z.Coordinates, z.LevelRangeMin, z.LevelRangeMax }).FirstOrDefaultAsync(ct);
        if (zone is null || s.Coordinates is null) return [];
        var issues = new List<ValidationIssue>();
        var b = zone.Coordinates;
        if (s.Coordinates.X < b.MinX || s.Coordinates.X > b.MaxX || s.Coordinates.Y < b.MinY || s.Coordinates.Y > b.MaxY)
            issues.Add(new(nameof(s.Coordinates), $"The position ({s.Coordinates.X:0.#}, {s.Coordinates.Y:0.#}) is outside {zone.Name} (x {b.MinX:0.#}–{b.MaxX:0.#}, y {b.MinY:0.#}–{b.MaxY:0.#})."));
        if (s.LevelRange is { } l && (l.Min < zone.LevelRangeMin || l.Max > zone.LevelRangeMax))
            issues.Add(new(nameof(s.LevelRange), $"Levels {l.Min}–{l.Max} fall outside the zone's {zone.LevelRangeMin}–{zone.LevelRangeMax}.", IsWarning: true));
        return issues;
    }

    public static IEnumerable<ValidationIssue> Zone(WorldZone z)
    {
        if (z.LevelRangeMin > z.LevelRangeMax) yield return new(nameof(z.LevelRangeMax), "The maximum level must be at least the minimum level.");
        if (z.Coordinates is not { } b) { yield return new(nameof(z.Coordinates), "The bounds are required."); yield break; }
        if (!(b.MaxX > b.MinX && b.MaxY > b.MinY)) { yield return new(nameof(z.Coordinates), "The bounds need max x > min x and max y > min y."); yield break; }
        foreach (var (field, areas) in new[] { (nameof(z.SafeZones), z.SafeZones), (nameof(z.PvpZones), z.PvpZones) })
            foreach (var problem in (areas ?? []).Select((a, i) => Area(a, b) is { } p ? $"Area {i + 1} ({a.Name ?? a.Shape}): {p}" : null).OfType<string>())
                yield return new(field, problem);
        foreach (var p in (z.SpawnPoints ?? []).Where(p => !Inside(b, p.X, p.Y)))
            yield return new(nameof(z.SpawnPoints), $"Landmark {p.Name ?? "?"} ({p.X:0.#}, {p.Y:0.#}) is outside the bounds.");
    }

    public static IEnumerable<ValidationIssue> Territory(Territory t)
    {
        if (t.Level < 0) yield return new(nameof(t.Level), "The level cannot be negative.");
        if (t.Coordinates is null) yield return new(nameof(t.Coordinates), "The area is required.");
        else if (Area(t.Coordinates, null) is { } problem) yield return new(nameof(t.Coordinates), problem);
    }

    public static async Task<IReadOnlyList<ValidationIssue>> TerritoryInZoneAsync(GameOpsDbContext db, Territory t, CancellationToken ct)
    {
        var bounds = await db.WorldZones.AsNoTracking().Where(z => z.ZoneId == t.ZoneId).Select(z => z.Coordinates).FirstOrDefaultAsync(ct);
        return bounds is null || t.Coordinates is null || Area(t.Coordinates, bounds) is not { } problem ? [] : [new(nameof(t.Coordinates), problem)];
    }

    /// <summary>What is wrong with an area (shape, sizes, and when given, lying inside the bounds); null when fine.</summary>
    public static string? Area(MapArea a, MapBounds? bounds)
    {
        switch (a.Shape)
        {
            case "rect":
                if (a.Width is not > 0 || a.Height is not > 0) return "a rectangle needs a positive width and height.";
                if (bounds is not null && !(Inside(bounds, a.X, a.Y) && Inside(bounds, a.X + a.Width.Value, a.Y + a.Height.Value))) return "the rectangle leaves the zone's bounds.";
                return null;
            case "circle":
                if (a.Radius is not > 0) return "a circle needs a positive radius.";
                if (bounds is not null && !Inside(bounds, a.X, a.Y)) return "the circle's centre is outside the zone's bounds.";
                return null;
            case "polygon":
                if (a.Points is not { Count: >= 3 }) return "a polygon needs at least three points.";
                if (bounds is not null && a.Points.Any(p => !Inside(bounds, p.X, p.Y))) return "a polygon point is outside the zone's bounds.";
                return null;
            default:
                return $"the shape must be one of {string.Join(", ", MapArea.Shapes)}.";
        }
    }

    static bool Inside(MapBounds b, double x, double y) => x >= b.MinX && x <= b.MaxX && y >= b.MinY && y <= b.MaxY;
}
