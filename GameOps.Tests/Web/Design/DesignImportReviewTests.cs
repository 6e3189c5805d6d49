using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using GameOps.Web.Services.Design;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GameOps.Tests.Web.Design.DesignTestData;

namespace GameOps.Tests.Web.Design;

/// <summary>The import review checks rows against each other and says per changed row which fields change, old → new.</summary>
public sealed class DesignImportReviewTests
{
    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Two_rows_with_the_same_new_key_are_a_preview_error_not_a_database_error(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        using var services = Services(db);
        var import = services.GetRequiredService<DesignImportService>();
        var items = services.GetRequiredService<ResourceCatalog>().For<Item>();
        var ct = TestContext.Current.CancellationToken;
        var json = """
            [
              { "item_id": "bow", "name": "Bow", "item_type": "weapon", "rarity": "common", "level_requirement": 1, "value": 5, "stack_size": 1, "is_active": true },
              { "item_id": "Bow", "name": "Bow again", "item_type": "weapon", "rarity": "common", "level_requirement": 1, "value": 5, "stack_size": 1, "is_active": true },
              { "item_id": "bow", "name": "Bow thrice", "item_type": "weapon", "rarity": "common", "level_requirement": 1, "value": 5, "stack_size": 1, "is_active": true }
            ]
            """;

        var preview = await import.PreviewAsync(items, "items.json", json, ct);

        Assert.Equal(1, preview.Adds);
        Assert.Equal(2, preview.Errors);
        Assert.Contains(preview.Rows, r => r.Line == 2 && r.Action == ImportAction.Error && r.Errors.Single().Contains("line 1"));
        Assert.Contains(preview.Rows, r => r.Line == 3 && r.Action == ImportAction.Error && r.Errors.Single().Contains("also on line 1"));
        var result = await import.ApplyAsync(items, "items.json", json, ct);
        Assert.False(result.Applied);
        await using var context = db.CreateContext();
        Assert.Equal(0, await context.Items.CountAsync(ct));
    }

    [Fact]
    public async Task A_changed_row_lists_each_changed_json_path_old_to_new()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var sword = NewItem("sword");
        sword.Properties = """{"damage_min":5,"damage_max":9}""";
        await SeedAsync(db, sword);
        using var services = Services(db);
        var import = services.GetRequiredService<DesignImportService>();
        var items = services.GetRequiredService<ResourceCatalog>().For<Item>();

        var preview = await import.PreviewAsync(items, "items.json",
            """[{ "item_id": "sword", "properties": { "damage_min": 6, "damage_max": 9 }, "effects": [{ "type": "stat_bonus", "target": "strength", "amount": 3 }] }]""",
            TestContext.Current.CancellationToken);

        var row = Assert.Single(preview.Rows);
        Assert.Equal(ImportAction.Change, row.Action);
        Assert.Contains(row.Changes.Single(c => c.Column == "properties").Paths, p => p is { Path: "damage min", Old: "5", New: "6" });
        Assert.Contains(row.Changes.Single(c => c.Column == "effects").Paths, p => p is { Path: "#1 / amount", Old: "2", New: "3" });
    }

    [Fact]
    public async Task An_import_with_a_broken_json_file_says_the_line_once()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        using var services = Services(db);
        var import = services.GetRequiredService<DesignImportService>();
        var items = services.GetRequiredService<ResourceCatalog>().For<Item>();

        var preview = await import.PreviewAsync(items, "items.json", "[\n{ \"item_id\": \"a\", }\n{ }]", TestContext.Current.CancellationToken);

        var error = Assert.Single(preview.FileErrors);
        Assert.StartsWith("The file is not valid JSON. Line 3", error);
        Assert.DoesNotContain("BytePositionInLine", error);
    }

    [Fact]
    public async Task A_definition_opens_by_its_business_key()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var sword = NewItem("wpn_mithril_sword");
        await SeedAsync(db, sword);
        using var services = Services(db, StaffRoles.Manager);
        var keys = services.GetRequiredService<DesignKeys>();
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(sword.Id, await keys.FindIdAsync(typeof(Item), "wpn_mithril_sword", ct));
        Assert.Null(await keys.FindIdAsync(typeof(Item), "wpn_nothing", ct));
        Assert.Null(await keys.FindIdAsync(typeof(Quest), "wpn_mithril_sword", ct));
    }

    [Fact]
    public async Task Resolving_a_key_without_a_signed_in_staff_member_is_refused()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGameOpsWebData(db);
        services.AddDesignWorkspace();
        using var provider = services.BuildServiceProvider(validateScopes: false);

        await Assert.ThrowsAnyAsync<UnauthorizedAccessException>(() => provider.GetRequiredService<DesignKeys>().FindIdAsync(typeof(Item), "sword", TestContext.Current.CancellationToken));
    }
}
