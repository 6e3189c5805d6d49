using System.Text.Json.Nodes;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Data.Json;
using GameOps.Data.Seeding;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Resources;
using GameOps.Web.Services.Design;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GameOps.Tests.Web.Design.DesignTestData;

namespace GameOps.Tests.Web.Design;

/// <summary>The demo data passes the app's own rules: every seeded definition of every kind, through the editor's and the import's validation.</summary>
public sealed class SeededDefinitionsTests
{
    [Fact]
    public async Task Every_seeded_definition_passes_the_editor_and_import_rules()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using (var seedContext = database.CreateContext())
            await DemoSeeder.SeedAsync(seedContext, new SeedOptions { Scale = 0.05, Now = new DateTime(2026, 11, 20, 13, 0, 0, DateTimeKind.Utc) }, ct);
        using var services = Services(database);
        var catalog = services.GetRequiredService<ResourceCatalog>();
        await using var db = database.CreateContext();

        var failures = new List<string>();
        var checkedRows = 0;
        foreach (var (resource, rows) in new (ResourceDescription, IReadOnlyList<object>)[]
        {
            (catalog.For<Item>(), await db.Items.AsNoTracking().ToListAsync(ct)),
            (catalog.For<Quest>(), await db.Quests.AsNoTracking().ToListAsync(ct)),
            (catalog.For<CraftingRecipe>(), await db.CraftingRecipes.AsNoTracking().ToListAsync(ct)),
            (catalog.For<SkillDefinition>(), await db.SkillDefinitions.AsNoTracking().ToListAsync(ct)),
            (catalog.For<ResourceDefinition>(), await db.ResourceDefinitions.AsNoTracking().ToListAsync(ct)),
            (catalog.For<Achievement>(), await db.Achievements.AsNoTracking().ToListAsync(ct)),
        })
        {
            Assert.NotEmpty(rows);
            foreach (var row in rows)
            {
                checkedRows++;
                foreach (var issue in (await ResourceValidation.ValidateWithDatabaseAsync(db, resource, row, ct)).Where(i => !i.IsWarning))
                    failures.Add($"{resource.Table} {resource.Field(resource.BusinessKey!).GetValue(row)}: {issue.Message}");
            }
        }
        // The operations dashboard offers 90 days: the performance series starts at its first day.
        var firstSample = await db.PerformanceMetrics.MinAsync(m => m.Timestamp, ct);
        Assert.True(firstSample <= new DateTime(2026, 11, 20).AddDays(-89).AddHours(6), $"performance metrics start on {firstSample:yyyy-MM-dd}");

        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedRows} seeded definitions break the rules:\n" + string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public async Task Every_seeded_quest_can_be_imported_back_unchanged()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using (var seedContext = database.CreateContext())
            await DemoSeeder.SeedAsync(seedContext, new SeedOptions { Scale = 0.05, Now = new DateTime(2026, 11, 20, 13, 0, 0, DateTimeKind.Utc) }, ct);
        using var services = Services(database);
        var import = services.GetRequiredService<DesignImportService>();
        var quests = services.GetRequiredService<ResourceCatalog>().For<Quest>();

        var export = await import.ExportAsync(quests, "json", ct);
        var preview = await import.PreviewAsync(quests, "quests.json", export, ct);

        Assert.Equal(0, preview.Errors);
        Assert.All(preview.Rows, r => Assert.Equal(ImportAction.Unchanged, r.Action));
        Assert.True(preview.Rows.Count >= 40);
    }
}
