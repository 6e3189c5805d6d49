using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Resources;
using GameOps.Web.Services.Design;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GameOps.Tests.Web.Design.DesignTestData;

namespace GameOps.Tests.Web.Design;

/// <summary>Dry run and all-or-nothing import of definitions, on both providers.</summary>
public sealed class DesignImportTests
{
    const string Header = "item_id,name,item_type,rarity,level_requirement,value,stack_size,is_active,effects\n";

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Csv_with_one_bad_row_previews_the_error_and_changes_nothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        await SeedAsync(db, NewItem("sword", value: 10));
        using var services = Services(db);
        var import = services.GetRequiredService<DesignImportService>();
        var items = services.GetRequiredService<ResourceCatalog>().For<Item>();
        var ct = TestContext.Current.CancellationToken;
        var csv = Header +
            "sword,Sword,weapon,common,1,25,1,true,\"[{\"\"type\"\":\"\"stat_bonus\"\",\"\"target\"\":\"\"strength\"\",\"\"amount\"\":3}]\"\n" +
            "shield,Shield,armor,rare,5,40,1,true,[]\n" +
            "wand,Wand,weapon,mythic,5,lots,1,true,[]\n";

        var preview = await import.PreviewAsync(items, "items.csv", csv, ct);
        Assert.Equal(1, preview.Adds);
        Assert.Equal(1, preview.Changes);
        Assert.Equal(1, preview.Errors);
        Assert.False(preview.CanApply);
        var change = preview.Rows.Single(r => r.Key == "sword");
        Assert.Contains(change.Changes, d => d.Column == "value" && d.Left == "10" && d.Right == "25");
        var error = preview.Rows.Single(r => r.Key == "wand");
        Assert.Equal(ImportAction.Error, error.Action);
        Assert.Equal(4, error.Line);
        Assert.Contains(error.Errors, e => e.Contains("lots"));

        var result = await import.ApplyAsync(items, "items.csv", csv, ct);
        Assert.False(result.Applied);
        await using var context = db.CreateContext();
        Assert.Equal(["sword"], await context.Items.Select(i => i.ItemId).ToListAsync(ct));
        Assert.Equal(10, (await context.Items.SingleAsync(ct)).Value);
        Assert.Equal(0, await context.StaffAuditLogs.CountAsync(a => a.EntityType == "items", ct));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Valid_json_import_adds_and_changes_in_one_audited_save(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        await SeedAsync(db, NewItem("sword", value: 10), NewItem("herb", type: "material"));
        using var services = Services(db);
        var import = services.GetRequiredService<DesignImportService>();
        var quests = services.GetRequiredService<ResourceCatalog>().For<Quest>();
        var items = services.GetRequiredService<ResourceCatalog>().For<Item>();
        var ct = TestContext.Current.CancellationToken;

        var json = """
            [
              { "item_id": "sword", "value": 30 },
              { "item_id": "bow", "name": "Bow", "item_type": "weapon", "rarity": "uncommon", "level_requirement": 3, "value": 45, "stack_size": 1, "is_active": true,
                "effects": [{ "type": "damage", "target": "physical", "amount": 12 }, { "type": "debuff", "target": "speed", "amount": -2, "duration_seconds": 4 }] }
            ]
            """;
        var result = await import.ApplyAsync(items, "items.json", json, ct);
        Assert.True(result.Applied, result.Message);
        await using var context = db.CreateContext();
        Assert.Equal(30, (await context.Items.SingleAsync(i => i.ItemId == "sword", ct)).Value);
        var bow = await context.Items.SingleAsync(i => i.ItemId == "bow", ct);
        Assert.Equal(2, bow.Effects.Count);
        Assert.Equal(1, bow.Version);
        Assert.Equal(2, await context.StaffAuditLogs.CountAsync(a => a.EntityType == "items", ct));

        // A quest whose reward names a missing item: the integrity rules run on imports too.
        var bad = """[{ "quest_id": "q1", "title": "Q1", "quest_type": "side", "rewards": { "items": [{ "item_id": "ghost", "quantity": 1 }] } }]""";
        var refused = await import.ApplyAsync(quests, "quests.json", bad, ct);
        Assert.False(refused.Applied);
        Assert.Contains(refused.Preview.Rows[0].Errors, e => e.Contains("ghost"));
        Assert.Equal(0, await context.Quests.CountAsync(ct));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Export_round_trips_through_import_unchanged(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        await SeedAsync(db, NewItem("sword", value: 10), NewItem("herb", type: "material"));
        using var services = Services(db);
        var import = services.GetRequiredService<DesignImportService>();
        var items = services.GetRequiredService<ResourceCatalog>().For<Item>();
        var ct = TestContext.Current.CancellationToken;
        foreach (var format in new[] { "csv", "json" })
        {
            var text = await import.ExportAsync(items, format, ct);
            var preview = await import.PreviewAsync(items, "items." + format, text, ct);
            Assert.Empty(preview.FileErrors);
            Assert.All(preview.Rows, r => Assert.Equal(ImportAction.Unchanged, r.Action));
            Assert.Equal(2, preview.Rows.Count);
        }
    }

    [Fact]
    public async Task Unknown_columns_and_broken_files_are_file_errors()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        using var services = Services(db);
        var import = services.GetRequiredService<DesignImportService>();
        var items = services.GetRequiredService<ResourceCatalog>().For<Item>();
        var ct = TestContext.Current.CancellationToken;
        Assert.Contains("colour", (await import.PreviewAsync(items, "x.csv", "item_id,colour\na,red\n", ct)).FileErrors[0]);
        Assert.NotEmpty((await import.PreviewAsync(items, "x.json", "[{", ct)).FileErrors);
        Assert.NotEmpty((await import.PreviewAsync(items, "x.txt", "", ct)).FileErrors);
    }
}
