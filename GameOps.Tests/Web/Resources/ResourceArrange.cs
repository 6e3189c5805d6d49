using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Data.Json;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Resources;

/// <summary>Rows and services for the tests of the resource store's pieces.</summary>
static class ResourceArrange
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Item NewItem(string key, string name, string rarity = "common", int level = 1, int value = 10, DateTime? createdAt = null) => new()
    {
        Id = Guid.NewGuid(), ItemId = key, Name = name, ItemType = "weapon", Rarity = rarity, LevelRequirement = level, Value = value,
        StackSize = 1, IsActive = true, Effects = [new Effect { Type = "stat_bonus", Target = "strength", Amount = 3 }],
        CreatedAt = createdAt ?? DateTime.UtcNow,
    };

    public static Player NewPlayer(string username, DateTime? createdAt = null) => new()
    {
        Id = Guid.NewGuid(), Username = username, Email = $"{username}@players.test", PasswordHash = "h", Status = "active", CreatedAt = createdAt ?? DateTime.UtcNow,
    };

    /// <summary>A migrated database holding <paramref name="rows"/>, with the web data services acting as <paramref name="role"/>.</summary>
    public static async Task<(TestDatabase Db, ServiceProvider Services, ResourceCatalog Catalog)> ArrangeAsync(DatabaseProvider provider, IEnumerable<object> rows,
        string role = StaffRoles.Admin)
    {
        var db = await TestDatabases.CreateMigratedAsync(provider);
        await using (var context = db.CreateContext())
        {
            context.AddRange(rows);
            await context.SaveChangesAsync(Ct);
        }
        var services = WebServices.Build(db, WebServices.Staff(role));
        return (db, services, services.GetRequiredService<ResourceCatalog>());
    }
}
