using GameOps.Data;
using GameOps.Tests.Security;
using GameOps.Web.Auditing;
using GameOps.Web.Security;
using GameOps.Web.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Startup;

/// <summary>
/// Issue 19.3: the warm-up makes a sign-in's writes (account, session, audit row) for a phantom account and rolls them back,
/// so the first real sign-in does not pay for them. Nothing of it may remain, and the audit chain must go on unbroken.
/// </summary>
public sealed class SignInRehearsalTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    sealed record Rows(int Accounts, int Sessions, int AuditRows);

    static Task<Rows> CountAsync(SecurityHost host) => host.InScopeAsync(async sp =>
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync(Ct);
        return new Rows(await db.Users.CountAsync(Ct), await db.StaffSessions.CountAsync(Ct), await db.StaffAuditLogs.CountAsync(Ct));
    });

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task The_rehearsed_sign_in_leaves_no_account_session_or_audit_row_and_the_chain_goes_on(DatabaseProvider provider)
    {
        await using SecurityHost host = provider == DatabaseProvider.Postgres ? new PostgresSecurityHost() : new SqliteSecurityHost();
        await host.InitializeAsync();
        var before = await CountAsync(host);

        await host.InScopeAsync(async sp => { await Warmup.RehearseSignInWritesAsync(sp, Ct); return 0; });
        await host.InScopeAsync(async sp => { await Warmup.RehearseSignInWritesAsync(sp, Ct); return 0; }); // twice: nothing left over from the first

        Assert.Equal(before, await CountAsync(host));
        // A real sign-in after it writes its session and audit row, and the chain verifies.
        var staff = await host.CreateStaffAsync(StaffRoles.Designer);
        using var browser = host.NewBrowser();
        await browser.SignInOrThrowAsync(staff.Email!);
        var after = await CountAsync(host);
        Assert.Equal(before.Sessions + 1, after.Sessions);
        var chain = await host.AsAdminAsync(sp => sp.GetRequiredService<AuditChainVerifier>().VerifyAsync(Ct));
        Assert.True(chain.Intact, chain.Summary);
    }
}
