using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Tests.Web.Moderation;
using GameOps.Web.Auditing;
using GameOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Auditing;

/// <summary>The audit pages name staff members by display name; the email (personal data, and their user name) only for a caller who may reveal it.</summary>
public sealed class AuditStaffLabelTests
{
    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_reader_without_reveal_sees_staff_by_name_only(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var alice = ModerationArrange.NewStaff("alice");
        await using (var context = db.CreateContext())
        {
            context.Users.Add(alice);
            await context.SaveChangesAsync(ct);
        }
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
}
