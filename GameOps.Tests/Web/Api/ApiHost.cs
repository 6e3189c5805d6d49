using System.Net.Http.Headers;
using System.Security.Claims;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Api;

/// <summary>
/// The real app on a real Kestrel port, on a fresh database of one provider with the demo staff and a little demo data.
/// Tokens are created through <see cref="ApiTokenService"/> as the demo staff member would on the security page.
/// </summary>
public abstract class ApiHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const int RequestsPerMinute = 60;
    readonly DatabaseProvider provider;
    string? connectionString;
    string? sqlitePath;

    protected ApiHost(DatabaseProvider provider)
    {
        this.provider = provider;
        UseKestrel(0);
    }

    public DatabaseProvider Provider => provider;

    public async ValueTask InitializeAsync()
    {
        if (provider == DatabaseProvider.Postgres) connectionString = await PostgresServer.Current.CreateDatabaseAsync();
        else (sqlitePath, connectionString) = SqliteFiles.Create();
        StartServer();
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
            ["Seed:Scale"] = "0.05",
            ["Seed:DemoStaffPassword"] = GameOpsWebFactory.Password,
            ["Security:SignInAttemptsPerMinute"] = "10000",
            ["Analytics:RollupIntervalMinutes"] = "0",
            ["Api:RequestsPerMinute"] = RequestsPerMinute.ToString(),
            ["Jobs:SchedulerName"] = HostSettings.NewSchedulerName("api-tests"),
        });
    }

    /// <summary>A plain context on the host's database (no audit interceptor).</summary>
    public GameOpsDbContext Db() => GameOpsDatabase.CreateContext(new DatabaseOptions { Provider = provider, ConnectionString = connectionString! });

    Uri Address => new(Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
        .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());

    /// <summary>The demo staff member as a signed-in principal (their current roles).</summary>
    public async Task<ClaimsPrincipal> StaffAsync(string email)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user.Id.ToString()), new(ClaimTypes.Name, email), new(ClaimTypes.Email, email) };
        claims.AddRange((await users.GetRolesAsync(user)).Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Tests"));
    }

    /// <summary>A new token of the demo staff member (all their permissions unless scopes are given).</summary>
    public async Task<string> TokenAsync(string email, IReadOnlyCollection<Permission>? scopes = null, int days = 30, string? name = null)
    {
        var principal = await StaffAsync(email);
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentStaff>().Use(principal, "127.0.0.1", "tests");
        var result = await scope.ServiceProvider.GetRequiredService<ApiTokenService>()
            .CreateAsync(name ?? $"tests {Guid.NewGuid():N}"[..20], days, scopes ?? ApiTokenService.GrantableScopes(principal));
        Assert.True(result.Ok, result.Message);
        return result.Value!.Token;
    }

    public HttpClient Client(string? token = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = Address });
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (sqlitePath is not null) SqliteFiles.Delete(sqlitePath);
    }
}

public sealed class SqliteApiHost() : ApiHost(DatabaseProvider.Sqlite);

public sealed class PostgresApiHost() : ApiHost(DatabaseProvider.Postgres);
