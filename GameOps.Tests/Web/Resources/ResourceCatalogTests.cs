using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Resources;

/// <summary>How every table's fields are derived from the model and its declaration: what is listed, sensitive, filterable.</summary>
public sealed class ResourceCatalogTests
{
    internal static async Task<(TestDatabase Db, ResourceCatalog Catalog)> CatalogAsync()
    {
        var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var services = WebServices.Build(db);
        return (db, services.GetRequiredService<ResourceCatalog>());
    }

    [Fact]
    public async Task Secrets_are_never_listed_searched_filtered_sorted_or_on_a_form()
    {
        var (db, catalog) = await CatalogAsync();
        await using var _ = db;
        var secrets = new List<string>();
        foreach (var resource in catalog.All)
        {
            var entityType = catalog.Model.FindEntityType(resource.EntityType)!;
            foreach (var field in resource.Fields)
            {
                var marked = entityType.FindProperty(field.Name)!.IsSecret();
                Assert.Equal(marked, field.IsSecret);
                if (!marked) continue;
                secrets.Add($"{resource.Table}.{field.Column}");
                Assert.True(field.Hidden, $"{resource.Table}.{field.Column} is on the form");
                Assert.True(field.ReadOnly, $"{resource.Table}.{field.Column} is writable from a form");
                Assert.False(field.Sortable, $"{resource.Table}.{field.Column} is sortable");
                Assert.DoesNotContain(field.Name, resource.ListColumns);
                Assert.DoesNotContain(field.Name, resource.SearchFields);
                Assert.DoesNotContain(field.Name, resource.Filters);
                Assert.NotEqual(field.Name, resource.DefaultSort);
            }
        }
        // Not a vacuous pass: the marked secrets of the game tables and the staff accounts are in the catalog.
        Assert.Contains("users.password_hash", secrets);
        Assert.Contains("user_sessions.session_token", secrets);
        Assert.Contains("staff_users.password_hash", secrets);
        Assert.Contains("staff_users.security_stamp", secrets);
    }

    [Fact]
    public async Task Personal_data_is_what_the_model_marks_never_a_property_name()
    {
        var (db, catalog) = await CatalogAsync();
        await using var _ = db;
        foreach (var resource in catalog.All)
        {
            var entityType = catalog.Model.FindEntityType(resource.EntityType)!;
            foreach (var field in resource.Fields)
                Assert.True(entityType.FindProperty(field.Name)!.IsPersonal() == field.PersonalData,
                    $"{resource.Table}.{field.Column}: marked personal = {entityType.FindProperty(field.Name)!.IsPersonal()}, treated as personal = {field.PersonalData}");
        }
        Assert.True(catalog.For<Player>().Field(p => p.Email).PersonalData);
        Assert.True(catalog.For<UserSession>().Field(s => s.IpAddress!).PersonalData);
        Assert.True(catalog.For<PaymentTransaction>().Field(p => p.IpAddress!).PersonalData);
    }

    /// <summary>A business key is shown beside a row's name in pickers and global search: an email (unique, but personal) never is one.</summary>
    [Fact]
    public async Task No_business_key_or_display_field_is_sensitive()
    {
        var (db, catalog) = await CatalogAsync();
        await using var _ = db;
        foreach (var resource in catalog.All)
        {
            if (resource.BusinessKey is { } key) Assert.False(resource.Field(key).IsSensitive, $"{resource.Table}: key {key} is sensitive");
            Assert.False(resource.Field(resource.DisplayField).IsSecret, $"{resource.Table}: display field {resource.DisplayField} is secret");
        }
        Assert.Equal(nameof(Player.Username), catalog.For<Player>().BusinessKey);
    }

    [Fact]
    public async Task A_table_nobody_declared_shows_only_non_sensitive_fields_and_only_to_admins()
    {
        var (db, catalog) = await CatalogAsync();
        await using var _ = db;
        Assert.Equal([StaffRoles.Admin], PermissionMatrix.RolesWith(Permission.RawDataRead));
        var undeclared = catalog.All.Where(r => r.ReadPermission == Permission.RawDataRead).ToList();
        Assert.NotEmpty(undeclared);
        foreach (var resource in undeclared)
        {
            foreach (var name in resource.ListColumns.Concat(resource.SearchFields).Concat(resource.Filters))
                Assert.False(resource.Field(name).IsSensitive, $"{resource.Table}.{resource.Field(name).Column} is sensitive but listed, searched or filtered by default");
        }
    }

    [Fact]
    public async Task The_player_profile_tables_are_declared_for_profile_readers_without_their_secrets()
    {
        var (db, catalog) = await CatalogAsync();
        await using var _ = db;
        var sessions = catalog.For<UserSession>();
        Assert.Equal(Permission.PlayersRead, sessions.ReadPermission);
        Assert.DoesNotContain(nameof(UserSession.SessionToken), sessions.ListColumns);
        Assert.Equal(
            [nameof(UserSession.CreatedAt), nameof(UserSession.LastActivity), nameof(UserSession.ExpiresAt), nameof(UserSession.IpAddress), nameof(UserSession.UserAgent), nameof(UserSession.IsActive)],
            sessions.ListColumns);
        var players = catalog.For<Player>();
        Assert.Equal([nameof(Player.Username), nameof(Player.Email), nameof(Player.Status), nameof(Player.CreatedAt), nameof(Player.LastLogin)], players.ListColumns);
        Assert.Equal([nameof(Player.Status), nameof(Player.CreatedAt), nameof(Player.LastLogin)], players.Filters);
        foreach (var resource in new ResourceDescription[] { catalog.For<Actor>(), catalog.For<PaymentTransaction>(), catalog.For<AuditLog>(), catalog.For<UserPreference>() })
            Assert.Equal(Permission.PlayersRead, resource.ReadPermission);
        Assert.Equal(Permission.StaffAdmin, catalog.For<StaffUser>().ReadPermission);
        Assert.Null(catalog.For<StaffUser>().WritePermission);
    }
}
