using System.Net;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Web.Security;
using GameOps.Web.Services.Administration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Security;

/// <summary>
/// Issue 14, item 3: a copied cookie must stop working the moment its session ends — sign-out, "sign out everywhere",
/// disable, role change, password change — on pages and on exports alike. Replayed on both providers.
/// </summary>
public abstract class StaffSessionAttackTests(SecurityHost host)
{
    const string Page = "/moderation/reports";
    const string Export = "/export/users.csv";

    async Task<(StaffBrowser Browser, StaffUser User)> SignedInModeratorAsync()
    {
        var user = await host.CreateStaffAsync(StaffRoles.Moderator);
        var browser = host.NewBrowser();
        await browser.SignInOrThrowAsync(user.Email!);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Export)).StatusCode);
        return (browser, user);
    }

    static async Task AssertCookieIsDeadAsync(StaffBrowser replay)
    {
        (await replay.GetAsync(Page)).AssertSentToSignIn();
        (await replay.GetAsync(Export)).AssertSentToSignIn();
        (await replay.GetAsync("/")).AssertSentToSignIn();
    }

    [Fact]
    public async Task A_cookie_replayed_after_sign_out_gets_the_sign_in_page()
    {
        var (browser, _) = await SignedInModeratorAsync();
        using var stolen = browser.Replay();
        Assert.Equal(HttpStatusCode.OK, (await stolen.GetAsync(Page)).StatusCode);

        var logout = await browser.LogoutAsync();
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        await AssertCookieIsDeadAsync(stolen);
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_every_session_of_the_account_at_once()
    {
        var (first, user) = await SignedInModeratorAsync();
        using var second = host.NewBrowser();
        await second.SignInOrThrowAsync(user.Email!);

        var result = await host.AsAdminAsync(sp => sp.GetRequiredService<StaffAdminService>().SignOutEverywhereAsync(user.Id));
        Assert.True(result.Ok, result.Message);

        await AssertCookieIsDeadAsync(first.Replay());
        await AssertCookieIsDeadAsync(second.Replay());
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_sessions_at_once()
    {
        var (browser, user) = await SignedInModeratorAsync();
        var admin = await host.InScopeAsync(async sp => (await sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffUser>>().FindByEmailAsync("admin@gameops.local"))!);
        var result = await host.AsAdminAsync(sp => sp.GetRequiredService<StaffAdminService>().SetDisabledAsync(user.Id, true, admin.Id));
        Assert.True(result.Ok, result.Message);
        await AssertCookieIsDeadAsync(browser.Replay());
    }

    [Fact]
    public async Task Changing_roles_ends_the_sessions_that_carry_the_old_roles()
    {
        var (browser, user) = await SignedInModeratorAsync();
        var admin = await host.InScopeAsync(async sp => (await sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffUser>>().FindByEmailAsync("admin@gameops.local"))!);
        var result = await host.AsAdminAsync(sp => sp.GetRequiredService<StaffAdminService>().SetRolesAsync(user.Id, [StaffRoles.Manager], admin.Id));
        Assert.True(result.Ok, result.Message);
        await AssertCookieIsDeadAsync(browser.Replay());
    }

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_and_keeps_this_one()
    {
        var (browser, user) = await SignedInModeratorAsync();
        using var other = host.NewBrowser();
        await other.SignInOrThrowAsync(user.Email!);

        var changed = await browser.PostSecurityFormAsync("change-password", new()
        {
            ["CurrentPassword"] = SecurityHost.Password, ["NewPassword"] = "Quiet-Harbour-Lantern-42", ["ConfirmPassword"] = "Quiet-Harbour-Lantern-42",
        });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("Password changed.", await changed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        await AssertCookieIsDeadAsync(other.Replay());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Page)).StatusCode);
    }

    [Fact]
    public async Task The_owner_sees_their_sessions_and_ends_one_from_the_security_page()
    {
        var (browser, user) = await SignedInModeratorAsync();
        using var phone = host.NewBrowser();
        phone.Http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36");
        await phone.SignInOrThrowAsync(user.Email!);

        var page = await (await browser.GetAsync("/account/security")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(page, "data-testid=\"session-row\""));
        Assert.Contains("Chrome on Android", page);
        Assert.Contains("127.0.0.1", page); // the owner sees their own addresses

        var sessions = await host.InScopeAsync(sp => sp.GetRequiredService<StaffSessions>().ListActiveAsync(user.Id));
        var phoneSession = sessions.Single(s => s.Device == "Chrome on Android");
        var ended = await browser.PostSecurityFormAsync("end-session", new() { ["SessionId"] = phoneSession.Id.ToString() });
        Assert.Contains("Session ended.", await ended.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        await AssertCookieIsDeadAsync(phone.Replay());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Page)).StatusCode);
    }

    [Fact]
    public async Task An_admin_ends_one_session_of_a_staff_member()
    {
        var (browser, user) = await SignedInModeratorAsync();
        var sessions = await host.AsAdminAsync(sp => sp.GetRequiredService<StaffAdminService>().ListSessionsAsync(user.Id));
        var session = Assert.Single(sessions);
        var result = await host.AsAdminAsync(sp => sp.GetRequiredService<StaffAdminService>().EndSessionAsync(user.Id, session.Id));
        Assert.True(result.Ok, result.Message);
        await AssertCookieIsDeadAsync(browser.Replay());

        // Only Admins may: a Moderator calling the service directly is refused.
        await Assert.ThrowsAsync<PermissionDeniedException>(() => host.InScopeAsync(async sp =>
        {
            var moderator = await sp.GetRequiredService<Microsoft.AspNetCore.Identity.SignInManager<StaffUser>>().CreateUserPrincipalAsync(user);
            sp.GetRequiredService<CurrentStaff>().Use(moderator);
            return await sp.GetRequiredService<StaffAdminService>().ListSessionsAsync(user.Id);
        }));
    }

    [Fact]
    public async Task A_session_ended_by_another_instance_is_refused_once_the_brief_cache_expires()
    {
        var (browser, user) = await SignedInModeratorAsync();
        // Another instance shares the database, not this one's memory: it ends the session by writing the row.
        await host.InScopeAsync(async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync();
            return await db.StaffSessions.Where(s => s.StaffUserId == user.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedAt, DateTime.UtcNow).SetProperty(x => x.RevokedReason, "other instance"));
        });
        ((MemoryCache)host.Services.GetRequiredService<IMemoryCache>()).Compact(1.0); // what the cache's 15-second expiry does
        await AssertCookieIsDeadAsync(browser.Replay());
    }

    [Fact]
    public async Task Last_seen_is_written_at_most_once_a_minute()
    {
        var (browser, user) = await SignedInModeratorAsync();
        var cache = (MemoryCache)host.Services.GetRequiredService<IMemoryCache>();
        async Task<DateTime> LastSeenAsync() => await host.InScopeAsync(async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync();
            return await db.StaffSessions.Where(s => s.StaffUserId == user.Id).Select(s => s.LastSeenAt).SingleAsync();
        });
        var old = DateTime.UtcNow.AddMinutes(-5);
        await host.InScopeAsync(async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync();
            return await db.StaffSessions.Where(s => s.StaffUserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, old));
        });
        cache.Compact(1.0);
        await browser.GetAsync(Page);
        var touched = await LastSeenAsync();
        Assert.True(touched > old.AddMinutes(4), $"last_seen_at should move to now, is {touched:O}");

        cache.Compact(1.0);
        await browser.GetAsync(Page);
        Assert.Equal(touched, await LastSeenAsync()); // a second request within the minute does not write again
    }
}

public sealed class StaffSessionAttackTestsOnSqlite(SqliteSecurityHost host) : StaffSessionAttackTests(host), IClassFixture<SqliteSecurityHost>;

public sealed class StaffSessionAttackTestsOnPostgres(PostgresSecurityHost host) : StaffSessionAttackTests(host), IClassFixture<PostgresSecurityHost>;
