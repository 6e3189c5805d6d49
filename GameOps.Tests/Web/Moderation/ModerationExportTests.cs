using System.Net;
using GameOps.Data;
using GameOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Moderation;

/// <summary>The report queue and the sanctions export what they show: moderators get a CSV that is never cached and is audited; other roles get nothing.</summary>
public sealed class ModerationExportTests(GameOpsWebFactory app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/moderation/sanctions/export.csv?state=active", "id,created_at,action_type,player,duration")]
    [InlineData("/moderation/reports/export.csv?status=all&sort=oldest", "id,created_at,priority,category,status,reported_player")]
    public async Task Moderators_export_what_the_list_shows_and_the_export_is_audited(string url, string header)
    {
        var client = await app.SignInAsync("moderator@gameops.local");
        var response = await client.GetAsync(url, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 3000)]}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var csv = body;
        Assert.StartsWith(header, csv);
        Assert.DoesNotContain("@players", csv); // no player email in either export

        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync(Ct);
        Assert.True(await db.StaffAuditLogs.AnyAsync(a => a.Action == "export" && a.StaffEmail == "moderator@gameops.local" && (a.EntityType == "moderation_actions" || a.EntityType == "player_reports"), Ct));
    }

    [Theory]
    [InlineData("/moderation/sanctions/export.csv")]
    [InlineData("/moderation/reports/export.csv")]
    public async Task A_role_without_moderation_gets_no_export(string url)
    {
        var client = await app.SignInAsync("designer@gameops.local");
        var response = await client.GetAsync(url, Ct);
        Assert.NotEqual("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("id,created_at", await response.Content.ReadAsStringAsync(Ct));
    }
}
