using System.Text;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Data.Json;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Security;

/// <summary>
/// Every search box and every free-text field of every resource (an Admin reaches them all), against SQL
/// metacharacters, markup, 10,000-character strings, invalid Unicode, NUL and spreadsheet formulas: searches answer,
/// saves store the text literally or refuse it with a message at the field and change nothing, exports neutralise formulas.
/// </summary>
/// <remarks>One class per provider, so that the two (the longest tests of the suite) run in parallel.</remarks>
public abstract class HostileInputTests(DatabaseProvider provider)
{
    public sealed record Payload(string Name, string Text)
    {
        public bool IsFormula => "=+-@".Contains(Text[0]);
        public override string ToString() => Name;
    }

    public static readonly Payload[] Payloads =
    [
        new("sql-quote", "Robert'); DROP TABLE users;--"),
        new("sql-or", "\" OR 1=1 --"),
        new("like-wildcards", "%_\\[]^"),
        new("html-script", "<script>alert('x')</script>"),
        new("html-img", "<img src=x onerror=alert(1)>"),
        new("formula-equals", "=HYPERLINK(\"http://evil.example\",\"click\")"),
        new("formula-plus", "+cmd|' /C calc'!A0"),
        new("formula-minus", "-2+3+cmd|' /C calc'!A0"),
        new("formula-at", "@SUM(1+1)*cmd|' /C calc'!A0"),
        new("10k-chars", string.Concat(Enumerable.Repeat("<i>'%", 2_000))),
        new("lone-surrogate", "bad\uD800text"),
        new("nul", "nul\0byte"),
        new("bidi-emoji", "مرحبا 👾 \u202Egnp.exe"),
    ];

    static bool IsFreeText(ResourceField f) =>
        f.ClrType == typeof(string) && f.Kind is FieldKind.Text or FieldKind.LongText && !f.Hidden && !f.ReadOnly && f.Options is null;

    [Fact]
    public async Task Every_search_box_and_text_filter_answers_hostile_text_without_error()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        await using var services = WebServices.Build(db, WebServices.Staff(StaffRoles.Admin));
        var store = services.GetRequiredService<ResourceStore>();
        var ct = TestContext.Current.CancellationToken;
        var cases = 0;

