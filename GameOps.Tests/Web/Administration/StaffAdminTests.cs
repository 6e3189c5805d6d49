using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using GameOps.Web.Services.Administration;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Administration;

/// <summary>Staff accounts through the real app: one-time passwords, last-Admin protection, lockout, two-factor sign-in.</summary>
public sealed class StaffAdminTests(GameOpsWebFactory app)
{
    async Task<(StaffAdminService Service, AsyncServiceScope Scope)> AdminAsync()
    {
        var scope = app.Services.CreateAsyncScope();
        // The service demands the StaffAdmin permission of its caller: act as the demo Admin.
        var admin = (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync("admin@gameops.local"))!;
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<StaffUser>>().CreateUserPrincipalAsync(admin);
        scope.ServiceProvider.GetRequiredService<CurrentStaff>().Use(principal);
        return (scope.ServiceProvider.GetRequiredService<StaffAdminService>(), scope);
    }

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}@tests.local"[..40];

    [Fact]
    public async Task A_new_staff_member_gets_a_one_time_password_that_must_be_changed()
    {
        var (admin, scope) = await AdminAsync();
        await using var _ = scope;
        var email = Unique("mod");
        var created = await admin.CreateAsync(email, "New Moderator", [StaffRoles.Moderator]);
        Assert.True(created.Ok, created.Message);
        Assert.NotNull(created.Value);

        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await PostLoginAsync(client, email, created.Value!);
        Assert.Equal("/account/security?mustChange=true", response.Headers.Location?.OriginalString);

        var duplicate = await admin.CreateAsync(email, "Again", [StaffRoles.Moderator]);
        Assert.False(duplicate.Ok);
    }

    [Fact]
    public async Task The_last_admin_cannot_lose_the_admin_role_and_nobody_removes_their_own()
    {
        var (admin, scope) = await AdminAsync();
        await using var _ = scope;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var me = (await users.FindByEmailAsync("admin@gameops.local"))!;

        var own = await admin.SetRolesAsync(me.Id, [StaffRoles.Manager], me.Id);
        Assert.False(own.Ok);
        Assert.Contains("your own Admin role", own.Message);

        var otherAdminEmail = Unique("adm");
        var other = await admin.CreateAsync(otherAdminEmail, "Other admin", [StaffRoles.Admin]);
        // Two admins now: removing the other one's role is allowed; removing the demo admin's by the other is allowed too,
        // but never when it would leave no active Admin.
        var demoted = await admin.SetRolesAsync(other.Id!.Value, [StaffRoles.Manager], me.Id);
        Assert.True(demoted.Ok, demoted.Message);
        var lastAdmins = (await users.GetUsersInRoleAsync(StaffRoles.Admin)).Where(u => !u.IsDisabled).ToList();
        if (lastAdmins.Count == 1)
        {
            var last = await admin.SetRolesAsync(lastAdmins[0].Id, [StaffRoles.Manager], other.Id!.Value);
            Assert.False(last.Ok);
            Assert.Contains("last Admin", last.Message);
            var disable = await admin.SetDisabledAsync(lastAdmins[0].Id, true, other.Id!.Value);
            Assert.False(disable.Ok);
        }
        Assert.True(await users.IsInRoleAsync(me, StaffRoles.Admin));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_an_admin_can_unlock_it()
    {
        var (admin, scope) = await AdminAsync();
        await using var _ = scope;
        var email = Unique("lock");
        var created = await admin.CreateAsync(email, "Lock me", [StaffRoles.Designer]);
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 0; i < 5; i++) await PostLoginAsync(client, email, "Wrong-Passw0rd!");
        var locked = await PostLoginAsync(client, email, created.Value!);
        Assert.Contains("locked", Uri.UnescapeDataString(locked.Headers.Location!.OriginalString));

        Assert.True((await admin.UnlockAsync(created.Id!.Value)).Ok);
        var after = await PostLoginAsync(client, email, created.Value!);
        Assert.Equal("/account/security?mustChange=true", after.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Two_factor_sign_in_accepts_an_authenticator_code_and_a_recovery_code_once()
    {
        var (admin, scope) = await AdminAsync();
        await using var _ = scope;
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = Unique("tfa");
        var created = await admin.CreateAsync(email, "Two factor", [StaffRoles.Manager]);
        var user = (await users.FindByIdAsync(created.Id!.Value.ToString()))!;
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await users.ResetAuthenticatorKeyAsync(user);
        var key = (await users.GetAuthenticatorKeyAsync(user))!;
        Assert.True(await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Totp.Code(key)));
        await users.SetTwoFactorEnabledAsync(user, true);
        var recovery = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.First();

        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var step1 = await PostLoginAsync(client, email, created.Value!);
        Assert.StartsWith("/account/login-2fa", step1.Headers.Location!.OriginalString);
        var wrong = await PostFormAsync(client, "/account/login-2fa", new() { ["Code"] = "000000", ["ReturnUrl"] = "/" });
        Assert.StartsWith("/account/login-2fa?error=", wrong.Headers.Location!.OriginalString);
        var ok = await PostFormAsync(client, "/account/login-2fa", new() { ["Code"] = Totp.Code(key), ["ReturnUrl"] = "/" });
        Assert.Equal("/", ok.Headers.Location?.OriginalString);

        var second = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await PostLoginAsync(second, email, created.Value!);
        var byRecovery = await PostFormAsync(second, "/account/login-2fa", new() { ["RecoveryCode"] = recovery, ["ReturnUrl"] = "/" });
        Assert.Equal("/", byRecovery.Headers.Location?.OriginalString);

        var third = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await PostLoginAsync(third, email, created.Value!);
        var reused = await PostFormAsync(third, "/account/login-2fa", new() { ["RecoveryCode"] = recovery, ["ReturnUrl"] = "/" });
        Assert.StartsWith("/account/login-2fa?error=", reused.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_staff_export_masks_emails_unless_the_caller_may_export_personal_data_and_is_audited_with_its_row_count()
    {
        var started = DateTime.UtcNow.AddSeconds(-1);
        const string email = "admin@gameops.local";
        static string Normalized(string? json) => (json ?? "").Replace("_", "").Replace(" ", "").ToLowerInvariant();
        static int Rows(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;

        // Every role that reaches the export (Admin) may export personal data, so the service is called as an Admin's token scoped
        // to staff administration: it may list the accounts, not export (nor reveal) personal data.
        var (admin, scope) = await AdminAsync();
        await using var _ = scope;
        var current = scope.ServiceProvider.GetRequiredService<CurrentStaff>();
        var token = (await current.GetPrincipalAsync())!;
        ((ClaimsIdentity)token.Identity!).AddClaims([new Claim(ApiTokenScopes.TokenIdClaim, Guid.NewGuid().ToString()),
            new Claim(ApiTokenScopes.ScopeClaim, nameof(Permission.StaffAdmin))]);
        Assert.True(token.Has(Permission.StaffAdmin) && !token.MayExportPersonalData());
        var masked = await admin.ExportCsvAsync(Ct);
        Assert.DoesNotContain(email, masked);
        Assert.Contains(ResourceField.Mask(email), masked);

        // The Admin's own export, through the endpoint: the emails as they are.
        var client = await app.SignInAsync(email);
        var unmasked = await client.GetStringAsync("/admin/staff/export.csv", Ct);
        Assert.Contains(email, unmasked);

        // Both audited as exports with their row counts, and whether personal data left unmasked.
        var db = scope.ServiceProvider.GetRequiredService<GameOps.Data.GameOpsDbContext>();
        var audits = db.StaffAuditLogs.Where(a => a.Action == "export" && a.EntityType == "staff_users" && a.CreatedAt >= started)
            .Select(a => a.Changes).AsEnumerable().Select(Normalized).ToList();
        Assert.Contains(audits, a => a.Contains($"\"rows\":{Rows(masked)},") && a.Contains("\"personaldatarevealed\":false"));
        Assert.Contains(audits, a => a.Contains($"\"rows\":{Rows(unmasked)},") && a.Contains("\"personaldatarevealed\":true") && a.Contains("[\"email\"]"));
    }

    [Fact]
    public async Task Sign_ins_failures_and_lockouts_are_in_the_audit_trail()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await PostLoginAsync(client, "nobody@gameops.local", "Whatever-1234!");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GameOps.Data.GameOpsDbContext>();
        Assert.Contains(db.StaffAuditLogs, a => a.Action == "sign_in_failed" && a.Changes!.Contains("nobody@gameops.local"));
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_are_refused_with_a_readable_page_even_with_the_right_password()
    {
        // A host of its own with a small limit: the shared host allows thousands, so that parallel tests never trip it.
        await using var limited = app.WithWebHostBuilder(b => b.ConfigureAppConfiguration(c =>
            c.AddInMemoryCollection(new Dictionary<string, string?> { ["Security:SignInAttemptsPerMinute"] = "3" })));
        var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var ct = TestContext.Current.CancellationToken;
        var token = Regex.Match(await client.GetStringAsync("/account/login", ct), "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        Task<HttpResponseMessage> PostAsync(string email, string password) => client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Email"] = email, ["Password"] = password, ["ReturnUrl"] = "/",
        }), ct);

        for (var attempt = 1; attempt <= 3; attempt++)
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync("nobody.throttled@gameops.local", "Wrong-Passw0rd!")).StatusCode); // back to the form with an error

        var throttled = await PostAsync("manager@gameops.local", GameOpsWebFactory.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Contains(SignInEndpoints.TooManyAttemptsMessage, await throttled.Content.ReadAsStringAsync(ct));
        Assert.Equal("60", throttled.Headers.RetryAfter?.ToString());
    }

    static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password) =>
        await PostFormAsync(client, "/account/login", new() { ["Email"] = email, ["Password"] = password, ["ReturnUrl"] = "/" });

    static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path == "/account/login-2fa" ? "/account/login-2fa" : "/account/login");
        fields["__RequestVerificationToken"] = Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync(path, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }
}
