using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Tests.Web.Api;

/// <summary>Every endpoint through a real Kestrel host, on SQLite and on PostgreSQL.</summary>
public abstract class ApiEndpointTests(ApiHost host)
{
    protected const string Admin = "admin@gameops.local";
    protected const string Moderator = "moderator@gameops.local";
    protected const string Designer = "designer@gameops.local";
    protected const string LiveOps = "liveops@gameops.local";
    protected const string Manager = "manager@gameops.local";
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    async Task<(Guid Id, string Username, string Email, string Character)> SomePlayerAsync()
    {
        await using var db = host.Db();
        var p = await db.Players.AsNoTracking().Where(p => db.Actors.Any(a => a.UserId == p.Id) && !p.Username.StartsWith("erased-")).OrderBy(p => p.Username)
            .Select(p => new { p.Id, p.Username, p.Email, Character = db.Actors.Where(a => a.UserId == p.Id).Select(a => a.Name).First() }).FirstAsync(Ct);
        return (p.Id, p.Username, p.Email, p.Character);
    }

    [Fact]
    public async Task Players_are_found_by_username_email_and_character_and_the_summary_masks_email_unless_revealed()
    {
        var player = await SomePlayerAsync();
        var manager = host.Client(await host.TokenAsync(Manager));
        foreach (var query in new[] { $"username={player.Username}", $"email={Uri.EscapeDataString(player.Email)}", $"character={Uri.EscapeDataString(player.Character)}" })
        {
            var hits = await JsonAsync(await manager.GetAsync($"/api/v1/players?{query}", Ct), HttpStatusCode.OK);
            Assert.Contains(hits.EnumerateArray(), h => h.GetProperty("id").GetGuid() == player.Id);
        }
        var masked = await JsonAsync(await manager.GetAsync($"/api/v1/players/{player.Id}", Ct), HttpStatusCode.OK);
        Assert.NotEqual(player.Email, masked.GetProperty("email").GetString());
        Assert.Equal(player.Username, masked.GetProperty("username").GetString());

        var moderator = host.Client(await host.TokenAsync(Moderator, name: "reveal-bot"));
        var revealed = await JsonAsync(await moderator.GetAsync($"/api/v1/players/{player.Id}", Ct), HttpStatusCode.OK);
        Assert.Equal(player.Email, revealed.GetProperty("email").GetString());
        await using var db = host.Db();
        Assert.True(await db.StaffAuditLogs.AnyAsync(a => a.Action == PersonalDataAccess.RevealAction && a.EntityKey == player.Id.ToString()
            && a.UserAgent!.Contains("reveal-bot"), Ct), "the reveal is audited with the token's name");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/players/{Guid.NewGuid()}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_moderator_token_sanctions_lifts_and_notes_and_each_change_is_audited_with_the_token_name()
    {
        var player = await SomePlayerAsync();
        var client = host.Client(await host.TokenAsync(Moderator, name: "mod-bot"));
        var sanction = await JsonAsync(await client.PostAsJsonAsync($"/api/v1/players/{player.Id}/sanctions",
            new { kind = "mute", reason = "spam via api", durationMinutes = 60 }, Ct), HttpStatusCode.Created);
        var actionId = sanction.GetProperty("id").GetGuid();
        await JsonAsync(await client.PostAsJsonAsync($"/api/v1/players/sanctions/{actionId}/lift", new { reason = "appeal accepted" }, Ct), HttpStatusCode.OK);
        await JsonAsync(await client.PostAsJsonAsync($"/api/v1/players/{player.Id}/notes", new { note = "checked via api" }, Ct), HttpStatusCode.Created);
        await using var db = host.Db();
        var lifted = await db.ModerationActions.AsNoTracking().SingleAsync(a => a.Id == actionId, Ct);
        Assert.NotNull(lifted.LiftedAt);
        Assert.True(await db.StaffAuditLogs.AnyAsync(a => a.EntityType == "player_notes" && a.UserAgent!.Contains("mod-bot"), Ct));
    }

    async Task<List<Guid>> OpenReportsAsync(int count)
    {
        await using var db = host.Db();
        var players = await db.Players.AsNoTracking().OrderBy(p => p.Username).Select(p => p.Id).Take(2).ToListAsync(Ct);
        var now = DateTime.UtcNow;
        var reports = Enumerable.Range(0, count).Select(i => new PlayerReport
        {
            Id = Guid.NewGuid(), ReporterUserId = players[0], TargetUserId = players[1], Category = "cheating", Priority = 2,
            Description = $"api cursor test {i}", Status = "open", CreatedAt = now.AddSeconds(-i), UpdatedAt = now.AddSeconds(-i),
        }).ToList();
        db.PlayerReports.AddRange(reports);
        await db.SaveChangesAsync(Ct);
        return reports.Select(r => r.Id).ToList();
    }

    [Fact]
    public async Task Reports_are_listed_with_a_cursor_claimed_and_resolved()
    {
        var ours = await OpenReportsAsync(3); // the demo data's few reports may all be claimed by other tests
        var client = host.Client(await host.TokenAsync(Moderator));
        var seen = new List<Guid>();
        var listed = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await JsonAsync(await client.GetAsync($"/api/v1/reports?limit=2{(cursor is null ? "" : "&cursor=" + cursor)}", Ct), HttpStatusCode.OK);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, 2);
            var ids = items.Select(i => i.GetProperty("id").GetGuid()).ToList();
            Assert.Empty(ids.Intersect(seen)); // a cursor never repeats a row
            seen.AddRange(ids);
            listed.AddRange(items);
            cursor = page.GetProperty("next").GetString();
        }
        while (cursor is not null && seen.Count < 500);
        Assert.Subset(seen.ToHashSet(), ours.ToHashSet());
        var open = listed.First(i => i.GetProperty("id").GetGuid() == ours[0]);
        Assert.Equal("open", open.GetProperty("status").GetString());
        var id = open.GetProperty("id").GetGuid();
        await JsonAsync(await client.PostAsync($"/api/v1/reports/{id}/claim", null, Ct), HttpStatusCode.OK);
        await JsonAsync(await client.PostAsJsonAsync($"/api/v1/reports/{id}/resolve", new { action = "warn", reason = "resolved via api" }, Ct), HttpStatusCode.OK);
        var again = await client.PostAsJsonAsync($"/api/v1/reports/{id}/resolve", new { action = "dismiss", reason = "twice" }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/reports?cursor=bm9wZQ", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_reports_cursor_is_keyset_so_rows_claimed_or_resolved_between_pages_make_no_other_row_skip_or_repeat()
    {
        // Ours come first in the oldest-first list (long before any demo or test report); two share a time, so the id
        // breaks the tie inside the cursor.
        await using (var db = host.Db())
        {
            var players = await db.Players.AsNoTracking().OrderBy(p => p.Username).Select(p => p.Id).Take(2).ToListAsync(Ct);
            var start = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(Random.Shared.Next(1_000_000));
            db.PlayerReports.AddRange(Enumerable.Range(0, 9).Select(i => new PlayerReport
            {
                Id = Guid.NewGuid(), ReporterUserId = players[0], TargetUserId = players[1], Category = "cheating", Priority = 2,
                Description = $"keyset test {i}", Status = "open", CreatedAt = start.AddSeconds(i == 5 ? 4 : i), UpdatedAt = start,
            }));
            await db.SaveChangesAsync(Ct);
        }

        var client = host.Client(await host.TokenAsync(Moderator));
        var seen = new List<Guid>();
        var takenAway = new HashSet<Guid>();
        string? cursor = null;
        for (var request = 0; request < 500; request++)
        {
            var page = await JsonAsync(await client.GetAsync($"/api/v1/reports?limit=2{(cursor is null ? "" : "&cursor=" + cursor)}", Ct), HttpStatusCode.OK);
            var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
            Assert.Empty(ids.Intersect(seen)); // no row repeats
            seen.AddRange(ids);
            // Between two requests, the rows just listed leave the open list: one is claimed, the other claimed and resolved.
            // An offset cursor would now skip as many rows as left.
            if (request < 3 && ids.Count == 2)
            {
                await JsonAsync(await client.PostAsync($"/api/v1/reports/{ids[0]}/claim", null, Ct), HttpStatusCode.OK);
                await JsonAsync(await client.PostAsync($"/api/v1/reports/{ids[1]}/claim", null, Ct), HttpStatusCode.OK);
                await JsonAsync(await client.PostAsJsonAsync($"/api/v1/reports/{ids[1]}/resolve", new { action = "dismiss", reason = "keyset test" }, Ct), HttpStatusCode.OK);
                takenAway.UnionWith(ids);
            }
            cursor = page.GetProperty("next").GetString();
            if (cursor is null) break;
        }
        Assert.Equal(6, takenAway.Count);
        await using (var db = host.Db())
        {
            // Every report that was open before the first request and stayed open was listed exactly once.
            var stillOpen = await db.PlayerReports.AsNoTracking().Where(r => r.Description!.StartsWith("keyset test ") && r.Status == "open").Select(r => r.Id).ToListAsync(Ct);
            Assert.NotEmpty(stillOpen);
            Assert.Subset(seen.ToHashSet(), stillOpen.ToHashSet());
            Assert.Equal(seen.Count, seen.Distinct().Count());
        }

        // A cursor the server did not hand out is refused with problem details, not read as a position.
        var real = ApiCursorText(cursor ?? "");
        foreach (var tampered in new[] { "bm9wZQ", "%%%", Base64Url("k:12|" + Guid.NewGuid().ToString("N") + "|x"), Base64Url("k:abc|" + Guid.NewGuid().ToString("N")),
                     Base64Url("k:" + long.MaxValue + "|" + Guid.NewGuid().ToString("N")), Base64Url("p:1"), Base64Url(real + "0") })
        {
            var refused = await client.GetAsync($"/api/v1/reports?cursor={Uri.EscapeDataString(tampered)}", Ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }
    }

    static string Base64Url(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    static string ApiCursorText(string cursor) => GameOps.Web.Api.ApiCursor.Decode(cursor) is { Length: > 0 } text ? text : "k:1|" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Items_list_with_a_stable_keyset_cursor_and_filters()
    {
        var client = host.Client(await host.TokenAsync(Designer));
        var keys = new List<string>();
        string? cursor = null;
        do
        {
            var page = await JsonAsync(await client.GetAsync($"/api/v1/design/items?limit=7{(cursor is null ? "" : "&cursor=" + cursor)}", Ct), HttpStatusCode.OK);
            keys.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("item_id").GetString()!));
            cursor = page.GetProperty("next").GetString();
            if (cursor is not null && keys.Count == 7)
            {
                // A row inserted before the cursor does not shift the next page (keyset, not offset).
                await JsonAsync(await client.PostAsJsonAsync("/api/v1/design/items", new { item_id = "aaa_inserted_" + host.Provider, name = "Inserted" }, Ct), HttpStatusCode.Created);
            }
        } while (cursor is not null);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(keys.Order(StringComparer.Ordinal).ToList(), keys);
        await using var db = host.Db();
        Assert.Equal(await db.Items.CountAsync(i => i.ItemId.CompareTo("aaa_inserted_" + host.Provider) != 0, Ct), keys.Count(k => k != "aaa_inserted_" + host.Provider));

        var rare = await JsonAsync(await client.GetAsync("/api/v1/design/items?rarity=rare&is_active=true&limit=200", Ct), HttpStatusCode.OK);
        Assert.All(rare.GetProperty("items").EnumerateArray(), i => Assert.Equal("rare", i.GetProperty("rarity").GetString()));
        Assert.Equal(await db.Items.CountAsync(i => i.Rarity == "rare" && i.IsActive, Ct), rare.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task An_update_needs_if_match_and_a_stale_version_is_412()
    {
        var client = host.Client(await host.TokenAsync(Designer));
        var key = "ifmatch_" + host.Provider.ToString().ToLowerInvariant();
        var created = await client.PostAsJsonAsync("/api/v1/design/items", new { item_id = key, name = "If-Match test", rarity = "common", item_type = "material" }, Ct);
        await JsonAsync(created, HttpStatusCode.Created);
        var etag = created.Headers.ETag!.Tag;

        var noMatch = await client.PutAsJsonAsync($"/api/v1/design/items/{key}", new { name = "no if-match" }, Ct);
        Assert.Equal(HttpStatusCode.PreconditionRequired, noMatch.StatusCode);

        var first = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/design/items/{key}") { Content = JsonContent.Create(new { name = "First writer" }) };
        first.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var ok = await client.SendAsync(first, Ct);
        var body = await JsonAsync(ok, HttpStatusCode.OK);
        Assert.Equal("First writer", body.GetProperty("name").GetString());
        Assert.NotEqual(etag, ok.Headers.ETag!.Tag);

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/design/items/{key}") { Content = JsonContent.Create(new { name = "Second writer" }) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var conflict = await client.SendAsync(stale, Ct);
        Assert.Equal(HttpStatusCode.PreconditionFailed, conflict.StatusCode);
        Assert.Equal("application/problem+json", conflict.Content.Headers.ContentType?.MediaType);
        var current = await JsonAsync(await client.GetAsync($"/api/v1/design/items/{key}", Ct), HttpStatusCode.OK);
        Assert.Equal("First writer", current.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Quests_and_recipes_are_served_too_and_export_then_dry_run_import_changes_nothing()
    {
        var client = host.Client(await host.TokenAsync(Designer));
        foreach (var kind in new[] { "quests", "recipes" })
        {
            var page = await JsonAsync(await client.GetAsync($"/api/v1/design/{kind}?limit=3", Ct), HttpStatusCode.OK);
            Assert.NotEmpty(page.GetProperty("items").EnumerateArray());
        }
        var export = await client.GetAsync("/api/v1/design/items/export?format=json", Ct);
        var json = await export.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        int before;
        await using (var db = host.Db()) before = await db.StaffAuditLogs.CountAsync(a => a.EntityType == "items", Ct);
        var preview = await JsonAsync(await client.PostAsync("/api/v1/design/items/import?format=json&dry_run=true",
            new StringContent(json.Replace("\"name\": \"", "\"name\": \"Renamed ", StringComparison.Ordinal), Encoding.UTF8, "application/json"), Ct), HttpStatusCode.OK);
        Assert.False(preview.GetProperty("applied").GetBoolean());
        await using (var db = host.Db()) Assert.Equal(before, await db.StaffAuditLogs.CountAsync(a => a.EntityType == "items", Ct));
    }

    [Fact]
    public async Task Events_are_created_scheduled_and_cancelled_and_broadcasts_sent()
    {
        var client = host.Client(await host.TokenAsync(LiveOps));
        var start = DateTime.UtcNow.AddDays(3).Date;
        var created = await client.PostAsJsonAsync("/api/v1/events", new
        {
            event_id = "api_event_" + host.Provider.ToString().ToLowerInvariant(), name = "API event", event_type = "seasonal",
            start_time = start, end_time = start.AddDays(2),
        }, Ct);
        var ev = await JsonAsync(created, HttpStatusCode.Created);
        var id = ev.GetProperty("id").GetGuid();
        Assert.Equal("draft", ev.GetProperty("status").GetString());
        await JsonAsync(await client.PostAsync($"/api/v1/events/{id}/schedule", null, Ct), HttpStatusCode.OK);
        // A rule of the request itself (a cancel needs a reason) is a 400 validation problem, as the README says.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"/api/v1/events/{id}/cancel", new { reason = "" }, Ct)).StatusCode);
        await JsonAsync(await client.PostAsJsonAsync($"/api/v1/events/{id}/cancel", new { reason = "not needed" }, Ct), HttpStatusCode.OK);

        var sent = await JsonAsync(await client.PostAsJsonAsync("/api/v1/broadcasts", new
        {
            title = "Maintenance", message = "Servers restart at 06:00 UTC", segment = new { kind = "level_range", minLevel = 1, maxLevel = 50 },
        }, Ct), HttpStatusCode.Created);
        await using var db = host.Db();
        Assert.True(await db.Broadcasts.AnyAsync(b => b.Id == sent.GetProperty("id").GetGuid(), Ct));
    }

    [Fact]
    public async Task Analytics_kpis_for_a_range_and_the_audit_trail_for_admins_only()
    {
        var manager = host.Client(await host.TokenAsync(Manager));
        var kpis = await JsonAsync(await manager.GetAsync("/api/v1/analytics/kpis?from=2026-01-01&to=2026-12-31", Ct), HttpStatusCode.OK);
        Assert.NotEmpty(kpis.EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.GetAsync("/api/v1/analytics/kpis?from=2026-12-31&to=2026-01-01", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync("/api/v1/audit", Ct)).StatusCode);

        var admin = host.Client(await host.TokenAsync(Admin, [Permission.AuditRead]));
        var ids = new List<Guid>();
        string? cursor = null;
        for (var i = 0; i < 3; i++)
        {
            var page = await JsonAsync(await admin.GetAsync($"/api/v1/audit?limit=5{(cursor is null ? "" : "&cursor=" + cursor)}", Ct), HttpStatusCode.OK);
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()));
            // Personal columns by their marks, masked for a token without reveal: the address and who acted (their email).
            foreach (var personal in new[] { "ipAddress", "staffEmail" })
                Assert.All(page.GetProperty("items").EnumerateArray(), e =>
                    Assert.True(e.GetProperty(personal).ValueKind == JsonValueKind.Null || e.GetProperty(personal).GetString()!.Contains('•') || e.GetProperty(personal).GetString()!.Contains('*')));
            Assert.Contains(page.GetProperty("items").EnumerateArray(), e => e.GetProperty("staffEmail").ValueKind != JsonValueKind.Null);
            cursor = page.GetProperty("next").GetString();
            if (cursor is null) break;
        }
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}

public sealed class ApiEndpointTestsSqlite(SqliteApiHost host) : ApiEndpointTests(host), IClassFixture<SqliteApiHost>;

public sealed class ApiEndpointTestsPostgres(PostgresApiHost host) : ApiEndpointTests(host), IClassFixture<PostgresApiHost>;
