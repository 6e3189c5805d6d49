using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Resources;

/// <summary>
/// Every list, as every role, filtered and sorted by every field: only what the declaration allows runs; an undeclared,
/// secret, or (for a role without reveal) personal field is refused with a message, so no criterion is an oracle.
/// </summary>
public sealed class ResourceQueryRulesTests
{
    /// <summary>A well-formed filter for the field's type: what is refused is refused for the field, not the value.</summary>
    public static FilterValue SampleFilter(ResourceField field)
    {
        var type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        if (type == typeof(bool)) return new FilterValue { Bool = true };
        if (type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double)) return new FilterValue { Min = 1 };
        if (type == typeof(DateTime)) return new FilterValue { From = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) };
        if (type == typeof(Guid)) return new FilterValue { Value = Guid.NewGuid().ToString() };
        return new FilterValue { Value = "x" };
    }

    public static bool MayFilter(ResourceDescription resource, ResourceField field, string role) =>
        resource.Filters.Contains(field.Name) && !field.IsSecret && (!field.PersonalData || PermissionMatrix.Allows([role], Permission.RevealPersonalData));

    public static bool MaySort(ResourceDescription resource, ResourceField field, string role) =>
        (resource.ListColumns.Contains(field.Name) || resource.DefaultSort == field.Name) && field.Sortable && !field.IsSecret
        && (!field.PersonalData || PermissionMatrix.Allows([role], Permission.RevealPersonalData));

    [Fact]
    public async Task Every_role_filters_and_sorts_every_list_only_by_the_declared_fields()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        var refused = 0;
        var ran = 0;
        foreach (var role in StaffRoles.All)
        {
            await using var services = WebServices.Build(db, WebServices.Staff(role));
            var store = services.GetRequiredService<ResourceStore>();
            var catalog = services.GetRequiredService<ResourceCatalog>();
            foreach (var resource in catalog.All)
            {
                if (!PermissionMatrix.Allows([role], resource.ReadPermission))
                {
                    await Assert.ThrowsAsync<PermissionDeniedException>(() => store.ListAsync(resource, new ResourceQuery { PageSize = 1 }, ct));
                    continue;
                }
                foreach (var field in resource.Fields)
                {
                    var filtered = new ResourceQuery { PageSize = 1 };
                    filtered.Filters[field.Name] = SampleFilter(field);
                    var sorted = new ResourceQuery { PageSize = 1, SortField = field.Name, SortDescending = true };
                    foreach (var (query, allowed, what) in new[] { (filtered, MayFilter(resource, field, role), "filter"), (sorted, MaySort(resource, field, role), "sort") })
                    {
                        if (allowed)
                        {
                            await store.ListAsync(resource, query, ct); // runs (and translates) on a real database
                            ran++;
                        }
                        else
                        {
                            var error = await Assert.ThrowsAsync<InvalidResourceQueryException>(() => store.ListAsync(resource, query, ct));
                            Assert.False(string.IsNullOrWhiteSpace(error.Message), $"{role} {what} {resource.Table}.{field.Column}: no message");
                            refused++;
                        }
                    }
                }
            }
        }
        Assert.True(ran > 100 && refused > 100, $"ran {ran}, refused {refused}");
    }

    [Theory, InlineData(StaffRoles.Manager), InlineData(StaffRoles.LiveOps)]
    public async Task A_role_without_reveal_cannot_find_a_player_by_email(string role)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        await using (var context = db.CreateContext())
        {
            context.Players.Add(new Player { Id = Guid.NewGuid(), Username = "quiet_fox", Email = "secret.person@players.local", PasswordHash = "x", Status = "active", CreatedAt = RowBuilder.BaseTime });
            await context.SaveChangesAsync(ct);
        }
        await using var services = WebServices.Build(db, WebServices.Staff(role));
        var store = services.GetRequiredService<ResourceStore>();
        var players = services.GetRequiredService<ResourceCatalog>().For<Player>();

        Assert.Equal(0, (await store.ListAsync(players, new ResourceQuery { Search = "secret.person@" }, ct)).Total); // the email is not searched
        Assert.Equal(1, (await store.ListAsync(players, new ResourceQuery { Search = "quiet" }, ct)).Total);
        var byEmail = new ResourceQuery();
        byEmail.Filters[nameof(Player.Email)] = new FilterValue { Value = "secret.person@players.local" };
        await Assert.ThrowsAsync<InvalidResourceQueryException>(() => store.ListAsync(players, byEmail, ct));
        await Assert.ThrowsAsync<InvalidResourceQueryException>(() => store.ListAsync(players, new ResourceQuery { SortField = nameof(Player.Email) }, ct));
        var byHash = new ResourceQuery();
        byHash.Filters[nameof(Player.PasswordHash)] = new FilterValue { Value = "x" };
        await Assert.ThrowsAsync<InvalidResourceQueryException>(() => store.ListAsync(players, byHash, ct));
    }

    [Fact]
    public async Task A_moderator_finds_a_player_by_email_prefix()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        await using (var context = db.CreateContext())
        {
            context.Players.Add(new Player { Id = Guid.NewGuid(), Username = "quiet_fox", Email = "secret.person@players.local", PasswordHash = "x", Status = "active", CreatedAt = RowBuilder.BaseTime });
            await context.SaveChangesAsync(ct);
        }
        await using var services = WebServices.Build(db, WebServices.Staff(StaffRoles.Moderator));
        var store = services.GetRequiredService<ResourceStore>();
        var players = services.GetRequiredService<ResourceCatalog>().For<Player>();
        Assert.Equal(1, (await store.ListAsync(players, new ResourceQuery { Search = "secret.person@" }, ct)).Total);
    }

    [Theory]
    [InlineData(nameof(Item.IsActive), "maybe", null)]
    [InlineData(nameof(Item.LevelRequirement), null, 1e308)]
    [InlineData(nameof(Item.Value), null, 99_999_999_999d)]
    [InlineData(nameof(Item.LevelRequirement), "abc", null)]
    public async Task A_malformed_filter_value_is_refused_with_a_message_naming_the_field(string field, string? value, double? min)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var services = WebServices.Build(db, WebServices.Staff(StaffRoles.Designer));
        var store = services.GetRequiredService<ResourceStore>();
        var items = services.GetRequiredService<ResourceCatalog>().For<Item>();
        var query = new ResourceQuery();
        query.Filters[field] = new FilterValue { Value = value, Min = min };
        var error = await Assert.ThrowsAsync<InvalidResourceQueryException>(() => store.ListAsync(items, query, TestContext.Current.CancellationToken));
        Assert.Contains(items.Field(field).Label, error.Message);
    }

    [Theory, InlineData("\0"), InlineData("\0\0 \0")]
    public async Task A_search_of_nothing_but_nul_is_refused_not_match_all(string search)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var services = WebServices.Build(db, WebServices.Staff(StaffRoles.Designer));
        var store = services.GetRequiredService<ResourceStore>();
        var items = services.GetRequiredService<ResourceCatalog>().For<Item>();
        await Assert.ThrowsAsync<InvalidResourceQueryException>(() => store.ListAsync(items, new ResourceQuery { Search = search }, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Url_criteria_that_cannot_be_read_are_refused_not_ignored()
    {
        foreach (var bad in new[] { "f.IsActive.bool=maybe", "f.Value.min=1e999", "f.Value.max=NaN", "f.CreatedAt.from=abc", "f.Name.sideways=1", "f.a.b.c=1" })
        {
            var pair = bad.Split('=');
            var query = new Microsoft.AspNetCore.Http.QueryCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues> { [pair[0]] = pair[1] });
            Assert.Throws<InvalidResourceQueryException>(() => ResourceQueryString.Parse(query));
        }
    }
}
