using System.Net;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Resources;

/// <summary><c>/export/{table}.csv</c> on the real app: criteria only as declared, bulk personal data only with its permission, never cached.</summary>
public sealed class ExportEndpointTests(GameOpsWebFactory app)
{
    static string EmailOf(string role) => $"{role.ToLowerInvariant()}@gameops.local";

    static string Url(ResourceDescription resource, IDictionary<string, string?> parameters) =>
        QueryHelpers.AddQueryString($"/export/{resource.Slug}.csv", parameters);

    static IDictionary<string, string?> FilterParameters(ResourceField field)
    {
        var f = ResourceQueryRulesTests.SampleFilter(field);
        var p = new Dictionary<string, string?>();
        if (f.Bool is { } b) p[$"f.{field.Name}.bool"] = b ? "true" : "false";
        else if (f.Min is { } min) p[$"f.{field.Name}.min"] = min.ToString(System.Globalization.CultureInfo.InvariantCulture);
        else if (f.From is { } from) p[$"f.{field.Name}.from"] = from.ToString("O");
        else p[$"f.{field.Name}"] = f.Value;
        return p;
    }

    [Fact]
    public async Task Every_export_as_every_role_refuses_undeclared_and_sensitive_filters_and_sorts_with_400()
    {
        var catalog = app.Services.GetRequiredService<ResourceCatalog>();
        var refused = 0;
        foreach (var role in StaffRoles.All)
        {
            using var client = await app.SignInAsync(EmailOf(role));
            foreach (var resource in catalog.All)
            {
                if (!PermissionMatrix.Allows([role], resource.ReadPermission))
                {
                    var denied = await client.GetAsync($"/export/{resource.Slug}.csv", TestContext.Current.CancellationToken);
                    Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
                    continue;
                }
                foreach (var field in resource.Fields)
                {
                    if (!ResourceQueryRulesTests.MayFilter(resource, field, role))
                    {
                        var response = await client.GetAsync(Url(resource, FilterParameters(field)), TestContext.Current.CancellationToken);
                        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{role}: filter {resource.Slug}.{field.Name} answered {(int)response.StatusCode}");
                        Assert.Contains(field.Name, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
                        refused++;
                    }
                    if (!ResourceQueryRulesTests.MaySort(resource, field, role))
                    {
                        var response = await client.GetAsync(Url(resource, new Dictionary<string, string?> { ["sort"] = field.Name }), TestContext.Current.CancellationToken);
                        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{role}: sort {resource.Slug}.{field.Name} answered {(int)response.StatusCode}");
                        refused++;
                    }
                }
            }
        }
        Assert.True(refused > 100, $"only {refused} refusals tried");
    }

    [Theory]
    [InlineData("items", "f.IsActive=maybe")]
    [InlineData("items", "f.IsActive.bool=maybe")]
    [InlineData("items", "f.Value.min=1e308")]
    [InlineData("items", "f.LevelRequirement.max=99999999999")]
    [InlineData("notifications", "f.CreatedAt=abc")]
    [InlineData("notifications", "f.CreatedAt.from=abc")]
    [InlineData("items", "q=%00")]
    [InlineData("items", "f.PasswordHash=x")]
    [InlineData("users", "f.Email=someone%40players.local")]
    [InlineData("users", "sort=PasswordHash")]
    public async Task Malformed_or_forbidden_criteria_are_a_400_with_a_readable_message_never_a_500(string table, string criteria)
    {
        using var client = await app.SignInAsync(EmailOf(StaffRoles.Manager));
        var response = await client.GetAsync($"/export/{table}.csv?{criteria}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("\"detail\"", body);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "");
    }

    [Fact]
    public async Task Exports_are_never_cached()
    {
        using var client = await app.SignInAsync(EmailOf(StaffRoles.Designer));
        var response = await client.GetAsync("/export/items.csv", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "Cache-Control: no-store missing");
    }

    async Task<List<string>> PlayerEmailsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Players.OrderBy(p => p.Id).Select(p => p.Email).Take(20).ToListAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_moderator_who_reveals_one_email_at_a_time_still_exports_them_masked()
    {
        var emails = await PlayerEmailsAsync();
        Assert.NotEmpty(emails);
        using var client = await app.SignInAsync(EmailOf(StaffRoles.Moderator));
        var csv = await client.GetStringAsync("/export/users.csv", TestContext.Current.CancellationToken);
        Assert.All(emails, email => Assert.DoesNotContain(email, csv));
        Assert.Contains(ResourceField.Mask(emails[0]), csv);
    }

    [Fact]
    public async Task An_admin_exports_personal_data_unmasked_and_the_export_is_audited_with_its_row_count()
    {
        var emails = await PlayerEmailsAsync();
        using var client = await app.SignInAsync(EmailOf(StaffRoles.Admin));
        var started = DateTime.UtcNow.AddSeconds(-1);
        var csv = await client.GetStringAsync("/export/users.csv?sort=Username", TestContext.Current.CancellationToken);
        Assert.Contains(emails[0], csv);
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;

        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var audits = await db.StaffAuditLogs.AsNoTracking().Where(a => a.Action == "export" && a.EntityType == "users" && a.CreatedAt >= started).ToListAsync(TestContext.Current.CancellationToken);
        static string Normalized(string? json) => (json ?? "").Replace("_", "").Replace(" ", "").ToLowerInvariant();
        var audit = Assert.Single(audits, a => a.StaffEmail == EmailOf(StaffRoles.Admin) && Normalized(a.Changes).Contains("\"personaldatarevealed\":true"));
        Assert.Contains($"\"rows\":{rows}", Normalized(audit.Changes));
    }
}
