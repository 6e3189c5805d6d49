using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using GameOps.Tests.Infrastructure;
using GameOps.Tests.Web.Components;
using Microsoft.Data.Sqlite;

namespace GameOps.Tests.Security;

/// <summary>
/// Issue 14, item 7: Production is started from <c>dotnet publish</c> output (static web assets are a Development feature of
/// <c>dotnet run</c>). Publishes the build the test project already compiled, starts it in Production on a loopback port as
/// it would run behind a TLS-ending reverse proxy, and checks the UI assets, HTTPS handling and the first Admin.
/// </summary>
public sealed partial class ProductionStartTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    const string AdminEmail = "owner@gameops.example";
    const string AdminPassword = "First-Admin-Lantern-2026";
    const string PublicHost = "gameops.example.test";

    [Fact]
    public async Task The_published_app_in_production_serves_the_ui_applies_no_demo_data_and_creates_the_first_admin()
    {
        var repo = Repository.Root;
        var work = Directory.CreateTempSubdirectory("gameops-production-").FullName;
        Process? app = null;
        var log = new StringBuilder();
        try
        {
            var output = Path.Combine(work, "publish");
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0
            var publish = await RunAsync("dotnet", ["publish", Path.Combine(repo, "GameOps.Web", "GameOps.Web.csproj"), "-c", configuration, "--no-build", "--no-restore", "-o", output, "-v", "q"], repo);
            Assert.True(publish.ExitCode == 0, "dotnet publish failed:\n" + publish.Output);
            Assert.True(File.Exists(Path.Combine(output, "wwwroot", "_framework", "blazor.web.js")) || File.Exists(Path.Combine(output, "GameOps.Web.staticwebassets.endpoints.json")),
                "the publish output carries the static web assets");

            // Started from another folder, the app refuses to start rather than answer every script with an empty 200.
            var elsewhere = new ProcessStartInfo("dotnet") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { Path.Combine(output, "GameOps.Web.dll"), "--urls", $"http://127.0.0.1:{FreePort()}" }) elsewhere.ArgumentList.Add(arg);
            elsewhere.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            elsewhere.Environment["Database__Provider"] = "Sqlite";
            elsewhere.Environment["ConnectionStrings__GameOps"] = $"Data Source={Path.Combine(work, "elsewhere.db")}";
            elsewhere.Environment["GAMEOPS_CONFIG"] = Path.Combine(work, "appsettings.json");
            elsewhere.Environment["HOME"] = work;
            using (var wrongFolder = Process.Start(elsewhere)!)
            {
                var said = wrongFolder.StandardOutput.ReadToEndAsync(Ct);
                var complained = wrongFolder.StandardError.ReadToEndAsync(Ct);
                using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
                patience.CancelAfter(TimeSpan.FromSeconds(90));
                await wrongFolder.WaitForExitAsync(patience.Token);
                Assert.NotEqual(0, wrongFolder.ExitCode);
                Assert.Contains("Start the published app from its own folder", await said + await complained);
            }

            var port = FreePort();
            var database = Path.Combine(work, "gameops.db");
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = output, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { Path.Combine(output, "GameOps.Web.dll"), "--urls", $"http://127.0.0.1:{port}" }) start.ArgumentList.Add(arg);
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["DOTNET_ENVIRONMENT"] = "Production";
            start.Environment["Database__Provider"] = "Sqlite";
            start.Environment["ConnectionStrings__GameOps"] = $"Data Source={database}";
            start.Environment["Seed__AdminEmail"] = AdminEmail;
            start.Environment["Seed__AdminPassword"] = AdminPassword;
            start.Environment["GAMEOPS_CONFIG"] = Path.Combine(work, "appsettings.json"); // none: the environment says everything
            start.Environment["HOME"] = work; // Data Protection keys of this run stay in the temp folder
            app = Process.Start(start)!;
            app.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
            app.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
            app.BeginOutputReadLine();
            app.BeginErrorReadLine();

            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilHealthyAsync(http, app, log);

            // Behind the proxy (TLS ended there, loopback is a known proxy): every script and stylesheet the pages link is
            // served, brotli-compressed; no stylesheet carries a :has() rule every element can match (StylesheetTests).
            var loginPage = await (await http.SendAsync(ViaProxy(HttpMethod.Get, "/account/login"), Ct)).Content.ReadAsStringAsync(Ct);
            var linked = LinkedAsset().Matches(loginPage).Select(m => "/" + WebUtility.HtmlDecode(m.Groups[1].Value).TrimStart('/')).ToList();
            Assert.Contains(linked, a => a.StartsWith("/lib/mudblazor/MudBlazor.min.", StringComparison.Ordinal));
            Assert.Contains(linked, a => a.StartsWith("/_framework/blazor.web.", StringComparison.Ordinal));
            foreach (var asset in linked)
            {
                var request = ViaProxy(HttpMethod.Get, asset);
                request.Headers.Add("Accept-Encoding", "br");
                var response = await http.SendAsync(request, Ct);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)response.StatusCode}\n{Text(log)}");
                Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
                await using var body = new BrotliStream(await response.Content.ReadAsStreamAsync(Ct), CompressionMode.Decompress);
                var text = await new StreamReader(body).ReadToEndAsync(Ct);
                Assert.True(text.Length > 100, $"{asset} is served with a body");
                if (asset.Split('?')[0].EndsWith(".css", StringComparison.Ordinal)) Assert.Empty(StylesheetTests.UniversalHasSelectors(text));
            }

            // HTTPS: plain HTTP is sent to HTTPS, HTTPS answers carry HSTS.
            var plain = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/account/login") { Headers = { Host = PublicHost } }, Ct);
            Assert.Equal(HttpStatusCode.PermanentRedirect, plain.StatusCode);
            Assert.Equal($"https://{PublicHost}/account/login", plain.Headers.Location!.ToString());
            var login = await http.SendAsync(ViaProxy(HttpMethod.Get, "/account/login"), Ct);
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            Assert.StartsWith("max-age=", Assert.Single(login.Headers.GetValues("Strict-Transport-Security")));

            // The first Admin exists and must change the configured password before anything else.
            var cookies = CookiesOf(login);
            var token = WebUtility.HtmlDecode(TokenPattern().Match(await login.Content.ReadAsStringAsync(Ct)).Groups[1].Value);
            var signIn = ViaProxy(HttpMethod.Post, "/account/login", cookies);
            signIn.Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["Email"] = AdminEmail, ["Password"] = AdminPassword, ["ReturnUrl"] = "/",
            });
            var signedIn = await http.SendAsync(signIn, Ct);
            Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"sign-in: {(int)signedIn.StatusCode}\n{Text(log)}");
            Assert.Equal("/account/security?mustChange=true", signedIn.Headers.Location!.OriginalString);
            var home = await http.SendAsync(ViaProxy(HttpMethod.Get, "/", cookies + "; " + CookiesOf(signedIn)), Ct);
            Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
            Assert.Equal("/account/security?mustChange=true", home.Headers.Location!.OriginalString);

            // No demo data in Production: one staff account (the first Admin), no players.
            await using var db = new SqliteConnection($"Data Source={database};Pooling=False");
            await db.OpenAsync(Ct);
            Assert.Equal(1L, await ScalarAsync(db, "SELECT COUNT(*) FROM staff_users"));
            Assert.Equal(AdminEmail, await ScalarAsync(db, "SELECT email FROM staff_users"));
            Assert.Equal(0L, await ScalarAsync(db, "SELECT COUNT(*) FROM users"));
        }
        finally
        {
            if (app is { HasExited: false })
            {
                app.Kill(entireProcessTree: true);
                await app.WaitForExitAsync(CancellationToken.None);
            }
            app?.Dispose();
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    static HttpRequestMessage ViaProxy(HttpMethod method, string path, string? cookies = null)
    {
        var request = new HttpRequestMessage(method, path) { Headers = { Host = PublicHost } };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        if (!string.IsNullOrEmpty(cookies)) request.Headers.Add("Cookie", cookies);
        return request;
    }

    /// <summary>The cookies a response sets, as a Cookie header (they are Secure, so a cookie jar on http:// would drop them).</summary>
    static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

    static async Task<object?> ScalarAsync(SqliteConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }

    /// <summary>
    /// The app's output so far. It is read under the lock its writers take: an assertion message is built on every check, even one
    /// that passes, and reading the builder while the app's output thread appends to it threw (CI, 2026-12-04).
    /// </summary>
    static string Text(StringBuilder log)
    {
        lock (log) return log.ToString();
    }

    static async Task WaitUntilHealthyAsync(HttpClient http, Process app, StringBuilder log)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(app.HasExited, "the published app exited:\n" + Text(log));
            try
            {
                var response = await http.SendAsync(ViaProxy(HttpMethod.Get, "/healthz"), Ct);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250, Ct); // polling for start-up, not a timing assumption
        }
        Assert.Fail("the published app did not become healthy:\n" + Text(log));
    }

    static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] args, string workingDirectory)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(Ct);
        var stderr = process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        return (process.ExitCode, await stdout + await stderr);
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("<(?:link rel=\"stylesheet\" href|script src)=\"([^\"]+)\"")]
    private static partial Regex LinkedAsset();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
