using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Resources;
using Microsoft.EntityFrameworkCore;
using static GameOps.Tests.Web.Resources.ResourceArrange;

namespace GameOps.Tests.Web.Resources;

/// <summary><see cref="ResourceQueryBuilder"/>: the predicates, the search per provider, the sort and the projection, on real databases.</summary>
public sealed class ResourceQueryBuilderTests
{
    static async Task<List<string>> KeysAsync(GameOpsDbContext db, ResourceCatalog catalog, ResourceQuery query)
    {
        var items = catalog.For<Item>();
        var builder = new ResourceQueryBuilder(catalog);
        var selective = await builder.SelectiveSearchAsync<Item>(db, items, query, canSeePersonalData: false, Ct);
        return await builder.Sort(items, ResourceQueryBuilder.Where(db, items, db.Items.AsNoTracking(), query, false, selective), query)
            .Select(i => i.ItemId).ToListAsync(Ct);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Search_filters_and_scope_combine_and_like_wildcards_are_text(DatabaseProvider provider)
    {
        var (database, _, catalog) = await ArrangeAsync(provider, [
            NewItem("a_b", "Alpha", "rare", value: 5), NewItem("axb", "Beta", "rare", value: 50), NewItem("sword_iron", "Iron Sword", "common", value: 20),
            NewItem("sword_gold", "Golden Sword", "rare", value: 300)]);
        await using var _ = database;
        await using var db = database.CreateContext();

        Assert.Equal(["a_b"], await KeysAsync(db, catalog, new ResourceQuery { Search = "a_" })); // "_" is not "any character"
        Assert.Equal(["sword_gold", "sword_iron"], await KeysAsync(db, catalog, new ResourceQuery { Search = "SWORD" }));
        Assert.Equal(["sword_gold", "sword_iron"], await KeysAsync(db, catalog, new ResourceQuery { Search = "swor" })); // any part of the name, too

        var rareAndCheap = new ResourceQuery();
        rareAndCheap.Filters[nameof(Item.Rarity)] = new FilterValue { Value = "rare" };
        rareAndCheap.Filters[nameof(Item.Value)] = new FilterValue { Max = 100 };
        Assert.Equal(["a_b", "axb"], await KeysAsync(db, catalog, rareAndCheap));

        var scoped = new ResourceQuery { Search = "sword" };
        scoped.Scope[nameof(Item.Rarity)] = new FilterValue { Value = "common" };
        Assert.Equal(["sword_iron"], await KeysAsync(db, catalog, scoped));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_search_for_a_rows_id_finds_it_through_the_models_primary_key(DatabaseProvider provider)
    {
        var wanted = NewItem("b", "Bravo");
        var (database, _, catalog) = await ArrangeAsync(provider, [NewItem("a", "Alpha"), wanted]);
        await using var _ = database;
        await using var db = database.CreateContext();

        Assert.Equal(["b"], await KeysAsync(db, catalog, new ResourceQuery { Search = wanted.Id.ToString() }));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Sort_breaks_ties_by_the_key_and_the_projection_carries_the_key_and_the_listed_columns(DatabaseProvider provider)
    {
        var rows = Enumerable.Range(0, 6).Select(i => NewItem($"k{i}", i % 2 == 0 ? "Same" : "Other", value: i)).ToList();
        var (database, _, catalog) = await ArrangeAsync(provider, rows);
        await using var _ = database;
        await using var db = database.CreateContext();
        var items = catalog.For<Item>();
        var builder = new ResourceQueryBuilder(catalog);
        var query = new ResourceQuery { SortField = nameof(Item.Name), SortDescending = true };

        var page = await builder.Sort(items, db.Items.AsNoTracking(), query).Select(builder.Projection<Item>(items)).ToListAsync(Ct);

        var expected = await db.Items.OrderByDescending(i => i.Name).ThenByDescending(i => i.Id).Select(i => i.Id).ToListAsync(Ct);
        Assert.Equal(expected.Cast<object>(), page.Select(r => r.Id));
        var nameColumn = items.ListColumns.ToList().IndexOf(nameof(Item.Name));
        Assert.Equal(["Same", "Same", "Same", "Other", "Other", "Other"], page.Select(r => (string)r.Values[nameColumn]!));
        Assert.All(page, r => Assert.Equal(items.ListColumns.Count, r.Values.Length));
    }

    [Fact]
    public void The_store_and_its_pieces_name_no_column_by_a_string_literal()
    {
        var resources = Path.Combine(Repository.Root, "GameOps.Web", "Resources");
        foreach (var file in new[] { "ResourceStore.cs", "ResourceQueryBuilder.cs", "KeysetPager.cs", "ResourceCounter.cs", "ResourcePicker.cs", "ResourceWriter.cs" })
            Assert.DoesNotContain("\"Id\"", File.ReadAllText(Path.Combine(resources, file)));
    }
}
