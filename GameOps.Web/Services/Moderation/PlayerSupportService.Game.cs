using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Data.Json;
using Microsoft.EntityFrameworkCore;

using GameOps.Web.Security;

namespace GameOps.Web.Services.Moderation;

public sealed record ActorLine(Guid Id, string Name, int Level, string? ZoneId, string? ZoneName, double X, double Y, double Z, DateTime? LastActive);

public sealed record InventoryLine(Guid Id, int Slot, Guid ItemId, string ItemKey, string ItemName, string ItemType, string Rarity, int Quantity, int StackSize,
    int? Durability, int EnhancementLevel);

/// <summary>A place an actor can be moved back to; <paramref name="Key"/> is how the service finds it again (never coordinates from the page).</summary>
public sealed record SafeSpot(string Key, string Label, string Kind, string ZoneId, string ZoneName, double X, double Y, double Z);

/// <summary>In-game support: inventory corrections and moving a stuck actor to safety. Each is one transaction with a staff note carrying the reason.</summary>
public sealed partial class PlayerSupportService
{
    /// <summary>Inventory slots per actor: 0–39, one row per occupied slot (as the game and the demo data use them).</summary>
    public const int InventorySlots = 40;
    /// <summary>The most one grant may add: a typo (10000 instead of 10) must not flood an economy.</summary>
    public const int MaxGrantQuantity = 999;

