using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using static GameOps.Tests.Web.Resources.ResourceArrange;

namespace GameOps.Tests.Web.Resources;

/// <summary><see cref="KeysetPager"/>: pages found by seeking are exactly the pages of offset paging over the same order.</summary>
public sealed class KeysetPagerTests
{
    /// <summary>The items in a database of their own, a context over it, and a pager with an empty cache.</summary>
    static async Task<(TestDatabase Database, GameOpsDbContext Db, ResourceDescription Items, ResourceQueryBuilder Builder, KeysetPager Pager)> ArrangePagerAsync(
        DatabaseProvider provider, IEnumerable<Item> rows)
    {
        var (database, _, catalog) = await ArrangeAsync(provider, rows);
        var builder = new ResourceQueryBuilder(catalog);
        return (database, database.CreateContext(), catalog.For<Item>(), builder, new KeysetPager(new MemoryCache(new MemoryCacheOptions()), new TableVersions(), builder));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Seek_pages_equal_offset_pages_forward_back_and_after_a_far_jump(DatabaseProvider provider)
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        // Names and values repeat, so the id breaks ties; 600 rows so that page 80 of 7 is a far jump (more than 500 rows past any known page).
        var rows = Enumerable.Range(0, 600).Select(i => NewItem($"item{i:000}", $"Item {i % 50:00}", value: i % 13, createdAt: start.AddMinutes(i % 97))).ToList();
        var (database, db, items, builder, pager) = await ArrangePagerAsync(provider, rows);
        await using var _ = database;
        await using var __ = db;

        foreach (var (sort, descending) in new (string?, bool)[] { (null, false), (nameof(Item.Value), true), (nameof(Item.CreatedAt), false), (nameof(Item.ItemId), true) })
            foreach (var page in new[] { 0, 1, 2, 1, 0, 80, 81, 79, 85, 90 })
            {
                var query = new ResourceQuery { SortField = sort, SortDescending = descending, Page = page, PageSize = 7 };
                var seek = pager.SeekKeyOf(db.Model, items, query);
                Assert.NotNull(seek);
                var sought = await pager.PageAsync(db, items, query, db.Items.AsNoTracking(), seek, Ct);
                var offset = await builder.Sort(items, db.Items.AsNoTracking(), query).Skip(page * 7).Take(7).Select(builder.Projection<Item>(items)).ToListAsync(Ct);
                Assert.True(offset.Select(r => r.Id).SequenceEqual(sought.Select(r => r.Id)), $"sort {sort} {descending}, page {page}");
            }
    }

    /// <summary>The first page of an unfiltered list is a compiled query, translated once per order: only the page size may vary in it.</summary>
    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task The_compiled_first_page_takes_each_page_size_and_order_and_a_filter_still_applies(DatabaseProvider provider)
    {
        var rows = Enumerable.Range(0, 30).Select(i => NewItem($"first{i:00}", $"First {i % 9}", value: i % 4)).ToList();
        var (database, db, items, builder, pager) = await ArrangePagerAsync(provider, rows);
        await using var _ = database;
        await using var __ = db;

        async Task<(List<object> Sought, List<object> Offset)> FirstPage(ResourceQuery query, IQueryable<Item> filtered)
        {
            var sought = await pager.PageAsync(db, items, query, filtered, pager.SeekKeyOf(db.Model, items, query)!, Ct);
            var offset = await builder.Sort(items, filtered, query).Take(query.PageSize).Select(builder.Projection<Item>(items)).ToListAsync(Ct);
            return (sought.Select(r => r.Id).ToList(), offset.Select(r => r.Id).ToList());
        }

        foreach (var (size, sort, descending) in new (int, string?, bool)[] { (7, null, false), (3, null, false), (7, nameof(Item.Value), true), (4, nameof(Item.Value), false) })
        {
            var (sought, offset) = await FirstPage(new ResourceQuery { PageSize = size, SortField = sort, SortDescending = descending }, db.Items.AsNoTracking());
            Assert.Equal(size, sought.Count); // the page size is the compiled query's parameter, not the first call's value
            Assert.Equal(offset, sought);
        }

        var filteredQuery = new ResourceQuery { PageSize = 7 };
        filteredQuery.Filters[nameof(Item.Value)] = new FilterValue { Value = "2" };
        var (filteredSought, filteredOffset) = await FirstPage(filteredQuery, ResourceQueryBuilder.Where(db, items, db.Items.AsNoTracking(), filteredQuery, canSeePersonalData: true));
        Assert.Equal(filteredOffset, filteredSought); // a filtered first page is not the compiled (whole table) one
        Assert.All(filteredSought, id => Assert.Equal(2, rows.Single(r => r.Id == (Guid)id).Value));
    }

    [Fact]
    public async Task The_seek_key_is_the_sort_column_and_the_models_key_or_none_where_seeking_cannot_work()
    {
        var (database, _, catalog) = await ArrangeAsync(DatabaseProvider.Sqlite, []);
        await using var _ = database;
        await using var db = database.CreateContext();
        var pager = new KeysetPager(new MemoryCache(new MemoryCacheOptions()), new TableVersions(), new ResourceQueryBuilder(catalog));
        var items = catalog.For<Item>();

        Assert.Equal(new SeekKey(nameof(Item.Name), typeof(string), true, nameof(Item.Id)),
            pager.SeekKeyOf(db.Model, items, new ResourceQuery { SortField = nameof(Item.Name), SortDescending = true }));
        Assert.Equal(new SeekKey(nameof(Item.Id), typeof(Guid), false, nameof(Item.Id)),
            pager.SeekKeyOf(db.Model, items, new ResourceQuery { SortField = nameof(Item.Description) })); // not sortable: the key's order
        var builder = new ResourceQueryBuilder(catalog);
        var byLabel = catalog.All.SelectMany(r => r.Fields.Where(f => f.Sortable && f.Kind == FieldKind.Reference && builder.DisplayOf(f) is not null).Select(f => (r, f))).First();
        Assert.Null(pager.SeekKeyOf(db.Model, byLabel.r, new ResourceQuery { SortField = byLabel.f.Name })); // sorted by the referenced row's label
        var nullable = catalog.All.SelectMany(r => r.Fields.Where(f => f.Sortable && f.Kind == FieldKind.DateTime
            && db.Model.FindEntityType(r.EntityType)!.FindProperty(f.Name)!.IsNullable).Select(f => (r, f))).First();
        Assert.Null(pager.SeekKeyOf(db.Model, nullable.r, new ResourceQuery { SortField = nullable.f.Name }));
    }
}
