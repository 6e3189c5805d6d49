using System.Net;
using GameOps.Data;
using GameOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Shell;

/// <summary>The hand-written lists outside moderation (broadcasts, staff) export what they show: never cached, audited, refused to other roles.</summary>
public sealed class ListExportTests(GameOpsWebFactory app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("liveops@gameops.local", "/liveops/broadcasts/export.csv", "id,created_at,title,audience,priority,status", "broadcasts")]
    [InlineData("admin@gameops.local", "/admin/staff/export.csv", "id,email,display_name,roles,disabled,locked_out,two_factor", "staff_users")]
    public async Task The_list_is_exported_uncached_and_audited(string email, string url, string header, string table)
    {
        var client = await app.SignInAsync(email);
        var response = await client.GetAsync(url, Ct);
        var csv = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {csv[..Math.Min(csv.Length, 2000)]}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.StartsWith(header, csv);
        Assert.True(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 1, "the export holds no row");

        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync(Ct);
        Assert.True(await db.StaffAuditLogs.AnyAsync(a => a.Action == "export" && a.StaffEmail == email && a.EntityType == table, Ct));
    }

    [Fact]
    public async Task A_leaderboard_exports_its_game_mode_and_refuses_an_unknown_one_with_a_message()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync(Ct);
        var mode = await db.Ratings.Select(r => r.GameMode).OrderBy(m => m).FirstAsync(Ct);
        var client = await app.SignInAsync("designer@gameops.local");

        var response = await client.GetAsync($"/leaderboards/export.csv?mode={Uri.EscapeDataString(mode)}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("rank,character,level,rating", await response.Content.ReadAsStringAsync(Ct));
        Assert.True(await db.StaffAuditLogs.AnyAsync(a => a.Action == "export" && a.EntityType == "ratings" && a.StaffEmail == "designer@gameops.local", Ct));

        var unknown = await client.GetAsync("/leaderboards/export.csv?mode=no_such_mode", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Choose a game mode", await unknown.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task The_staff_export_holds_no_secret_column()
    {
        var client = await app.SignInAsync("admin@gameops.local");
        var header = (await client.GetStringAsync("/admin/staff/export.csv", Ct)).Split('\n')[0];
        Assert.DoesNotContain("password_hash", header);
        Assert.DoesNotContain("security_stamp", header);
        Assert.DoesNotContain("authenticator", header);
        Assert.DoesNotContain("recovery", header);
    }

    [Theory]
    [InlineData("designer@gameops.local", "/admin/staff/export.csv")]
    [InlineData("moderator@gameops.local", "/admin/staff/export.csv")]
    public async Task Roles_without_the_permission_get_no_export(string email, string url)
    {
        var client = await app.SignInAsync(email);
        var response = await client.GetAsync(url, Ct);
        Assert.NotEqual("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("id,email", await response.Content.ReadAsStringAsync(Ct));
    }
}
