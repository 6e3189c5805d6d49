using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Tests.Web.Moderation;
using GameOps.Web.Auditing;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Auditing;

/// <summary>The audit pages name staff members by display name; the email (personal data, and their user name) only for a caller who may reveal it.</summary>
public sealed class AuditStaffLabelTests
{
    /// <summary>A migrated database with one staff account, alice (alice@tests.local).</summary>
    static async Task<(TestDatabase Db, StaffUser Alice)> WithAliceAsync(DatabaseProvider provider)
    {
        var db = await TestDatabases.CreateMigratedAsync(provider);
        var alice = ModerationArrange.NewStaff("alice");
        await using var context = db.CreateContext();
        context.Users.Add(alice);
        await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (db, alice);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_reader_without_reveal_sees_staff_by_name_only(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var (db, alice) = await WithAliceAsync(provider);
        await using var _ = db;
        var entry = new StaffAuditEntry { EntityType = "staff_users", EntityKey = alice.Id.ToString(), Action = "update" };

        var admin = WebServices.Staff(StaffRoles.Admin);
        var token = WebServices.ApiToken(StaffRoles.Admin, Permission.AuditRead);
        Assert.False(token.Has(Permission.RevealPersonalData));

        foreach (var (caller, expected) in new[] { (admin, "alice (alice@tests.local)"), (token, "alice") })
        {
            await using var services = WebServices.Build(db, caller);
            await using var scope = services.CreateAsyncScope();
            var audit = ActivatorUtilities.CreateInstance<AuditTrailService>(scope.ServiceProvider);
            Assert.Equal(expected, (await audit.SubjectAsync(entry, ct))?.Name);
            Assert.Equal(expected, Assert.Single(await audit.StaffMembersAsync(ct), s => s.Id == alice.Id).Label);
        }
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task The_acting_staff_email_is_personal_data_so_the_trail_masks_it_and_cannot_be_searched_by_it_without_reveal(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var (db, alice) = await WithAliceAsync(provider);
        await using var _ = db;
        // Alice acts: the recorder stamps her email on the row, as on every audit row.
        await using (var acting = WebServices.Build(db, WebServices.Staff(StaffRoles.Admin, alice.Id, alice.Email)))
            await acting.GetRequiredService<StaffAuditRecorder>().RecordAsync("export", "items", null, new { rows = 1 });

        var reader = WebServices.ApiToken(StaffRoles.Admin, Permission.AuditRead);
        Assert.False(reader.Has(Permission.RevealPersonalData) || reader.MayExportPersonalData());
        await using var services = WebServices.Build(db, reader);
        var store = services.GetRequiredService<ResourceStore>();
        var trail = services.GetRequiredService<ResourceCatalog>().For<StaffAuditEntry>();
        var email = trail.Field(a => a.StaffEmail!);

        // Marked in the model, so the list, its export and its search treat it like every other personal column.
        Assert.True(email.PersonalData);
        var row = Assert.Single((await store.ListAsync(trail, new ResourceQuery(), ct)).Rows);
        var column = trail.ListColumns.ToList().IndexOf(nameof(StaffAuditEntry.StaffEmail));
        Assert.Equal(alice.Email, row.Values[column]);
        Assert.Equal(ResourceField.Mask(alice.Email!), email.Format(row.Values[column], maskPersonalData: true)); // what the list shows
        var csv = ExportEndpoints.ToCsv(trail.ListColumns.Select(trail.Field).ToList(), await store.ExportAsync(trail, new ResourceQuery(), ct: ct),
            mask: !reader.MayExportPersonalData());
        Assert.DoesNotContain("alice@", csv);
        Assert.Contains(ResourceField.Mask(alice.Email!), csv);
        // Searching by the email finds nothing for the reader; an Admin who may reveal it finds the row.
        Assert.Empty((await store.ListAsync(trail, new ResourceQuery { Search = alice.Email }, ct)).Rows);
        await using var admin = WebServices.Build(db, WebServices.Staff(StaffRoles.Admin));
        Assert.Single((await admin.GetRequiredService<ResourceStore>().ListAsync(trail, new ResourceQuery { Search = alice.Email }, ct)).Rows);
        var sorted = new ResourceQuery { SortField = nameof(StaffAuditEntry.StaffEmail) };
        await Assert.ThrowsAsync<InvalidResourceQueryException>(() => store.ListAsync(trail, sorted, ct));
    }
}
