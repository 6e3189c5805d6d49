using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GameOps.Tests.Web.Resources.ResourceArrange;

namespace GameOps.Tests.Web.Resources;

/// <summary><see cref="ResourceWriter"/>: saves, deletes and references on the primary database.</summary>
public sealed class ResourceWriterTests
{
    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_duplicate_key_on_save_is_a_message_next_to_its_field(DatabaseProvider provider)
    {
        var (database, services, catalog) = await ArrangeAsync(provider, [NewItem("sword_iron", "Iron Sword")]);
        await using var _ = database;
        var writer = new ResourceWriter(services.GetRequiredService<IDbContextFactory<GameOpsDbContext>>(), catalog);

        var result = await writer.SaveAsync(catalog.For<Item>(), NewItem("sword_iron", "Copy"), isNew: true, originalToken: null, ct: Ct);

        Assert.Equal(SaveOutcome.Failed, result.Outcome);
        Assert.Equal(nameof(Item.ItemId), Assert.Single(result.Issues).Field);
        await using var check = database.CreateContext();
        Assert.Equal(1, await check.Items.CountAsync(Ct));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Saving_a_row_deleted_meanwhile_says_so_and_creates_nothing(DatabaseProvider provider)
    {
        var item = NewItem("sword_iron", "Iron Sword");
        var (database, services, catalog) = await ArrangeAsync(provider, [item]);
        await using var _ = database;
        var writer = new ResourceWriter(services.GetRequiredService<IDbContextFactory<GameOpsDbContext>>(), catalog);
        var items = catalog.For<Item>();
        var edited = (Item)(await writer.LoadAsync(items, item.Id, Ct))!;
        await using (var other = database.CreateContext())
            await other.Items.Where(i => i.Id == item.Id).ExecuteDeleteAsync(Ct);

        edited.Name = "Renamed";
        var result = await writer.SaveAsync(items, edited, isNew: false, originalToken: edited.Version, ct: Ct);

        Assert.Equal(SaveOutcome.NotFound, result.Outcome);
        await using var check = database.CreateContext();
        Assert.Equal(0, await check.Items.CountAsync(Ct));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task References_count_the_restricting_rows_and_link_to_their_list(DatabaseProvider provider)
    {
        var player = NewPlayer("p1");
        var actor = new Actor { Id = Guid.NewGuid(), UserId = player.Id, Name = "Hero", Level = 1, CreatedAt = DateTime.UtcNow };
        var item = NewItem("sword_iron", "Iron Sword");
        var (database, services, catalog) = await ArrangeAsync(provider, [player, actor, item,
            new InventoryItem { Id = Guid.NewGuid(), ActorId = actor.Id, ItemId = item.Id, Quantity = 1, AcquiredAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow },
            new InventoryItem { Id = Guid.NewGuid(), ActorId = actor.Id, ItemId = item.Id, Quantity = 2, AcquiredAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow }]);
        await using var _ = database;
        var writer = new ResourceWriter(services.GetRequiredService<IDbContextFactory<GameOpsDbContext>>(), catalog);

        var references = await writer.ReferencesAsync(catalog.For<Item>(), item.Id, Ct);

        var inventory = Assert.Single(references, r => r.Table == "inventory_items");
        Assert.Equal(("item_id", 2L, catalog.Find("inventory_items")!.ListRoute), (inventory.Column, inventory.Count, inventory.Route));
        Assert.Empty(await writer.ReferencesAsync(catalog.For<Item>(), Guid.NewGuid(), Ct));
    }
}
