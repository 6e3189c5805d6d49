using System.Net;
using GameOps.Data;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Moderation;

/// <summary>The report queue, sanctions, fraud flags and security events export what they show: moderators get a CSV that is never cached and is audited; other roles get nothing.</summary>
public sealed class ModerationExportTests(GameOpsWebFactory app)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/moderation/sanctions/export.csv?state=active", "id,created_at,action_type,player,duration", "moderation_actions")]
    [InlineData("/moderation/reports/export.csv?status=all&sort=oldest", "id,created_at,priority,category,status,reported_player", "player_reports")]
    [InlineData("/moderation/fraud/export.csv?open=false", "id,detected_at,player,fraud_type,risk_score", "fraud_detection")]
    [InlineData("/moderation/security/export.csv?severity=high", "id,created_at,severity,event_type,player,ip_address", "security_events")]
    public async Task Moderators_export_what_the_list_shows_and_the_export_is_audited(string url, string header, string table)
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
        Assert.True(await db.StaffAuditLogs.AnyAsync(a => a.Action == "export" && a.StaffEmail == "moderator@gameops.local" && a.EntityType == table, Ct));
    }

    [Fact]
    public async Task Exported_security_events_and_fraud_flags_mask_ip_addresses_for_a_moderator()
    {
        var client = await app.SignInAsync("moderator@gameops.local");
        var csv = await (await client.GetAsync("/moderation/security/export.csv", Ct)).Content.ReadAsStringAsync(Ct)
            + await (await client.GetAsync("/moderation/fraud/export.csv?open=false", Ct)).Content.ReadAsStringAsync(Ct);

        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync(Ct);
        var addresses = await db.SecurityEvents.Where(e => e.IpAddress != null).Select(e => e.IpAddress!).Distinct().ToListAsync(Ct);
        Assert.NotEmpty(addresses);
        Assert.Contains("id,created_at,severity,event_type,player,ip_address", csv);
        Assert.Contains("id,detected_at,player,fraud_type", csv);
        Assert.DoesNotContain(addresses, csv.Contains); // a moderator may reveal one on screen (audited), never export them in bulk
    }

    /// <summary>A CSV's records, each by its header.</summary>
    static List<IReadOnlyDictionary<string, string>> Records(string csv)
    {
        using var reader = CsvHelper.CsvReader.FromText(csv, new CsvHelper.CsvReaderOptions());
        var records = new List<IReadOnlyDictionary<string, string>>();
        while (reader.Read()) records.Add(reader.Headers.Select((name, i) => (name, i)).ToDictionary(h => h.name, h => reader.GetString(h.i)));
        return records;
    }

    /// <summary>The export rows this caller wrote to the trail since <paramref name="started"/>, their details lower-cased without separators.</summary>
    async Task<List<string>> ExportAuditsAsync(string staffEmail, string table, DateTime started)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync(Ct);
        var rows = await db.StaffAuditLogs.Where(a => a.Action == "export" && a.StaffEmail == staffEmail && a.EntityType == table && a.CreatedAt >= started)
            .Select(a => a.Changes).ToListAsync(Ct);
        return rows.Select(json => (json ?? "").Replace("_", "").Replace(" ", "").ToLowerInvariant()).ToList();
    }

    [Theory]
    [InlineData("/moderation/sanctions/export.csv", "moderation_actions", "moderator")]
    [InlineData("/moderation/reports/export.csv?status=all", "player_reports", "assignee")]
    public async Task A_moderator_exports_staff_by_name_without_their_email_since_moderators_may_not_export_personal_data(string url, string table, string column)
    {
        var started = DateTime.UtcNow.AddSeconds(-1);
        var client = await app.SignInAsync("moderator@gameops.local");
        var csv = await client.GetStringAsync(url, Ct);
        var records = Records(csv);

        await using (var scope = app.Services.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync(Ct))
        {
            var staff = await db.Users.Select(u => new { u.Email, u.DisplayName }).ToListAsync(Ct);
            Assert.DoesNotContain(staff, s => csv.Contains(s.Email!, StringComparison.OrdinalIgnoreCase)); // no staff email, in any column
            // Who issued the sanction (holds the report) by display name; the email column masked, as the staff export masks it.
            var named = records.Where(r => r[column] != "").ToList();
            Assert.NotEmpty(named);
            Assert.All(named, r => Assert.Contains(staff, s => s.DisplayName == r[column]));
            Assert.All(named, r => Assert.Contains(staff, s => ResourceField.Mask(s.Email!) == r[$"{column}_email"]));
        }
        // Audited as an export: its row count, and no personal column left unmasked.
        var audits = await ExportAuditsAsync("moderator@gameops.local", table, started);
        Assert.Contains(audits, a => a.Contains($"\"rows\":{records.Count},") && a.Contains("\"personaldatarevealed\":false") && a.Contains("\"personalfields\":[]"));
    }

    [Fact]
    public async Task An_admin_may_export_personal_data_so_the_moderator_email_leaves_and_the_audit_names_the_column()
    {
        var started = DateTime.UtcNow.AddSeconds(-1);
        var client = await app.SignInAsync("admin@gameops.local");
        var csv = await client.GetStringAsync("/moderation/sanctions/export.csv", Ct);
        var records = Records(csv);
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.Contains("@", r["moderator_email"]));
        Assert.All(records, r => Assert.DoesNotContain("@", r["moderator"]));
        var audits = await ExportAuditsAsync("admin@gameops.local", "moderation_actions", started);
        Assert.Contains(audits, a => a.Contains($"\"rows\":{records.Count},") && a.Contains("\"personaldatarevealed\":true") && a.Contains("[\"moderatoremail\"]"));
    }

    [Theory]
    [InlineData("/moderation/sanctions/export.csv")]
    [InlineData("/moderation/reports/export.csv")]
    [InlineData("/moderation/fraud/export.csv")]
    [InlineData("/moderation/security/export.csv")]
    public async Task A_role_without_moderation_gets_no_export(string url)
    {
        var client = await app.SignInAsync("designer@gameops.local");
        var response = await client.GetAsync(url, Ct);
        Assert.NotEqual("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("id,created_at", await response.Content.ReadAsStringAsync(Ct));
    }
}
