using GameOps.Data;
using GameOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Auditing;

/// <summary>Issue 16: the trail reads like a log a person wrote: one sign-in is one row.</summary>
public sealed class AuditSignInTests(GameOpsWebFactory factory) : IClassFixture<GameOpsWebFactory>
{
    [Fact]
    public async Task One_sign_in_writes_one_audit_row()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = factory.Services.CreateAsyncScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<GameOpsDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(ct);
        var admin = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "manager@gameops.local", ct);
        var before = await db.StaffAuditLogs.Where(a => a.StaffUserId == admin.Id).Select(a => a.Id).ToListAsync(ct);

        await factory.SignInAsync("manager@gameops.local");

        var added = await db.StaffAuditLogs.AsNoTracking().Where(a => a.StaffUserId == admin.Id && !before.Contains(a.Id)).ToListAsync(ct);
        var row = Assert.Single(added);
        Assert.Equal(("sign_in", "staff_users"), (row.Action, row.EntityType));
        Assert.Equal(admin.Id.ToString(), row.EntityKey);
        // The sign-in time is still kept on the account.
        var after = await db.Users.AsNoTracking().SingleAsync(u => u.Id == admin.Id, ct);
        Assert.NotNull(after.LastSignInAt);
    }
}
