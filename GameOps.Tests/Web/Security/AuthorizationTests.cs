using System.Net;
using System.Reflection;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;

[assembly: AssemblyFixture(typeof(GameOpsWebFactory))]

namespace GameOps.Tests.Web.Security;

/// <summary>
/// Every routable page names its policy, anonymous visitors are sent to sign in, and each demo role is let in
/// exactly where the role → permission matrix says (elsewhere it gets the access-denied page, not a crash).
/// </summary>
public sealed class AuthorizationTests(GameOpsWebFactory app)
{
    static readonly string[] AnonymousPages = ["Login", "LoginTwoFactor", "NotFound", "ErrorPage"];

    /// <summary>A sample value for each route parameter, per route prefix, so that every template can be requested.</summary>
    static readonly Dictionary<string, string> SampleSlugs = new()
    {
        ["/design"] = "items", ["/moderation"] = "reports", ["/liveops"] = "events", ["/world"] = "zones", ["/data"] = "items",
    };

    static IEnumerable<(Type Page, string Template)> RoutablePages() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (t, r.Template)));

    public static TheoryData<string> Routes()
    {
        var data = new TheoryData<string>();
        foreach (var (_, template) in RoutablePages())
        {
            if (template.Contains("{Id}")) continue;
            var prefix = "/" + template.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            var url = template.Replace("{Slug}", SampleSlugs.GetValueOrDefault(prefix, "items"));
            if (!url.Contains('{')) data.Add(url);
        }
        return data;
    }

    [Fact]
    public void Every_routable_page_names_a_policy_or_is_one_of_the_sign_in_pages()
    {
        var unprotected = RoutablePages().Select(p => p.Page).Distinct()
            .Where(t => t.GetCustomAttribute<AllowAnonymousAttribute>() is null
                        && t.GetCustomAttribute<AuthorizeAttribute>()?.Policy is not { Length: > 0 })
            .Select(t => t.Name).ToList();
        Assert.Empty(unprotected);

        var anonymous = RoutablePages().Select(p => p.Page).Distinct().Where(t => t.GetCustomAttribute<AllowAnonymousAttribute>() is not null).Select(t => t.Name);
        Assert.All(anonymous, name => Assert.Contains(name, AnonymousPages));
    }

    [Fact]
    public void Every_policy_a_page_names_exists()
    {
        foreach (var (page, _) in RoutablePages())
            if (page.GetCustomAttribute<AuthorizeAttribute>()?.Policy is { } policy)
                Assert.True(policy == Policies.Staff || Policies.PermissionOf(policy) is not null, $"{page.Name} names unknown policy {policy}");
    }

    [Theory, MemberData(nameof(Routes))]
    public async Task Anonymous_visitors_are_sent_to_sign_in(string url)
    {
        var page = RoutablePages().First(p => Matches(p.Template, url)).Page;
        if (page.GetCustomAttribute<AllowAnonymousAttribute>() is not null) return;
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }

    public static TheoryData<string, string> RolesAndRoutes()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in StaffRoles.All)
            foreach (var url in Routes())
                data.Add(role, (string)url.Data);
        return data;
    }

    /// <summary>
    /// One signed-in client per role for the role × route matrix (it only reads): signing in hashes a password, and a
    /// sign-in per case cost more than the page it checked.
    /// </summary>
    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Task<HttpClient>> SignedInClients = new();

    [Theory, MemberData(nameof(RolesAndRoutes))]
    public async Task Each_role_is_let_in_exactly_where_its_permissions_say(string role, string url)
    {
        var page = RoutablePages().First(p => Matches(p.Template, url)).Page;
        var policy = page.GetCustomAttribute<AuthorizeAttribute>()?.Policy;
        if (policy is null || url == "/account/access-denied") return; // anonymous pages, and the access-denied page itself
        var expected = policy == Policies.Staff || PermissionMatrix.Allows([role], Policies.PermissionOf(policy)!.Value);

        var client = await SignedInClients.GetOrAdd(role, r => app.SignInAsync($"{r.ToLowerInvariant()}@gameops.local"));
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Refused: the authorization middleware sends the browser to the access-denied page (or the router shows it in place).
        var refused = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.PathAndQuery.StartsWith("/account/access-denied")
                      || response.StatusCode == HttpStatusCode.OK && body.Contains("data-testid=\"access-denied\"");
        var shown = response.StatusCode == HttpStatusCode.OK && !body.Contains("data-testid=\"access-denied\"");
        Assert.True(expected ? shown : refused,
            $"{role} on {url}: expected {(expected ? "the page" : "the access-denied page")} (policy {policy}), got {(int)response.StatusCode} {response.Headers.Location}");
    }

    static bool Matches(string template, string url)
    {
        var t = template.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var u = url.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return t.Length == u.Length && t.Zip(u).All(p => p.First.StartsWith('{') || string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));
    }
}
