using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Api;

/// <summary>Who may call the API: bearer tokens only, checked against the token row and its owner on every call.</summary>
public sealed class ApiAuthTests(SqliteApiHost host) : IClassFixture<SqliteApiHost>
{
    const string Moderator = "moderator@gameops.local";
    const string Designer = "designer@gameops.local";
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal((int)status, doc.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(doc.RootElement.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task No_token_is_401_problem_details_with_a_bearer_challenge()
    {
        var response = await host.Client().GetAsync("/api/v1/design/items", Ct);
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task A_made_up_token_is_401()
    {
        await AssertProblemAsync(await host.Client("gops_notarealtoken").GetAsync("/api/v1/design/items", Ct), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await host.Client("something-else").GetAsync("/api/v1/design/items", Ct), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var token = await host.TokenAsync(Designer);
        await using (var db = host.Db())
            await db.StaffApiTokens.Where(t => t.TokenHash == ApiTokenService.Hash(token))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)), Ct);
        var response = await host.Client(token).GetAsync("/api/v1/design/items", Ct);
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_revoked_token_stops_working_on_the_next_call_and_last_use_is_recorded()
    {
        var token = await host.TokenAsync(Designer);
        var client = host.Client(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/design/items?limit=1", Ct)).StatusCode);
        StaffApiToken row;
        await using (var db = host.Db())
            row = await db.StaffApiTokens.AsNoTracking().SingleAsync(t => t.TokenHash == ApiTokenService.Hash(token), Ct);
        Assert.NotNull(row.LastUsedAt);

        using (var scope = host.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentStaff>().Use(await host.StaffAsync(Designer));
            Assert.True((await scope.ServiceProvider.GetRequiredService<ApiTokenService>().RevokeAsync(row.Id, Ct)).Ok);
        }
        var response = await client.GetAsync("/api/v1/design/items", Ct);
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("revoked", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_scope_the_token_lacks_is_403_even_when_the_role_has_it()
    {
        var token = await host.TokenAsync(Designer, [Permission.DesignRead]);
        var client = host.Client(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/design/items?limit=1", Ct)).StatusCode);
        var response = await client.PostAsJsonAsync("/api/v1/design/items", new { item_id = "scope_test", name = "Scope test" }, Ct);
        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("DesignWrite", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_permission_outside_the_owners_role_is_403()
    {
        var token = await host.TokenAsync(Designer);
        await AssertProblemAsync(await host.Client(token).GetAsync("/api/v1/audit", Ct), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await host.Client(token).GetAsync($"/api/v1/players/{Guid.NewGuid()}", Ct), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_token_cannot_be_created_with_a_scope_beyond_the_owners_permissions()
    {
        using var scope = host.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentStaff>().Use(await host.StaffAsync(Designer));
        var result = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync("too much", 30, [Permission.DesignRead, Permission.AuditRead], Ct);
        Assert.False(result.Ok);
        Assert.Contains("AuditRead", result.Message);
        var tooLong = await scope.ServiceProvider.GetRequiredService<ApiTokenService>().CreateAsync("too long", 91, [Permission.DesignRead], Ct);
        Assert.False(tooLong.Ok);
    }

    [Fact]
    public async Task A_disabled_owner_or_a_removed_role_limits_the_token_at_once()
    {
        const string email = "liveops@gameops.local";
        var token = await host.TokenAsync(email);
        var client = host.Client(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/analytics/kpis", Ct)).StatusCode);
        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await users.RemoveFromRoleAsync(user, StaffRoles.LiveOps);
            await users.AddToRoleAsync(user, StaffRoles.Designer);
        }
        await AssertProblemAsync(await client.GetAsync("/api/v1/analytics/kpis", Ct), HttpStatusCode.Forbidden);
        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.IsDisabled = true;
            await users.UpdateAsync(user);
        }
        var response = await client.GetAsync("/api/v1/design/items", Ct);
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("disabled", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_signed_in_cookie_is_not_accepted_by_the_api()
    {
        using var factory = new GameOpsWebFactory();
        await factory.InitializeAsync();
        var browser = await factory.SignInAsync("admin@gameops.local");
        var response = await browser.PostAsJsonAsync("/api/v1/broadcasts", new { title = "x", message = "y" }, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/audit", Ct)).StatusCode);
        // The document and its reference page are for signed-in staff.
        var document = await browser.GetAsync("/openapi/v1.json", Ct);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        var json = await document.Content.ReadAsStringAsync(Ct);
        Assert.Contains("/api/v1/players", json);
        Assert.Contains("/api/v1/design/{kind}", json);
        var reference = await browser.GetAsync("/scalar", Ct);
        if (reference.StatusCode == HttpStatusCode.Found) reference = await browser.GetAsync(reference.Headers.Location!, Ct);
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json", Ct)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync(reference.RequestMessage!.RequestUri!.PathAndQuery, Ct)).StatusCode);
    }

    [Fact]
    public async Task Each_token_has_its_own_rate_limit_with_retry_after()
    {
        var token = await host.TokenAsync(Designer);
        var client = host.Client(token);
        HttpResponseMessage? last = null;
        for (var i = 0; i < ApiHost.RequestsPerMinute + 1; i++)
            last = await client.GetAsync("/api/v1/design/items/no_such_item", Ct);
        await AssertProblemAsync(last!, HttpStatusCode.TooManyRequests);
        Assert.True(last!.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        // Another token of the same owner is not throttled.
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client(await host.TokenAsync(Designer)).GetAsync("/api/v1/design/items/no_such_item", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_api_path_is_404_problem_details()
    {
        var token = await host.TokenAsync(Moderator);
        await AssertProblemAsync(await host.Client(token).GetAsync("/api/v1/nothing-here", Ct), HttpStatusCode.NotFound);
    }
}
