using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Data;

/// <summary>Issue 14.5: every editable table detects a concurrent edit (PostgreSQL: xmin; SQLite: the loaded column values).</summary>
public sealed class ConcurrencyTests
{
    static bool Editable(IEntityType e) => e.GetTableName() is not null && e.ClrType != typeof(StaffAuditEntry) && !e.IsOwned() && Candidates(e).Any();

    /// <summary>Columns a plain edit may change, safest first (flags and numbers rarely meet a check constraint).</summary>
    static IEnumerable<IProperty> Candidates(IEntityType e) => e.GetProperties()
        .Where(p => p.PropertyInfo is not null && !p.IsKey() && !p.IsForeignKey() && !p.IsIndex() && !(p.IsConcurrencyToken && !p.IsRowToken()))
        .Where(p => Mutated(p, Sample(p)) is not null)
        .OrderBy(p => Type(p) == typeof(bool) ? 0 : Type(p) == typeof(string) ? 2 : 1);

    static Type Type(IProperty p) => Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType;

    static object? Sample(IProperty p) => Type(p) switch
    {
        var t when t == typeof(string) => "a",
        var t when t == typeof(bool) => true,
        var t when t == typeof(int) => 1,
        var t when t == typeof(long) => 1L,
        var t when t == typeof(short) => (short)1,
        var t when t == typeof(double) => 1.0,
        var t when t == typeof(decimal) => 1m,
        var t when t == typeof(DateTime) => RowBuilder.BaseTime,
        _ => null,
    };

    /// <summary>Another valid value for the column, or null when this test does not know how to change it.</summary>
    static object? Mutated(IProperty p, object? value, int step = 1)
    {
        var json = p.PropertyInfo!.IsDefined(typeof(JsonColumnAttribute), false);
        return value switch
        {
            _ when json => null,
            string s when s.Length > 0 => (char)(s[0] >= 'x' ? 'a' + step : s[0] + step) + s[1..],
            string => "b",
            bool b => !b,
            int i => i + step,
            long l => l + step,
            short s => (short)(s + step),
            double d => d + step,
            decimal m => m > 1 ? m - step * 0.25m : m + step * 0.25m,
            DateTime t => t.AddMinutes(step),
            null => Sample(p),
            _ => null,
        };
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Every_editable_table_refuses_the_second_of_two_concurrent_edits(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        await using var modelContext = db.CreateContext();
        var tables = modelContext.Model.GetEntityTypes().Where(Editable).ToList();
        Assert.True(tables.Count > 50, $"only {tables.Count} editable tables");
        var failures = new List<string>();
        var counter = 0;
        foreach (var type in tables)
        {
            object?[] key;
            await using (var seed = db.CreateContext())
            {
                var row = new RowBuilder(seed) { Counter = counter += 10_000 }.Add(seed.Model.FindEntityType(type.ClrType)!);
                await seed.SaveChangesAsync(ct);
                key = type.FindPrimaryKey()!.Properties.Select(p => seed.Entry(row).Property(p.Name).CurrentValue).ToArray();
            }
            string? outcome = "no column could be changed";
            foreach (var property in Candidates(type))
            {
                await using var first = db.CreateContext();
                await using var second = db.CreateContext();
                var mine = (await first.FindAsync(type.ClrType, key, ct))!;
                var theirs = (await second.FindAsync(type.ClrType, key, ct))!;
                var original = property.PropertyInfo!.GetValue(mine);
                property.PropertyInfo.SetValue(mine, Mutated(property, original, 1));
                try { await first.SaveChangesAsync(ct); }
                catch (DbUpdateException) { continue; } // a check constraint refused this column's value: try the next column
                property.PropertyInfo.SetValue(theirs, Mutated(property, original, 2));
                try
                {
                    await second.SaveChangesAsync(ct);
                    outcome = $"the second save of {property.Name} succeeded: a lost update";
                }
                catch (DbUpdateConcurrencyException)
                {
                    outcome = null;
                }
                catch (DbUpdateException e)
                {
                    outcome = $"the second save of {property.Name} failed with {e.InnerException?.Message ?? e.Message}";
                }
                break;
            }
            if (outcome is not null) failures.Add($"{type.GetTableName()}: {outcome}");
        }
        Assert.Empty(failures);
    }

    /// <summary>The edit shell's path: a row loaded for editing, changed meanwhile, conflicts; "Overwrite" then saves and refreshes the token.</summary>
    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task The_resource_store_reports_a_conflict_on_a_table_without_a_version_column_and_overwrite_refreshes_the_token(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        await using var services = WebServices.Build(db, WebServices.Staff(StaffRoles.Admin));
        Guid id;
        await using (var seed = db.CreateContext())
        {
            var row = new RowBuilder(seed).Add<WorldEvent>();
            await seed.SaveChangesAsync(ct);
            id = row.Id;
        }
        var store = services.GetRequiredService<ResourceStore>();
        var resource = services.GetRequiredService<ResourceCatalog>().For<WorldEvent>();
        Assert.Null(resource.ConcurrencyToken); // no version/updated_at column: only the row token protects it

        var mine = (WorldEvent)(await store.LoadAsync(resource, id, ct))!;
        var theirs = (WorldEvent)(await store.LoadAsync(resource, id, ct))!;
        theirs.Title = "Theirs";
        Assert.Equal(SaveOutcome.Saved, (await store.SaveAsync(resource, theirs, false, null, ct: ct)).Outcome);
        mine.Title = "Mine";
        var conflict = await store.SaveAsync(resource, mine, false, null, ct: ct);
        Assert.Equal(SaveOutcome.Conflict, conflict.Outcome);
        Assert.Equal("Theirs", conflict.DatabaseValues!["Title"]);

        var overwritten = await store.SaveAsync(resource, mine, false, null, overwrite: true, ct: ct);
        Assert.Equal(SaveOutcome.Saved, overwritten.Outcome);
        // The shell keeps editing the saved entity: its token is the new one, so the next save is not a false conflict.
        var next = (WorldEvent)overwritten.Entity!;
        next.Title = "Mine again";
        Assert.Equal(SaveOutcome.Saved, (await store.SaveAsync(resource, next, false, null, ct: ct)).Outcome);
        await using var check = db.CreateContext();
        Assert.Equal("Mine again", (await check.WorldEvents.SingleAsync(e => e.Id == id, ct)).Title);
    }
}