        foreach (var resource in services.GetRequiredService<ResourceCatalog>().All)
        {
            var textFilters = resource.Filters.Select(resource.Field).Where(f => f.ClrType == typeof(string)).ToList();
            foreach (var payload in Payloads)
            {
                if (resource.SearchFields.Count > 0)
                {
                    var page = await store.ListAsync(resource, new ResourceQuery { Search = payload.Text }, ct);
                    Assert.Empty(page.Rows); // nothing matches, and above all nothing failed or matched everything
                    cases++;
                }
                foreach (var filter in textFilters)
                {
                    var query = new ResourceQuery();
                    query.Filters[filter.Name] = new FilterValue { Value = payload.Text };
                    var page = await store.ListAsync(resource, query, ct);
                    Assert.Empty(page.Rows);
                    cases++;
                }
            }
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"{cases} search/filter queries answered ({Payloads.Length} payloads)");
        Assert.True(cases > 300, $"only {cases} cases: the catalog lost its search fields?");
    }

    [Fact]
    public async Task Every_free_text_field_stores_hostile_text_literally_or_refuses_it_at_the_field_and_exports_it_neutralised()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        await using var services = WebServices.Build(db, WebServices.Staff(StaffRoles.Admin));
        var store = services.GetRequiredService<ResourceStore>();
        var ct = TestContext.Current.CancellationToken;
        int stored = 0, refused = 0, exported = 0, fields = 0;
        var skipped = new List<string>();

        foreach (var resource in services.GetRequiredService<ResourceCatalog>().All.Where(r => r.WritePermission is not null))
        {
            var textFields = resource.Fields.Where(IsFreeText).ToList();
            if (textFields.Count == 0) continue;
            var id = await InsertValidRowAsync(db, store, resource, ct);
            if (id is null) { skipped.Add(resource.Slug); continue; }
            fields += textFields.Count;

            foreach (var field in textFields)
            foreach (var payload in Payloads)
            {
                var entity = (await store.LoadAsync(resource, id, ct))!;
                var before = field.GetValue(entity);
                var token = resource.ConcurrencyToken is { } t ? resource.Field(t).GetValue(entity) : null;
                field.SetValue(entity, payload.Text);

                var result = await store.SaveAsync(resource, entity, isNew: false, token, ct: ct);

                var reloaded = (await store.LoadAsync(resource, id, ct))!;
                var fits = payload.Text.Length <= (field.MaxLength ?? int.MaxValue) && UntrustedText.IsStorable(payload.Text);
                if (result.Outcome == SaveOutcome.Saved)
                {
                    Assert.True(fits, $"{resource.Slug}.{field.Name} saved {payload.Name}, which it cannot hold");
                    Assert.Equal(payload.Text, field.GetValue(reloaded)); // stored literally
                    stored++;
                    if (payload.IsFormula && resource.ListColumns.Contains(field.Name))
                    {
                        var rows = await store.ExportAsync(resource, new ResourceQuery(), 10, ct);
                        var csv = ExportEndpoints.ToCsv(resource.ListColumns.Select(resource.Field).ToList(), rows, mask: false);
                        foreach (var cell in Csv.Cells(csv))
                            Assert.False(cell.Length > 0 && "=+-@".Contains(cell[0]) && cell.Contains("cmd|") || cell.StartsWith("=HYPERLINK", StringComparison.Ordinal),
                                $"{resource.Slug}.{field.Name}: exported cell '{cell}' would run as a formula");
                        exported++;
                    }
                }
                else
                {
                    Assert.True(result.Issues.Any(i => i.Field == field.Name && !string.IsNullOrWhiteSpace(i.Message)),
                        $"{resource.Slug}.{field.Name} refused {payload.Name} without a message at the field: {result.Outcome} {string.Join("; ", result.Issues.Select(i => i.Message))}");
                    Assert.Equal(before, field.GetValue(reloaded)); // nothing changed
                    refused++;
                }
            }
        }
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{fields} free-text fields × {Payloads.Length} payloads: {stored} stored literally, {refused} refused with a message, {exported} CSV exports checked; rows not buildable: {string.Join(", ", skipped)}");
        Assert.True(fields >= 100, $"only {fields} free-text fields were exercised");
        Assert.True(skipped.Count == 0, $"too many resources without a test row: {string.Join(", ", skipped)}");
    }

    /// <summary>
    /// A row that the store itself would save unchanged: built from the model, with options, ranges and JSON columns
    /// taken from the resource's defaults, saved straight through EF, then checked with a no-change save.
    /// </summary>
    static async Task<object?> InsertValidRowAsync(TestDatabase db, ResourceStore store, ResourceDescription resource, CancellationToken ct)
    {
        await using (var context = db.CreateContext())
        {
            var builder = new RowBuilder(context) { Counter = ++buildersCreated * 10_000 };
            var entity = builder.Add(context.Model.FindEntityType(resource.EntityType)!);
            var defaults = resource.NewEntity();
            foreach (var field in resource.Fields.Where(f => !f.ReadOnly))
            {
                if (field.Options is { Count: > 0 } options) field.SetValue(entity, options[0]);
                if (field.Kind == FieldKind.Json) field.SetValue(entity, field.GetValue(defaults) ?? (field.ClrType == typeof(string) ? "{}" : null));
                if (field.Min is { } min && field.GetValue(entity) is { } v && IsNumber(v))
                    field.SetValue(entity, Convert.ChangeType(min, Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType));
            }
            SatisfyRules(entity, builder, context);
            try { await context.SaveChangesAsync(ct); }
            catch (DbUpdateException ex) { TestContext.Current.TestOutputHelper?.WriteLine($"{resource.Slug}: {ex.InnerException?.Message}"); return null; }
            var id = resource.IdField.GetValue(entity)!;
            var loaded = (await store.LoadAsync(resource, id, ct))!;
            var token = resource.ConcurrencyToken is { } t ? resource.Field(t).GetValue(loaded) : null;
            var baseline = await store.SaveAsync(resource, loaded, isNew: false, token, ct: ct);
            if (baseline.Outcome != SaveOutcome.Saved) TestContext.Current.TestOutputHelper?.WriteLine($"{resource.Slug}: {string.Join("; ", baseline.Issues.Select(i => i.Field + ": " + i.Message))}");
            return baseline.Outcome == SaveOutcome.Saved ? id : null;
        }
    }

    static int buildersCreated;

    /// <summary>The few cross-field rules a row built from the model alone cannot know about.</summary>
    static void SatisfyRules(object entity, RowBuilder builder, GameOpsDbContext context)
    {
        switch (entity)
        {
            case GameEvent e: e.EndTime = e.StartTime?.AddDays(1); break;
            case SpawnPoint p:
                FitZone(context, p.ZoneId);
                p.Coordinates = new MapPoint { X = 100, Y = 100 };
                p.LevelRange = new LevelRange { Min = 1, Max = 10 };
                break;
            case Territory t:
                FitZone(context, t.ZoneId);
                t.Coordinates = new MapArea { Shape = "circle", X = 100, Y = 100, Radius = 10 };
                break;
            case Achievement a: a.Requirements = [new AchievementRequirement { Type = "reach_level", Count = 10 }]; break;
            case ResourceDefinition r: r.MaxValue = r.MinValue + 100; break;
            case CraftingRecipe r:
                r.RequiredSkill = null;
                var ingredient = builder.Add<Item>();
                ingredient.ItemId = $"hostile_ingredient_{builder.Counter}";
                r.RequiredItems = [new ItemQuantity { ItemId = ingredient.ItemId, Quantity = 2 }];
                break;
        }
    }

    /// <summary>Gives the zone a row refers to bounds and levels that a spawn or territory at (100, 100) fits in.</summary>
    static void FitZone(GameOpsDbContext context, string zoneId)
    {
        var zone = context.ChangeTracker.Entries<WorldZone>().Select(e => e.Entity).Single(z => z.ZoneId == zoneId);
        zone.Coordinates = new MapBounds { MinX = 0, MinY = 0, MaxX = 1000, MaxY = 1000 };
        (zone.LevelRangeMin, zone.LevelRangeMax) = (1, 60);
    }

    static bool IsNumber(object value) => value is int or long or decimal or double or float;

    /// <summary>Just enough RFC 4180 to see each cell as a spreadsheet would.</summary>
    static class Csv
    {
        public static IEnumerable<string> Cells(string csv)
        {
            var cell = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < csv.Length; i++)
            {
                var c = csv[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { cell.Append('"'); i++; }
                    else if (c == '"') quoted = false;
                    else cell.Append(c);
                }
                else if (c == '"' && cell.Length == 0) quoted = true;
                else if (c is ',' or '\n' or '\r') { yield return cell.ToString(); cell.Clear(); }
                else cell.Append(c);
            }
            yield return cell.ToString();
        }
    }
}

public sealed class HostileInputTestsOnSqlite() : HostileInputTests(DatabaseProvider.Sqlite);

public sealed class HostileInputTestsOnPostgres() : HostileInputTests(DatabaseProvider.Postgres);
