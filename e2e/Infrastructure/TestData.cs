using GameOps.Data;
using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.E2E.Infrastructure;

/// <summary>
/// Arranges rows straight in the app's database (no staff member: nothing is audited), for journeys that need
/// a row to exist whatever the demo seeder produced. Each call uses a unique key, so tests never share rows.
/// </summary>
public static class TestData
{
    /// <summary>A short unique suffix for keys and names created by one test.</summary>
    public static string UniqueSuffix() => Guid.NewGuid().ToString("N")[..8];

    public static async Task<Item> CreateItemAsync(this AppServer app, string itemId, string name, string itemType = "weapon",
        string rarity = "rare", int levelRequirement = 10)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<GameOpsDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var item = new Item
        {
            Id = Guid.CreateVersion7(),
            ItemId = itemId,
            Name = name,
            Description = "Created by the e2e tests.",
            ItemType = itemType,
            Rarity = rarity,
            LevelRequirement = levelRequirement,
            Value = 100,
            StackSize = 1,
            Properties = "{}",
            IsActive = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Add(item);
        await db.SaveChangesAsync();
        return item;
    }
}
