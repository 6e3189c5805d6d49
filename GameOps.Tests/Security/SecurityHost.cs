using System.Net;
using System.Text.RegularExpressions;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Security;

/// <summary>
/// The real app on a real Kestrel listener (loopback, free port) over its own database of one provider, so that attacks
/// are replayed as a browser or a script would send them: real cookies, real redirects, real headers.
/// </summary>
public abstract class SecurityHost(DatabaseProvider provider) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Tests-Passw0rd!2026";
    string connectionString = "";
    string? sqlitePath;

    public DatabaseProvider Provider => provider;
    public Uri BaseAddress { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        if (provider == DatabaseProvider.Postgres) connectionString = await PostgresServer.Current.CreateDatabaseAsync();
        else (sqlitePath, connectionString) = SqliteFiles.Create();
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
        await HostSettings.AssertScaleOutAsync(Services, provider);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        HostSettings.Apply(builder, new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:GameOps"] = connectionString,
            ["Seed:DemoData"] = "true",
            ["Seed:Scale"] = "0.02",
            ["Seed:DemoStaffPassword"] = Password,
            ["Security:SignInAttemptsPerMinute"] = "100000",
            ["Analytics:RollupIntervalMinutes"] = "0",
            ["Jobs:SchedulerName"] = HostSettings.NewSchedulerName("security-tests"),
        });
    }

    public StaffBrowser NewBrowser() => new(BaseAddress);

    /// <summary>A new staff account (lockout off, so that repeated wrong passwords in a test do not lock it).</summary>
    public async Task<StaffUser> CreateStaffAsync(string role, bool mustChangePassword = false, string password = Password)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..24] + "@tests.local";
        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Test " + role,
            CreatedAt = VersioningInterceptor.Truncate(DateTime.UtcNow), MustChangePassword = mustChangePassword, LockoutEnabled = false,
        };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        Check(await users.SetLockoutEnabledAsync(user, false)); // CreateAsync turns lockout on for new users
        return user;
    }

    /// <summary>Runs work in a fresh scope acting as the demo Admin (services demand the caller's permission).</summary>
    public async Task<T> AsAdminAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var admin = (await sp.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync("admin@gameops.local"))!;
        var principal = await sp.GetRequiredService<SignInManager<StaffUser>>().CreateUserPrincipalAsync(admin);
        sp.GetRequiredService<CurrentStaff>().Use(principal);
        return await work(sp);
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (sqlitePath is not null) SqliteFiles.Delete(sqlitePath);
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteSecurityHost() : SecurityHost(DatabaseProvider.Sqlite);

public sealed class PostgresSecurityHost() : SecurityHost(DatabaseProvider.Postgres);

/// <summary>A scripted browser: its own cookie jar, redirects not followed, forms posted with the page's antiforgery token.</summary>
public sealed partial class StaffBrowser(Uri baseAddress) : IDisposable
{
    public const string AuthCookie = "GameOps.Auth";
    public CookieContainer Cookies { get; } = new();
    HttpClient? http;
    public HttpClient Http => http ??= new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = Cookies })
        { BaseAddress = baseAddress };

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path, Ct);

    public async Task<string> TokenFromAsync(string path)
    {
        var page = await Http.GetStringAsync(path, Ct);
        var match = TokenPattern().Match(page);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {path}");
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields, string? tokenFrom = null)
    {
        var form = new Dictionary<string, string>(fields);
        if (tokenFrom is not null) form["__RequestVerificationToken"] = await TokenFromAsync(tokenFrom);
        return await Http.PostAsync(path, new FormUrlEncodedContent(form), Ct);
    }

    public Task<HttpResponseMessage> SignInAsync(string email, string password = SecurityHost.Password, string returnUrl = "/") =>
        PostFormAsync("/account/login", new() { ["Email"] = email, ["Password"] = password, ["ReturnUrl"] = returnUrl }, tokenFrom: "/account/login");

    public async Task SignInOrThrowAsync(string email, string password = SecurityHost.Password)
    {
        var response = await SignInAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.StartsWith("/account/login") == true)
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode} {response.Headers.Location}");
    }

    public Task<HttpResponseMessage> LogoutAsync() => PostFormAsync("/account/logout", [], tokenFrom: "/account/security");

    /// <summary>Posts one of the security page's forms (static server rendering: the handler is named by <c>_handler</c>).</summary>
    public Task<HttpResponseMessage> PostSecurityFormAsync(string handler, Dictionary<string, string> fields) =>
        PostFormAsync("/account/security", new(fields) { ["_handler"] = handler }, tokenFrom: "/account/security");

    /// <summary>Another browser that holds a copy of this one's auth cookie, as an attacker who copied it would.</summary>
    public StaffBrowser Replay()
    {
        var copy = new StaffBrowser(baseAddress);
        foreach (Cookie cookie in Cookies.GetCookies(baseAddress))
            if (cookie.Name.StartsWith(AuthCookie, StringComparison.Ordinal)) copy.Cookies.Add(baseAddress, new Cookie(cookie.Name, cookie.Value, "/"));
        return copy;
    }

    public bool HasAuthCookie => Cookies.GetCookies(baseAddress).Any(c => c.Name.StartsWith(AuthCookie, StringComparison.Ordinal) && c.Value.Length > 0);

    public void Dispose() => http?.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

public static class ResponseAssertions
{
    /// <summary>The response sends the browser to sign in (the session is not honoured).</summary>
    public static void AssertSentToSignIn(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery());
    }

    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