    public async Task<IReadOnlyList<ActorLine>> ActorsAsync(Guid playerId, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.PlayersRead);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var actors = await db.Actors.AsNoTracking().Where(a => a.UserId == playerId).OrderByDescending(a => a.Level).ThenBy(a => a.Name)
            .Select(a => new { a.Id, a.Name, a.Level, a.Position, a.LastActive }).ToListAsync(cancellationToken);
        var zoneIds = actors.Select(a => a.Position.ZoneId).OfType<string>().Distinct().ToList();
        var zones = await db.WorldZones.AsNoTracking().Where(z => zoneIds.Contains(z.ZoneId)).ToDictionaryAsync(z => z.ZoneId, z => z.Name, cancellationToken);
        return actors.Select(a => new ActorLine(a.Id, a.Name, a.Level, a.Position.ZoneId, a.Position.ZoneId is { } z && zones.TryGetValue(z, out var name) ? name : null,
            a.Position.X, a.Position.Y, a.Position.Z, a.LastActive)).ToList();
    }

    public async Task<IReadOnlyList<InventoryLine>> InventoryAsync(Guid actorId, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.PlayersRead);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.InventoryItems.AsNoTracking().Where(i => i.ActorId == actorId).OrderBy(i => i.SlotPosition)
            .Select(i => new InventoryLine(i.Id, i.SlotPosition, i.ItemId, i.Item.ItemId, i.Item.Name, i.Item.ItemType, i.Item.Rarity, i.Quantity,
                i.Item.StackSize, i.Durability, i.EnhancementLevel))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Gives an actor <paramref name="quantity"/> of a catalogue item: existing stacks of the item are topped up to the
    /// item's stack size first, the rest goes into the lowest free slots. Refused (nothing changes) when the item is
    /// retired or the inventory has no room for all of it.
    /// </summary>
    public async Task<OperationResult> GrantItemAsync(Guid playerId, Guid actorId, Guid itemId, int quantity, string reason, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.PlayersSupport);
        if (ReasonProblem(reason) is { } problem) return OperationResult.Refused(problem);
        if (quantity is < 1 or > MaxGrantQuantity) return OperationResult.Refused($"The quantity must be 1 to {MaxGrantQuantity}.");
        if (await StaffIdAsync() is not { } staff) return OperationResult.Refused("You are not signed in.");
        var now = Now();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var actor = await db.Actors.AsNoTracking().Where(a => a.Id == actorId && a.UserId == playerId).Select(a => new { a.Name }).FirstOrDefaultAsync(cancellationToken);
        if (actor is null) return OperationResult.Refused("This character does not belong to the player (or no longer exists).");
        var item = await db.Items.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        if (item is null) return OperationResult.Refused("This item is not in the catalogue.");
        if (!item.IsActive) return OperationResult.Refused($"“{item.Name}” is retired (inactive in the catalogue) and cannot be granted.");
        var stackSize = Math.Max(1, item.StackSize);
        var inventory = await db.InventoryItems.Where(i => i.ActorId == actorId).ToListAsync(cancellationToken);

        var remaining = quantity;
        var slots = new List<int>();
        if (stackSize > 1)
        {
            foreach (var stack in inventory.Where(i => i.ItemId == itemId && i.Quantity < stackSize).OrderBy(i => i.SlotPosition))
            {
                var added = Math.Min(remaining, stackSize - stack.Quantity);
                stack.Quantity += added;
                stack.UpdatedAt = now;
                remaining -= added;
                slots.Add(stack.SlotPosition);
                if (remaining == 0) break;
            }
        }
        var used = inventory.Select(i => i.SlotPosition).ToHashSet();
        var free = Enumerable.Range(0, InventorySlots).Where(s => !used.Contains(s)).ToList();
        var needed = (remaining + stackSize - 1) / stackSize;
        if (needed > free.Count)
            return OperationResult.Refused($"{actor.Name}'s inventory has {free.Count} free slot(s); {needed} are needed. Free some slots or grant less.");
        var gear = item.ItemType is "weapon" or "armor";
        foreach (var slot in free.Take(needed))
        {
            var amount = Math.Min(remaining, stackSize);
            db.InventoryItems.Add(new InventoryItem
            {
                Id = Guid.CreateVersion7(), ActorId = actorId, SlotPosition = slot, ItemId = itemId, Quantity = amount,
                Durability = gear ? 100 : null, AcquiredAt = now, UpdatedAt = now,
            });
            remaining -= amount;
            slots.Add(slot);
        }
        AddNote(db, playerId, staff, $"Support: granted {quantity} × {item.Name} ({item.ItemId}) to {actor.Name} (slot {string.Join(", ", slots)}).", reason);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return OperationResult.Success($"Granted {quantity} × {item.Name} to {actor.Name}.");
    }

    /// <summary>
    /// Sets the quantity of one inventory row (0 removes it), within the item's stack size. <paramref name="seenQuantity"/>
    /// is the quantity the staff member saw: when the game changed it meanwhile, nothing changes and the message says so.
    /// </summary>
    public async Task<OperationResult> SetQuantityAsync(Guid playerId, Guid inventoryItemId, int quantity, string reason, int? seenQuantity, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.PlayersSupport);
        if (ReasonProblem(reason) is { } problem) return OperationResult.Refused(problem);
        if (quantity < 0) return OperationResult.Refused("The quantity cannot be negative.");
        if (await StaffIdAsync() is not { } staff) return OperationResult.Refused("You are not signed in.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await db.InventoryItems.Include(i => i.Item).Include(i => i.Actor)
            .FirstOrDefaultAsync(i => i.Id == inventoryItemId && i.Actor.UserId == playerId, cancellationToken);
        if (row is null) return OperationResult.Refused("This inventory entry no longer exists.");
        if (seenQuantity is { } seen && row.Quantity != seen)
            return OperationResult.Refused($"{row.Item.Name}: the quantity changed from {seen} to {row.Quantity} since you looked; nothing was changed. Check it and try again.");
        var stackSize = Math.Max(1, row.Item.StackSize);
        if (quantity > stackSize) return OperationResult.Refused($"{row.Item.Name} stacks up to {stackSize}; grant more to fill other slots.");
        if (quantity == row.Quantity) return OperationResult.Refused("Nothing changed.");
        string what;
        if (quantity == 0)
        {
            db.InventoryItems.Remove(row);
            what = $"removed {row.Quantity} × {row.Item.Name} ({row.Item.ItemId}) from {row.Actor.Name}, slot {row.SlotPosition}.";
        }
        else
        {
            what = $"{row.Item.Name} ({row.Item.ItemId}) in {row.Actor.Name}'s slot {row.SlotPosition}: quantity {row.Quantity} → {quantity}.";
            row.Quantity = quantity;
            row.UpdatedAt = Now();
        }
        AddNote(db, playerId, staff, "Support: " + what, reason);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return OperationResult.Success(quantity == 0 ? $"{row.Item.Name} removed." : $"{row.Item.Name}: quantity now {quantity}.");
    }

    public Task<OperationResult> RemoveItemAsync(Guid playerId, Guid inventoryItemId, string reason, CancellationToken cancellationToken = default) =>
        SetQuantityAsync(playerId, inventoryItemId, 0, reason, null, cancellationToken);

    /// <summary>
    /// Where a stuck actor can go: the active player respawn points (<c>spawn_points</c> of type <c>player</c>) and the
    /// centres of the safe areas (<c>world_zones.safe_zones</c>) of the actor's zone, then those of the city zones
    /// (always safe), so an actor lost in a zone with neither still has somewhere to go.
    /// </summary>
    public async Task<IReadOnlyList<SafeSpot>> SafeSpotsAsync(Guid actorId, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.PlayersRead);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await SafeSpotsAsync(db, actorId, cancellationToken);
    }

    static async Task<IReadOnlyList<SafeSpot>> SafeSpotsAsync(GameOpsDbContext db, Guid actorId, CancellationToken cancellationToken)
    {
        var position = await db.Actors.AsNoTracking().Where(a => a.Id == actorId).Select(a => a.Position).FirstOrDefaultAsync(cancellationToken);
        if (position is null) return [];
        var zones = await db.WorldZones.AsNoTracking().Where(z => z.IsActive && (z.ZoneId == position.ZoneId || z.ZoneType == "city")).ToListAsync(cancellationToken);
        var zoneIds = zones.Select(z => z.ZoneId).ToList();
        var respawns = await db.SpawnPoints.AsNoTracking().Where(s => s.IsActive && s.SpawnType == "player" && zoneIds.Contains(s.ZoneId))
            .OrderBy(s => s.SpawnId).ToListAsync(cancellationToken);
        var spots = new List<SafeSpot>();
        foreach (var zone in zones.OrderBy(z => z.ZoneId == position.ZoneId ? 0 : 1).ThenBy(z => z.Name))
        {
            foreach (var s in respawns.Where(s => s.ZoneId == zone.ZoneId))
                spots.Add(new SafeSpot("spawn:" + s.SpawnId, $"{zone.Name} — respawn point {s.Coordinates.Name ?? s.SpawnId}", "respawn point", zone.ZoneId, zone.Name,
                    s.Coordinates.X, s.Coordinates.Y, s.Coordinates.Z ?? 0));
            for (var i = 0; i < zone.SafeZones.Count; i++)
            {
                var (x, y) = Centre(zone.SafeZones[i]);
                spots.Add(new SafeSpot($"safe:{zone.ZoneId}:{i}", $"{zone.Name} — safe area {zone.SafeZones[i].Name ?? (i + 1).ToString()}", "safe area", zone.ZoneId, zone.Name, x, y, 0));
            }
        }
        return spots;
    }

    static (double X, double Y) Centre(MapArea area) => area.Shape switch
    {
        "rect" => (area.X + (area.Width ?? 0) / 2, area.Y + (area.Height ?? 0) / 2),
        "polygon" when area.Points is { Count: > 0 } points => (points.Average(p => p.X), points.Average(p => p.Y)),
        _ => (area.X, area.Y),
    };

    /// <summary>Moves an actor to one of its <see cref="SafeSpotsAsync(Guid, CancellationToken)"/> (chosen by key).</summary>
    public async Task<OperationResult> MoveToSafeSpotAsync(Guid playerId, Guid actorId, string spotKey, string reason, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.PlayersSupport);
        if (ReasonProblem(reason) is { } problem) return OperationResult.Refused(problem);
        if (await StaffIdAsync() is not { } staff) return OperationResult.Refused("You are not signed in.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var actor = await db.Actors.FirstOrDefaultAsync(a => a.Id == actorId && a.UserId == playerId, cancellationToken);
        if (actor is null) return OperationResult.Refused("This character does not belong to the player (or no longer exists).");
        var spot = (await SafeSpotsAsync(db, actorId, cancellationToken)).FirstOrDefault(s => s.Key == spotKey);
        if (spot is null) return OperationResult.Refused("Choose a safe spot from the list (it may have been removed meanwhile).");
        var from = actor.Position;
        actor.Position = new ActorPosition { ZoneId = spot.ZoneId, X = spot.X, Y = spot.Y, Z = spot.Z };
        AddNote(db, playerId, staff, $"Support: moved {actor.Name} from {from.ZoneId ?? "?"} ({from.X:0.#}, {from.Y:0.#}) to {spot.Label} ({spot.X:0.#}, {spot.Y:0.#}).", reason);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var online = await db.UserSessions.CountAsync(s => s.UserId == playerId && s.IsActive, cancellationToken);
        return OperationResult.Success($"{actor.Name} moved to {spot.Label}." + (online > 0
            ? " The player is online: the game server may write the old position back until they log out — end their sessions if the move does not stick."
            : ""));
    }
}
