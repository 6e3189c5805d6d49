using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Data.Json;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Resources;

/// <summary>Text that no column can store is a message next to its field, never an exception during the save or a false "saved".</summary>
public sealed class ResourceValidationTests
{
    static Item NewItem() => new()
    {
        Id = Guid.NewGuid(), ItemId = "sword_test", Name = "Test Sword", ItemType = "weapon", Rarity = "common", LevelRequirement = 1, Value = 10,
        StackSize = 1, IsActive = true, Effects = [new Effect { Type = "stat_bonus", Target = "strength", Amount = 3 }],
    };

    // Lone surrogates cannot be InlineData: xunit v3 carries theory data as UTF-8, which turns them into U+FFFD before the test runs.
    [Theory, InlineData("a\0b")]
    public async Task A_lone_surrogate_or_nul_in_any_field_is_a_validation_message_and_nothing_is_saved(string bad)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var services = WebServices.Build(db, WebServices.Staff(StaffRoles.Designer));
        var store = services.GetRequiredService<ResourceStore>();
        var items = services.GetRequiredService<ResourceCatalog>().For<Item>();
        var ct = TestContext.Current.CancellationToken;

        var inName = NewItem();
        inName.Name = "Sword " + bad;
        var result = await store.SaveAsync(items, inName, isNew: true, originalToken: null, ct: ct);
        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Issues, i => i.Field == nameof(Item.Name));

        var inTypedJson = NewItem();
        inTypedJson.Effects[0].Target = bad;
        result = await store.SaveAsync(items, inTypedJson, isNew: true, originalToken: null, ct: ct);
        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Issues, i => i.Field == nameof(Item.Effects));

        await using var context = db.CreateContext();
        Assert.Empty(context.Items);
    }

    [Fact]
    public async Task A_role_without_the_write_permission_cannot_save_through_the_store()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var services = WebServices.Build(db, WebServices.Staff(StaffRoles.Manager));
        var store = services.GetRequiredService<ResourceStore>();
        var items = services.GetRequiredService<ResourceCatalog>().For<Item>();
        var ct = TestContext.Current.CancellationToken;
        await Assert.ThrowsAsync<PermissionDeniedException>(() => store.SaveAsync(items, NewItem(), isNew: true, originalToken: null, ct: ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => store.DeleteAsync(items, Guid.NewGuid(), ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => store.SetActiveAsync(items, [Guid.NewGuid()], false, ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => store.SaveAsync(services.GetRequiredService<ResourceCatalog>().For<StaffUser>(), new StaffUser(), isNew: true, originalToken: null, ct: ct));
    }
}
