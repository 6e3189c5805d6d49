using System.Net;
using System.Text.RegularExpressions;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Security;
using GameOps.Web.Services.Administration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace GameOps.Tests.Security;

/// <summary>
/// Issue 14, item 2: until the one-time password is changed and required two-factor sign-in is enrolled, a session reaches
/// only the security page, sign-out and static assets — enforced before any endpoint runs, with bodiless redirects.
/// </summary>
public sealed class EnrolmentGateTests(SqliteSecurityHost host) : IClassFixture<SqliteSecurityHost>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task AssertGatedAsync(StaffBrowser browser, string step)
    {
        foreach (var page in new[] { "/", "/moderation/reports", "/players", "/admin/audit" })
        {
            var response = await browser.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(step, response.Headers.Location!.OriginalString);
            Assert.Equal("", await response.Content.ReadAsStringAsync(Ct)); // no page body rides along with the redirect
        }
        var export = await browser.GetAsync("/export/users.csv");
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        Assert.DoesNotContain("@", await export.Content.ReadAsStringAsync(Ct));

        var hub = await browser.Http.PostAsync("/_blazor/negotiate?negotiateVersion=1", null, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, hub.StatusCode); // no circuit either

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/security")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/_framework/blazor.web.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/lib/mudblazor/MudBlazor.min.css")).StatusCode);
    }

    [Fact]
    public async Task A_moderator_with_a_one_time_password_reaches_only_the_security_page_until_it_is_changed()
    {
        var user = await host.CreateStaffAsync(StaffRoles.Moderator, mustChangePassword: true);
        using var browser = host.NewBrowser();
        var signIn = await browser.SignInAsync(user.Email!);
        Assert.Equal(StaffGate.ChangePasswordStep, signIn.Headers.Location!.OriginalString);

        await AssertGatedAsync(browser, StaffGate.ChangePasswordStep);

        var changed = await browser.PostSecurityFormAsync("change-password", new()
        {
            ["CurrentPassword"] = SecurityHost.Password, ["NewPassword"] = "Amber-Canyon-Whistle-77", ["ConfirmPassword"] = "Amber-Canyon-Whistle-77",
        });
        Assert.Contains("Password changed.", await changed.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/moderation/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/export/users.csv")).StatusCode);
    }

    [Fact]
    public async Task A_role_that_requires_two_factor_reaches_only_the_security_page_until_it_is_enrolled()
    {
        await host.AsAdminAsync(async sp => { await sp.GetRequiredService<SecuritySettings>().SetRolesRequiringTwoFactorAsync([StaffRoles.LiveOps]); return 0; });
        try
        {
            var user = await host.CreateStaffAsync(StaffRoles.LiveOps);
            using var browser = host.NewBrowser();
            await browser.SignInOrThrowAsync(user.Email!);
            foreach (var page in new[] { "/", "/liveops/events" })
            {
                var response = await browser.GetAsync(page);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Equal(StaffGate.EnrollStep, response.Headers.Location!.OriginalString);
                Assert.Equal("", await response.Content.ReadAsStringAsync(Ct));
            }
            Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/export/events.csv")).StatusCode);

            var security = await (await browser.GetAsync("/account/security")).Content.ReadAsStringAsync(Ct);
            var key = WebUtility.HtmlDecode(Regex.Match(security, "data-testid=\"two-factor-key\">([^<]+)<").Groups[1].Value);
            var enabled = await browser.PostSecurityFormAsync("enable-2fa", new() { ["Code"] = Totp.Code(key) });
            Assert.Contains("Two-factor sign-in is on.", await enabled.Content.ReadAsStringAsync(Ct));
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/liveops/events")).StatusCode);
        }
        finally
        {
            await host.AsAdminAsync(async sp => { await sp.GetRequiredService<SecuritySettings>().SetRolesRequiringTwoFactorAsync([]); return 0; });
        }
    }

    [Fact]
    public async Task Changing_the_two_factor_setting_is_for_admins_and_is_audited()
    {
        await host.AsAdminAsync(async sp => { await sp.GetRequiredService<SecuritySettings>().SetRolesRequiringTwoFactorAsync([StaffRoles.Designer]); return 0; });
        await host.AsAdminAsync(async sp => { await sp.GetRequiredService<SecuritySettings>().SetRolesRequiringTwoFactorAsync([]); return 0; });
        var audited = await host.InScopeAsync(async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync(Ct);
            return await db.StaffAuditLogs.CountAsync(a => a.EntityType == "staff_settings" && a.StaffEmail == "admin@gameops.local", Ct);
        });
        Assert.True(audited >= 2, $"expected the two changes in the audit trail, found {audited}");

        var moderator = await host.CreateStaffAsync(StaffRoles.Moderator);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => host.InScopeAsync(async sp =>
        {
            var principal = await sp.GetRequiredService<Microsoft.AspNetCore.Identity.SignInManager<StaffUser>>().CreateUserPrincipalAsync(moderator);
            sp.GetRequiredService<CurrentStaff>().Use(principal);
            await sp.GetRequiredService<SecuritySettings>().SetRolesRequiringTwoFactorAsync([]);
            return 0;
        }));
    }

    [Fact]
    public async Task In_production_admins_and_moderators_require_two_factor_until_an_admin_chooses_otherwise()
    {
        await using var database = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var factory = new TestContextFactory(database);
        using var cache = new MemoryCache(new MemoryCacheOptions());
        var production = new SecuritySettings(factory, cache, new Environment("Production"), new CurrentStaff(new Microsoft.AspNetCore.Http.HttpContextAccessor()));
        Assert.Equal([StaffRoles.Admin, StaffRoles.Moderator], (await production.RolesRequiringTwoFactorAsync(Ct)).Order());
        Assert.True(await production.MustEnrollAsync([StaffRoles.Moderator], twoFactorEnabled: false, Ct));
        Assert.False(await production.MustEnrollAsync([StaffRoles.Designer], twoFactorEnabled: false, Ct));

        using var devCache = new MemoryCache(new MemoryCacheOptions());
        var development = new SecuritySettings(factory, devCache, new Environment("Development"), new CurrentStaff(new Microsoft.AspNetCore.Http.HttpContextAccessor()));
        Assert.Empty(await development.RolesRequiringTwoFactorAsync(Ct));
    }

    sealed class TestContextFactory(TestDatabase database) : IDbContextFactory<GameOpsDbContext>
    {
        public GameOpsDbContext CreateDbContext() => database.CreateContext();
    }

    sealed class Environment(string name) : IWebHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "GameOps.Web";
        public string WebRootPath { get; set; } = "";
        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
