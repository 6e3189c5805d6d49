using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Resources;
using GameOps.Web.Security;

namespace GameOps.Tests.Web.Resources;

/// <summary>Issue 15: a declaration is complete when the catalog is built, and frozen from then on (it is shared by every circuit).</summary>
public sealed class ResourceDeclarationTests
{
    [Fact]
    public async Task Every_resource_and_each_of_its_fields_is_frozen_once_the_catalog_is_built()
    {
        var (db, catalog) = await ResourceCatalogTests.CatalogAsync();
        await using var _ = db;
        Assert.NotEmpty(catalog.All);
        foreach (var resource in catalog.All)
        {
            Assert.True(resource.IsFrozen, $"{resource.Table} is not frozen");
            Assert.All(resource.Fields, f => Assert.True(f.IsFrozen, $"{resource.Table}.{f.Column} is not frozen"));
        }
    }

    [Fact]
    public async Task Every_declared_list_page_takes_its_resources_route_and_every_page_on_a_resource_route_is_declared()
    {
        var (db, catalog) = await ResourceCatalogTests.CatalogAsync();
        await using var _ = db;
        static IEnumerable<string> RoutesOf(Type page) =>
            page.GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.RouteAttribute), false).Cast<Microsoft.AspNetCore.Components.RouteAttribute>().Select(r => r.Template);

        var declared = catalog.All.Where(r => r.ListPageComponent is not null).ToList();
        Assert.Contains(declared, r => r.ListPageComponent == typeof(GameOps.Web.Components.Pages.Moderation.ReportQueue));
        foreach (var resource in declared)
            Assert.True(RoutesOf(resource.ListPageComponent!).Contains(resource.ListRoute),
                $"{resource.ListPageComponent!.Name} is declared as the list page of {resource.Table} but has no @page \"{resource.ListRoute}\"");

        var pages = typeof(ResourceCatalog).Assembly.GetTypes().Where(t => typeof(Microsoft.AspNetCore.Components.IComponent).IsAssignableFrom(t)).ToList();
        foreach (var resource in catalog.All.Where(r => r.Route is not null))
            foreach (var page in pages.Where(p => RoutesOf(p).Contains(resource.ListRoute)))
                Assert.True(resource.ListPageComponent == page, $"{page.Name} takes the route of {resource.Table} ({resource.ListRoute}) but the declaration does not say .ListPage<{page.Name}>()");
    }

    [Fact]
    public async Task A_built_resource_refuses_every_change_and_keeps_its_declaration()
    {
        var (db, catalog) = await ResourceCatalogTests.CatalogAsync();
        await using var _ = db;
        var items = catalog.For<Item>();
        var columns = items.ListColumns.ToList();

        Assert.Throws<InvalidOperationException>(() => items.Title = "Loot");
        Assert.Throws<InvalidOperationException>(() => items.ReadPermission = Permission.RawDataRead);
        Assert.Throws<InvalidOperationException>(() => items.WritePermission = null);
        Assert.Throws<InvalidOperationException>(() => items.AllowDelete = false);
        Assert.Throws<InvalidOperationException>(() => items.DefaultSort = nameof(Item.Value));
        Assert.Throws<InvalidOperationException>(() => items.Permissions(Permission.RawDataRead, Permission.RawDataWrite));
        Assert.Throws<InvalidOperationException>(() => items.Columns(i => i.Name));
        Assert.Throws<InvalidOperationException>(() => items.Search());
        Assert.Throws<InvalidOperationException>(() => items.FilterBy(i => i.Name));
        Assert.Throws<InvalidOperationException>(() => items.Validate(_ => []));
        Assert.Throws<InvalidOperationException>(() => items.ValidateWithDatabase((_, _, _) => Task.FromResult<IReadOnlyList<ValidationIssue>>([])));
        Assert.Throws<InvalidOperationException>(() => items.Initialize(i => i.IsActive = false));
        Assert.Throws<InvalidOperationException>(() => items.Field(i => i.Name).Label = "Title");
        Assert.Throws<InvalidOperationException>(() => items.Field(i => i.Name).Hidden = true);
        Assert.Throws<InvalidOperationException>(() => catalog.For<Player>().Field(p => p.Email).PersonalData = false);

        Assert.Equal("Items", items.Title);
        Assert.Equal(Permission.DesignRead, items.ReadPermission);
        Assert.Equal(Permission.DesignWrite, items.WritePermission);
        Assert.Equal(columns, items.ListColumns);
        Assert.True(catalog.For<Player>().Field(p => p.Email).PersonalData);
        Assert.True(((Item)items.NewEntity()).IsActive);
    }

    [Fact]
    public async Task A_resource_lists_are_read_only_views()
    {
        var (db, catalog) = await ResourceCatalogTests.CatalogAsync();
        await using var _ = db;
        var items = catalog.For<Item>();
        Assert.Throws<NotSupportedException>(() => ((ICollection<string>)items.ListColumns).Clear());
        Assert.Throws<NotSupportedException>(() => ((ICollection<string>)items.SearchFields).Add(nameof(Item.Description)));
        Assert.Throws<NotSupportedException>(() => ((ICollection<string>)items.Filters).Clear());
        Assert.Throws<NotSupportedException>(() => ((ICollection<ResourceField>)items.Fields).Clear());
        Assert.Throws<NotSupportedException>(() => ((ICollection<string>)items.Field(i => i.Rarity).Options!).Clear());
    }

    [Fact]
    public async Task A_description_derived_for_dispatch_outside_the_catalog_is_frozen_too()
    {
        var (db, catalog) = await ResourceCatalogTests.CatalogAsync();
        await using var _ = db;
        var sessions = ResourceCatalog.Describe(catalog.Model.FindEntityType(typeof(UserSession))!);
        Assert.True(sessions.IsFrozen);
        Assert.Same(sessions, ResourceCatalog.Describe(catalog.Model.FindEntityType(typeof(UserSession))!));
        Assert.Equal(typeof(UserSession), sessions.EntityType);
        Assert.Throws<InvalidOperationException>(() => sessions.ReadPermission = Permission.PlayersRead);
    }

    /// <summary>What the shells and the store do by a row's key, flag and version comes from the model and the entity's markers, not from property names.</summary>
    [Fact]
    public async Task Keys_active_flags_and_versions_come_from_the_model_and_the_markers()
    {
        var (db, catalog) = await ResourceCatalogTests.CatalogAsync();
        await using var _ = db;
        foreach (var resource in catalog.All)
        {
            var entityType = catalog.Model.FindEntityType(resource.EntityType)!;
            if (entityType.FindPrimaryKey() is { Properties: [var key] }) Assert.Equal(key.Name, resource.IdField.Name);
            var flag = entityType.FindProperty(nameof(IActivatable.IsActive));
            Assert.True(resource.IsActivatable == (flag?.ClrType == typeof(bool)), $"{resource.Table}: is_active and IActivatable disagree");
            if (resource.IsVersioned) Assert.Equal(nameof(IVersioned.Version), resource.ConcurrencyToken);
        }
        Assert.True(catalog.For<Item>().IsActivatable);
        Assert.True(catalog.For<Item>().IsVersioned);
        Assert.False(catalog.For<Player>().IsActivatable);
    }
}
