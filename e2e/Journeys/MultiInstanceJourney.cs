using System.Net;
using GameOps.E2E.Infrastructure;
using GameOps.E2E.Infrastructure.MultiInstance;
using GameOps.E2E.Pages;
using GameOps.Data;
using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Journeys;

/// <summary>
/// Two GameOps instances on one PostgreSQL behind nginx with cookie affinity (<see cref="MultiInstanceCluster"/>):
/// started together on an empty database, shared sign-in, live report-queue updates across instances, a scheduled
/// broadcast delivered once, and a browser that survives the loss of its instance.
/// </summary>
public sealed class MultiInstanceJourney(MultiInstanceCluster cluster, BrowserFixture browser) : IClassFixture<MultiInstanceCluster>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    readonly List<IBrowserContext> contexts = [];

    [Fact]
    public async Task Two_instances_behind_nginx_share_sign_in_live_updates_jobs_and_take_over_from_each_other()
    {
        try { await JourneyAsync(); }
        catch
        {
            await RecordFailureAsync();
            throw;
        }
        finally
        {
            foreach (var context in contexts) await context.DisposeAsync();
        }
    }

    async Task JourneyAsync()
    {
        // Started at the same moment on the empty database: exactly one seeded, the other waited for the lock.
        var logs = new[] { cluster.A.Log(), cluster.B.Log() };
        Assert.Equal(1, logs.Count(l => l.Contains("Demo data seeded", StringComparison.Ordinal)));
        Assert.Equal(1, logs.Count(l => l.Contains("Another instance is migrating or seeding the database", StringComparison.Ordinal)));

        // Pin one browser context to each instance through the balancer's affinity cookie.
        var onA = await AffinityForAsync("A");
        var onB = await AffinityForAsync("B");
        var contextA = await NewContextAsync(onA);
        var contextB = await NewContextAsync(onB);
        var pageA = await contextA.NewPageAsync();
        var pageB = await contextB.NewPageAsync();

        // Signs in through the balancer; the cookie issued by A is accepted by B directly (and the other way round).
        await new LoginPage(pageA).SignInAsAsync("Moderator");
        await new LoginPage(pageB).SignInAsAsync("Admin");
        var authA = (await contextA.CookiesAsync()).Single(c => c.Name == "GameOps.Auth").Value;
        var authB = (await contextB.CookiesAsync()).Single(c => c.Name == "GameOps.Auth").Value;
        Assert.Equal("A", await SignedInPageServedByAsync(cluster.A.Url, authA));
        Assert.Equal("B", await SignedInPageServedByAsync(cluster.B.Url, authA));
        Assert.Equal("A", await SignedInPageServedByAsync(cluster.A.Url, authB));

        // A moderator on A claims a report; the queue open on B shows it within 2 s, without a reload. The cluster runs
        // with Moderation:QueueRefreshSeconds = 3600, so the page's own poll cannot do it: only the change notice through
        // PostgreSQL can. The report is the test's own:
        // the demo data at this scale holds a single report, often already in review.
        var reportId = await CreateOpenReportAsync();
        var queueA = await ReportQueuePage.OpenAsync(pageA);
        var queueB = await ReportQueuePage.OpenAsync(pageB);
        var reportOnA = queueA.Row(reportId);
        var reportOnB = queueB.Row(reportId);
        await Expect(reportOnB.Locator("[data-testid=queue-row-status]")).ToHaveTextAsync("open");
        await reportOnA.Locator("[data-testid=queue-claim]").ClickAsync();
        await Expect(reportOnA.Locator("[data-testid=queue-row-status]")).ToContainTextAsync("in review");
        await Expect(reportOnB.Locator("[data-testid=queue-row-status]")).ToContainTextAsync(LoginPage.EmailOf("Moderator"),
            new LocatorAssertionsToContainTextOptions { Timeout = 2_000 });
        await Expect(reportOnB.Locator("[data-testid=queue-claim]")).ToHaveCountAsync(0);

        // A broadcast scheduled a minute ahead is delivered exactly once while both instances run.
        var broadcastId = await ScheduleBroadcastAsync(TimeSpan.FromMinutes(1));
        var broadcasts = new ShellPage(pageB);
        await broadcasts.GotoAsync("/liveops/broadcasts");
        var row = pageB.Locator("[data-testid=broadcast-table] tr").Filter(new LocatorFilterOptions { HasText = "Cluster check " + broadcastId.ToString("N")[..8] });
        await Expect(row.Locator("[data-testid=broadcast-status]")).ToHaveTextAsync("scheduled");
        await WaitUntilSentAsync(broadcastId, TimeSpan.FromMinutes(3));
        var (notifications, users, recipients) = await DeliveryAsync(broadcastId);
        Assert.True(recipients > 0);
        Assert.Equal(recipients, notifications);
        Assert.Equal(notifications, users);
        Assert.True(cluster.A.Running && cluster.B.Running);
        await pageB.ReloadAsync();
        await pageB.WaitForInteractiveAsync();
        await Expect(row.Locator("[data-testid=broadcast-status]")).ToHaveTextAsync("sent");

        // Instance A is stopped (SIGTERM) mid-session: the browser on A reconnects through the balancer, lands on B,
        // still signed in.
        var landedOnB = pageA.WaitForResponseAsync(r => r.Url.EndsWith("/moderation/reports", StringComparison.Ordinal)
            && r.Headers.TryGetValue("x-gameops-instance", out var instance) && instance == "B", new PageWaitForResponseOptions { Timeout = 120_000 });
        await cluster.A.StopAsync();
        var response = await landedOnB;
        Assert.Equal(200, response.Status);
        await Expect(pageA).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/moderation/reports$"));
        await Expect(queueA.Rows.First).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 30_000 });
    }

    async Task<IBrowserContext> NewContextAsync(string affinity)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = cluster.BalancerUrl, ViewportSize = new ViewportSize { Width = 1440, Height = 900 }, Locale = "en-US", TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(60_000);
        await context.AddInitScriptAsync(Blazor.InitScript);
        await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = "gameops_affinity", Value = affinity, Url = cluster.BalancerUrl }]);
        contexts.Add(context);
        return context;
    }

    /// <summary>A screenshot of every open page (artifacts/screenshots/MultiInstanceJourney/) and both instances' logs in the test output.</summary>
    async Task RecordFailureAsync()
    {
        var folder = Path.Combine(Artifacts.Screenshots, nameof(MultiInstanceJourney));
        Directory.CreateDirectory(folder);
        var output = TestContext.Current.TestOutputHelper;
        var pages = contexts.SelectMany(c => c.Pages).Where(p => !p.IsClosed).ToList();
        for (var i = 0; i < pages.Count; i++)
        {
            try
            {
                await pages[i].ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"FAILED-page{i + 1}.png"), FullPage = true });
                output?.WriteLine($"Page {i + 1} was at {pages[i].Url}");
            }
            catch (PlaywrightException e) { output?.WriteLine($"Page {i + 1}: no screenshot ({e.Message})"); }
        }
        output?.WriteLine("---- A ----\n" + cluster.Logs());
    }

    /// <summary>An affinity cookie value that nginx's consistent hash sends to <paramref name="instance"/>.</summary>
    async Task<string> AffinityForAsync(string instance)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false });
        for (var i = 0; i < 200; i++)
        {
            var value = "probe-" + i;
            using var request = new HttpRequestMessage(HttpMethod.Get, cluster.BalancerUrl + "/account/login");
            request.Headers.Add("Cookie", "gameops_affinity=" + value);
            using var response = await http.SendAsync(request, Ct);
            if (response.Headers.TryGetValues("X-GameOps-Instance", out var served) && served.Single() == instance) return value;
        }
        throw new InvalidOperationException("No affinity value reaches instance " + instance);
    }

    /// <summary>GET / on one instance with a sign-in cookie: the instance's name when it served the signed-in page.</summary>
    async Task<string?> SignedInPageServedByAsync(string instanceUrl, string authCookie)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, instanceUrl + "/");
        request.Headers.Add("Cookie", "GameOps.Auth=" + authCookie);
        using var response = await http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // a rejected cookie would redirect to /account/login
        return response.Headers.TryGetValues("X-GameOps-Instance", out var served) ? served.Single() : null;
    }

    /// <summary>An open, unassigned report between two demo players, filed before every other report (first in the queue).</summary>
    async Task<Guid> CreateOpenReportAsync()
    {
        await using var db = GameOpsDatabase.CreateContext(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = cluster.ConnectionString });
        var players = await db.Players.AsNoTracking().OrderBy(p => p.CreatedAt).Select(p => p.Id).Take(2).ToListAsync(Ct);
        var oldest = await db.PlayerReports.MinAsync(r => (DateTime?)r.CreatedAt, Ct) ?? DateTime.UtcNow;
        var report = new PlayerReport
        {
            Id = Guid.CreateVersion7(), ReporterUserId = players[0], TargetUserId = players[1], Category = "cheating", Priority = 1,
            Description = "Cluster check: speed hack", Status = "open", CreatedAt = oldest.AddDays(-1), UpdatedAt = DateTime.UtcNow,
        };
        db.PlayerReports.Add(report);
        await db.SaveChangesAsync(Ct);
        return report.Id;
    }

    async Task<Guid> ScheduleBroadcastAsync(TimeSpan ahead)
    {
        var id = Guid.CreateVersion7();
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var insert = new NpgsqlCommand("""
            INSERT INTO broadcasts (id, title, message, segment_type, segment, priority, status, scheduled_at, recipient_count, created_at, updated_at)
            VALUES (@id, @title, 'Both instances are up.', 'all', '{}'::jsonb, 'normal', 'scheduled', date_trunc('milliseconds', now()) + @ahead, 0,
                    date_trunc('milliseconds', now()), date_trunc('milliseconds', now()))
            """, connection);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("title", "Cluster check " + id.ToString("N")[..8]);
        insert.Parameters.AddWithValue("ahead", ahead);
        await insert.ExecuteNonQueryAsync(Ct);
        return id;
    }

    async Task WaitUntilSentAsync(Guid id, TimeSpan timeout)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(Ct);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var status = new NpgsqlCommand("SELECT status FROM broadcasts WHERE id = @id", connection);
            status.Parameters.AddWithValue("id", id);
            if ((string?)await status.ExecuteScalarAsync(Ct) == "sent") return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The scheduled broadcast was not sent.\n" + cluster.Logs());
            await Task.Delay(500, Ct); // polling the database for a background job, not waiting for the UI
        }
    }

    async Task<(long Notifications, long Users, long Recipients)> DeliveryAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var query = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM notifications WHERE data ->> 'broadcast_id' = @key),
                   (SELECT count(DISTINCT user_id) FROM notifications WHERE data ->> 'broadcast_id' = @key),
                   (SELECT recipient_count FROM broadcasts WHERE id = @id)
            """, connection);
        query.Parameters.AddWithValue("key", id.ToString());
        query.Parameters.AddWithValue("id", id);
        await using var reader = await query.ExecuteReaderAsync(Ct);
        await reader.ReadAsync(Ct);
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2));
    }
}
