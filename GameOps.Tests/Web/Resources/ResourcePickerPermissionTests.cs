using System.Security.Claims;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Tests.Web.Moderation;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using static GameOps.Tests.Web.Resources.ResourceArrange;

namespace GameOps.Tests.Web.Resources;

/// <summary>
/// Pickers check permissions (issue 15): the permission follows the form that asks. A direct pick needs the table's read
/// permission; a reference field's picker works for the role whose form it is; a field that is not a reference of its source,
/// or a key that is not a key, is refused; labels mask personal data for roles without reveal.
/// </summary>
public sealed class ResourcePickerPermissionTests
{
    static StaffUser NewStaff(string name) => ModerationArrange.NewStaff(name);

    /// <summary>The rows in a migrated database, and the store acting as <paramref name="staff"/> (the real permission helper decides).</summary>
    static async Task<(TestDatabase Db, ResourceStore Store, ResourceCatalog Catalog)> ArrangeAsync(DatabaseProvider provider, ClaimsPrincipal staff, params object[] rows)
    {
        var db = await TestDatabases.CreateMigratedAsync(provider);
        await using (var context = db.CreateContext())
        {
            context.AddRange(rows);
            await context.SaveChangesAsync(Ct);
        }
        var services = WebServices.Build(db, staff);
        return (db, services.GetRequiredService<ResourceStore>(), services.GetRequiredService<ResourceCatalog>());
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_moderator_cannot_pick_staff_accounts_directly_but_picks_a_reports_assignee_through_the_report_form(DatabaseProvider provider)
    {
        var alice = NewStaff("alice");
        var moderator = WebServices.Staff(StaffRoles.Moderator);
        Assert.False(moderator.Has(Permission.StaffAdmin)); // the staff accounts table is the Administrators'
        var (db, store, catalog) = await ArrangeAsync(provider, moderator, alice);
        await using var _ = db;
        var staff = catalog.For<StaffUser>();
        var reports = catalog.For<PlayerReport>();

        await Assert.ThrowsAsync<PermissionDeniedException>(() => store.PickFromTableAsync(staff, nameof(StaffUser.Id), "alice", Ct));

        var options = await store.PickReferenceAsync(reports, nameof(PlayerReport.AssigneeStaffId), "alice", Ct);
        Assert.Equal([(object)alice.Id], options.Select(o => o.Value));
        Assert.Equal("alice", options[0].Label); // a staff member is labelled by the name, not the email (personal data)
        Assert.Equal("alice", (await store.ReferenceLabelAsync(reports, nameof(PlayerReport.AssigneeStaffId), alice.Id, Ct))?.Label);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_designer_reads_a_notifications_player_label_but_cannot_search_players_through_a_form_it_may_not_write(DatabaseProvider provider)
    {
        var player = NewPlayer("wolf1999");
        var designer = WebServices.Staff(StaffRoles.Designer);
        Assert.True(designer.Has(Permission.LiveOpsRead) && !designer.Has(Permission.LiveOpsWrite) && !designer.Has(Permission.PlayersRead));
        var (db, store, catalog) = await ArrangeAsync(provider, designer, player);
        await using var _ = db;
        var notifications = catalog.For<Notification>();

        await Assert.ThrowsAsync<PermissionDeniedException>(() => store.PickFromTableAsync(catalog.For<Player>(), nameof(Player.Id), "wolf", Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => store.PickReferenceAsync(notifications, nameof(Notification.UserId), "wolf", Ct));
        // The read-only form shows the current value's label, as the notifications list does.
        Assert.Equal("wolf1999", (await store.ReferenceLabelAsync(notifications, nameof(Notification.UserId), player.Id, Ct))?.Label);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_moderator_grants_an_item_through_the_inventory_field_because_items_are_readable_to_it(DatabaseProvider provider)
    {
        var item = NewItem("wpn_moonblade", "Moonblade");
        var moderator = WebServices.Staff(StaffRoles.Moderator);
        var (db, store, catalog) = await ArrangeAsync(provider, moderator, item);
        await using var _ = db;
        var inventory = catalog.For<InventoryItem>();
        Assert.False(moderator.Has(inventory.ReadPermission)); // raw inventory rows are the Administrators'; items are readable to every role

        var options = await store.PickReferenceAsync(inventory, nameof(InventoryItem.ItemId), "moon", Ct);
        Assert.Equal([(object)item.Id], options.Select(o => o.Value));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_field_that_is_not_a_reference_of_its_source_or_a_key_that_is_not_a_key_is_refused(DatabaseProvider provider)
    {
        var player = NewPlayer("wolf1999");
        var (db, store, catalog) = await ArrangeAsync(provider, WebServices.Staff(StaffRoles.Admin), player);
        await using var _ = db;
        var reports = catalog.For<PlayerReport>();
        var players = catalog.For<Player>();

        await Assert.ThrowsAsync<InvalidResourceQueryException>(() => store.PickReferenceAsync(reports, nameof(PlayerReport.Description), "wolf", Ct));
        await Assert.ThrowsAsync<InvalidResourceQueryException>(() => store.PickReferenceAsync(reports, "NoSuchField", "wolf", Ct));
        // A field of another table: the source must hold the reference itself.
        await Assert.ThrowsAsync<InvalidResourceQueryException>(() => store.PickReferenceAsync(players, nameof(PlayerReport.TargetUserId), "wolf", Ct));
        await Assert.ThrowsAsync<InvalidResourceQueryException>(() => store.ReferenceLabelAsync(reports, nameof(PlayerReport.Status), "open", Ct));
        // An option's value is a key: never a secret, never personal data, never any other column.
        foreach (var notAKey in new[] { nameof(Player.PasswordHash), nameof(Player.Email), nameof(Player.Status) })
            await Assert.ThrowsAsync<InvalidResourceQueryException>(() => store.PickFromTableAsync(players, notAKey, "wolf", Ct));
        Assert.Equal([(object)player.Id], (await store.PickFromTableAsync(players, nameof(Player.Id), "wolf", Ct)).Select(o => o.Value));
        Assert.Equal([(object)player.Username], (await store.PickFromTableAsync(players, nameof(Player.Username), "wolf", Ct)).Select(o => o.Value));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_personal_label_is_masked_for_a_caller_who_may_not_reveal_it(DatabaseProvider provider)
    {
        var alice = NewStaff("alice");
        // An Administrator's API token scoped to the staff table only: it reads staff accounts but may not reveal personal data.
        var scoped = WebServices.ApiToken(StaffRoles.Admin, Permission.StaffAdmin);
        Assert.False(scoped.Has(Permission.RevealPersonalData));
        var (db, store, catalog) = await ArrangeAsync(provider, scoped, alice);
        await using var _ = db;

        var option = Assert.Single(await store.PickFromTableAsync(catalog.For<StaffUser>(), nameof(StaffUser.Id), "alice", Ct));
        // Staff accounts are labelled by their name: readable, and no personal data to mask.
        Assert.Equal("alice", option.Label);
        Assert.DoesNotContain("@", option.Label + option.MatchedIn); // neither the email nor the user name (which is the email)
        foreach (var notAKey in new[] { nameof(StaffUser.NormalizedUserName), nameof(StaffUser.UserName), nameof(StaffUser.Email) })
            await Assert.ThrowsAsync<InvalidResourceQueryException>(() => store.PickFromTableAsync(catalog.For<StaffUser>(), notAKey, "alice", Ct));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_staff_user_name_is_personal_data_like_the_email_it_copies(DatabaseProvider provider)
    {
        var alice = NewStaff("alice");
        var reader = WebServices.ApiToken(StaffRoles.Admin, Permission.StaffAdmin);
        Assert.False(reader.Has(Permission.RevealPersonalData));
        var (db, store, catalog) = await ArrangeAsync(provider, reader, alice);
        await using var _ = db;
        var staff = catalog.For<StaffUser>();

        // Marked in the model, so every consumer (columns, filters, sorts, search, export, reveal) treats it as the email.
        Assert.True(staff.Field(u => u.UserName!).PersonalData);
        Assert.True(staff.Field(u => u.NormalizedUserName!).PersonalData);
        Assert.NotEqual(nameof(StaffUser.NormalizedUserName), staff.BusinessKey); // a personal column is never a key shown beside a name
        Assert.Equal(nameof(StaffUser.DisplayName), staff.DisplayField);
        // The account's form shows it masked to a caller without reveal.
        Assert.Equal(ResourceField.Mask(alice.UserName!), staff.Field(u => u.UserName!).Format(alice.UserName, maskPersonalData: true));
        foreach (var field in new[] { nameof(StaffUser.UserName), nameof(StaffUser.NormalizedUserName) })
        {
            var filtered = new ResourceQuery();
            filtered.Filters[field] = new FilterValue { Value = "alice" };
            await Assert.ThrowsAsync<InvalidResourceQueryException>(() => store.ListAsync(staff, filtered, Ct));
            await Assert.ThrowsAsync<InvalidResourceQueryException>(() => store.ListAsync(staff, new ResourceQuery { SortField = field }, Ct));
        }
        // The list and its export: the name, and the email masked.
        foreach (var rows in new[] { (await store.ListAsync(staff, new ResourceQuery(), Ct)).Rows, await store.ExportAsync(staff, new ResourceQuery(), ct: Ct) })
        {
            var row = Assert.Single(rows);
            Assert.Contains("alice", row.Values.Select(v => v?.ToString()));
            var shown = staff.ListColumns.Select((c, i) => staff.Field(c).Format(row.Values[i], maskPersonalData: true));
            Assert.DoesNotContain(shown, v => v.Contains("alice@", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_caller_without_reveal_sees_a_reports_assignee_by_name_in_the_list_the_export_and_the_label_never_the_email(DatabaseProvider provider)
    {
        var alice = NewStaff("alice");
        var reporter = NewPlayer("reporter1");
        var target = NewPlayer("target1");
        var report = new PlayerReport
        {
            Id = Guid.NewGuid(), ReporterUserId = reporter.Id, TargetUserId = target.Id, Category = "spam", Priority = 2, Status = "open",
            AssigneeStaffId = alice.Id, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        var reader = WebServices.ApiToken(StaffRoles.Admin, Permission.ModerationRead);
        Assert.False(reader.Has(Permission.RevealPersonalData));
        var (db, store, catalog) = await ArrangeAsync(provider, reader, alice, reporter, target, report);
        await using var _ = db;
        var reports = catalog.For<PlayerReport>();
        var assignee = reports.ListColumns.ToList().IndexOf(nameof(PlayerReport.AssigneeStaffId));
        Assert.True(assignee >= 0);

        // The assignee column carries the staff member's label: before, the email itself (the reference is not personal, its label was).
        foreach (var rows in new[] { (await store.ListAsync(reports, new ResourceQuery(), Ct)).Rows, await store.ExportAsync(reports, new ResourceQuery(), ct: Ct) })
        {
            var row = Assert.Single(rows);
            Assert.Equal("alice", row.Values[assignee]);
            Assert.DoesNotContain(row.Values, v => v?.ToString()?.Contains("@tests.local") == true);
        }
        Assert.Equal("alice", (await store.ReferenceLabelAsync(reports, nameof(PlayerReport.AssigneeStaffId), alice.Id, Ct))?.Label);
    }
}
