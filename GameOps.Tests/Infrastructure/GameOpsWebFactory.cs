using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace GameOps.Tests.Infrastructure;

/// <summary>The real app (in-memory test server) on its own SQLite file, with the demo staff and a little demo data.</summary>
public sealed class GameOpsWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Starts the host once, up front: WebApplicationFactory's lazy start is not safe when parallel tests race to it.</summary>
    public ValueTask InitializeAsync()
    {
        _ = Services;
        return ValueTask.CompletedTask;
    }

    public const string Password = "Tests-Passw0rd!2026";
    readonly (string Path, string ConnectionString) database = SqliteFiles.Create();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:GameOps"] = database.ConnectionString,
            ["Seed:DemoData"] = "true",
            ["Seed:Scale"] = "0.1",
            ["Seed:DemoStaffPassword"] = Password,
            ["Security:SignInAttemptsPerMinute"] = "10000",
            ["Analytics:RollupIntervalMinutes"] = "0",
            ["Warmup:Enabled"] = "false", // warming costs each test host 10-17 s of CPU; /readyz has its own test
        }));
    }

    /// <summary>An HTTP client signed in as one of the demo staff (cookies kept, redirects not followed).</summary>
    public async Task<HttpClient> SignInAsync(string email)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync("/account/login");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Email"] = email, ["Password"] = Password, ["ReturnUrl"] = "/",
        }));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode} {response.Headers.Location}");
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteFiles.Delete(database.Path);
    }
}
