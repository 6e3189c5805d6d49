using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

[assembly: AssemblyFixture(typeof(GameOps.E2E.Infrastructure.AppServer))]

namespace GameOps.E2E.Infrastructure;

/// <summary>
/// The GameOps web app, started once for the whole e2e run: in-process (WebApplicationFactory) on real Kestrel
/// at a free loopback port, on a fresh SQLite file with the demo staff and demo data.
/// </summary>
public sealed class AppServer : IAsyncLifetime
{
    /// <summary>The demo staff password every e2e test signs in with (overrides any configured one).</summary>
    public const string Password = "E2e-Passw0rd!2026";

    readonly string dataFolder = Path.Combine(Path.GetTempPath(), "gameops-e2e-" + Guid.NewGuid().ToString("N")[..12]);
    GameOpsFactory? factory;

    /// <summary>e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>True when the database was copied from a template of an earlier run (see <see cref="TemplateDatabase"/>).</summary>
    public bool StartedFromTemplate { get; private set; }

    public IServiceProvider Services => factory?.Services ?? throw new InvalidOperationException("The app is not started.");

    public string Url(string path) => BaseUrl + (path.StartsWith('/') ? path : "/" + path);

    public ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(dataFolder);
        var databaseFile = Path.Combine(dataFolder, "gameops-e2e.db");
        var settings = new Dictionary<string, string>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:MigrateOnStartup"] = "true",
            ["ConnectionStrings:GameOps"] = $"Data Source={databaseFile}",
            ["Seed:DemoData"] = "true",
            // A tenth of the demo volume: every table still gets rows, and the first start takes seconds, not
            // minutes (Scale 1 seeds ~77,000 rows, about 90 s on a 2-core machine). E2E_SEED_SCALE overrides it.
            ["Seed:Scale"] = Environment.GetEnvironmentVariable("E2E_SEED_SCALE") is { Length: > 0 } scale ? scale : "0.1",
            ["Seed:DemoStaffPassword"] = Password,
            ["Security:SignInAttemptsPerMinute"] = "1000",
        };
        var template = TemplateDatabase.PathFor(settings);
        StartedFromTemplate = TemplateDatabase.TryRestore(template, databaseFile);
        factory = new GameOpsFactory(settings);
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();

        var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("Kestrel reported no address feature.");
        BaseUrl = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))?.TrimEnd('/')
            ?? throw new InvalidOperationException("Kestrel is not listening on http: " + string.Join(", ", addresses));

        // Guard: the settings must have reached the app, or it would be using the developer's database.
        var database = factory.Services.GetRequiredService<GameOps.Data.DatabaseOptions>();
        if (!database.ConnectionString.Contains(dataFolder, StringComparison.Ordinal))
            throw new InvalidOperationException($"The app ignored the e2e database setting and uses '{database.ConnectionString}'.");
        if (!StartedFromTemplate) TemplateDatabase.Save(template, databaseFile);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null) await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(dataFolder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    sealed class GameOpsFactory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(Environments.Development);
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureLogging(logging =>
            {
                logging.SetMinimumLevel(LogLevel.Warning);
                logging.AddFilter("Microsoft.AspNetCore.Components", LogLevel.Warning);
            });
        }
    }
}
