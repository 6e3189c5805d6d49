using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Npgsql;

[assembly: AssemblyFixture(typeof(GameOps.Tests.Infrastructure.PostgresServer))]

namespace GameOps.Tests.Infrastructure;

/// <summary>
/// One real, throw-away PostgreSQL server for the whole test assembly, started from the Debian binaries
/// (<c>/usr/lib/postgresql/*/bin</c>) on a free loopback port in a temporary directory, and removed at the end.
/// It starts on first use, so a run that touches no PostgreSQL test pays nothing. Every test gets its own
/// fresh database from <see cref="CreateDatabaseAsync"/>.
/// Set <c>GAMEOPS_TEST_PG</c> to the connection string of an existing server to use that one instead
/// (its databases are then dropped again at the end).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string ExternalServerVariable = "GAMEOPS_TEST_PG";

    static PostgresServer? current;

    /// <summary>The assembly's server; set before any test runs.</summary>
    public static PostgresServer Current =>
        current ?? throw new InvalidOperationException($"The {nameof(PostgresServer)} assembly fixture has not been initialised.");

    readonly SemaphoreSlim startLock = new(1, 1);
    readonly List<string> createdDatabases = [];
    string? adminConnectionString;
    string? binDir;
    string? rootDir;
    string? dataDir;
    bool asPostgresUser;
    int databaseCounter;

    public int? Port { get; private set; }

    public ValueTask InitializeAsync()
    {
        current = this;
        return ValueTask.CompletedTask;
    }

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default) =>
        CreateDatabaseAsync(template: null, cancellationToken);

    /// <summary>
    /// Creates a database with a unique name as a copy of <paramref name="template"/> (a database on this server that
    /// nobody is connected to), or empty when it is null, and returns its connection string.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string? template, CancellationToken cancellationToken = default)
    {
        var admin = await EnsureStartedAsync(cancellationToken);
        var name = $"gameops_test_{Environment.ProcessId}_{Interlocked.Increment(ref databaseCounter)}_{Guid.NewGuid():N}"[..40];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(cancellationToken);
            var copy = template is null ? "" : $" TEMPLATE \"{template}\"";
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{copy}", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        lock (createdDatabases) createdDatabases.Add(name);
        // Pooled, as the app's are (a new backend per context costs a fork and a cold catalog cache), but an idle
        // connection closes within seconds: the suite makes hundreds of databases, and max_connections is finite.
        return new NpgsqlConnectionStringBuilder(admin)
        {
            Database = name, Pooling = true, ConnectionIdleLifetime = 3, ConnectionPruningInterval = 1,
        }.ConnectionString;
    }

    async Task<string> EnsureStartedAsync(CancellationToken cancellationToken)
    {
        if (adminConnectionString is not null) return adminConnectionString;
        await startLock.WaitAsync(cancellationToken);
        try
        {
            if (adminConnectionString is not null) return adminConnectionString;
            var external = Environment.GetEnvironmentVariable(ExternalServerVariable);
            if (!string.IsNullOrWhiteSpace(external))
            {
                var builder = new NpgsqlConnectionStringBuilder(external) { Pooling = false };
                if (string.IsNullOrEmpty(builder.Database)) builder.Database = "postgres";
                await WaitUntilReadyAsync(builder.ConnectionString, TimeSpan.FromSeconds(10), cancellationToken);
                return adminConnectionString = builder.ConnectionString;
            }
            return adminConnectionString = await StartOwnServerAsync(cancellationToken);
        }
        finally
        {
            startLock.Release();
        }
    }

    async Task<string> StartOwnServerAsync(CancellationToken cancellationToken)
    {
        binDir = FindBinDirectory();
        asPostgresUser = IsRoot();
        rootDir = Path.Combine("/tmp", $"gameops-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..28]);
        dataDir = Path.Combine(rootDir, "data");
        Directory.CreateDirectory(rootDir);
        if (asPostgresUser)
            await RunAsync("chown", ["-R", "postgres:", rootDir], cancellationToken);

        await RunPgAsync("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], cancellationToken);

        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var port = FreeLoopbackPort();
            var options = $"-p {port} -k {rootDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400";
            try
            {
                await RunPgAsync("pg_ctl", ["start", "-D", dataDir, "-w", "-t", "60", "-l", Path.Combine(rootDir, "postgres.log"), "-o", options], cancellationToken);
                var admin = new NpgsqlConnectionStringBuilder
                {
                    Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres", Pooling = false,
                }.ConnectionString;
                await WaitUntilReadyAsync(admin, TimeSpan.FromSeconds(30), cancellationToken);
                Port = port;
                return admin;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                last = e;
                await StopAsync(); // in case it half started on a port someone else took
            }
        }
        throw new InvalidOperationException($"PostgreSQL could not be started in {dataDir}. Log:\n{ReadLog()}", last);
    }

    static string FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        var candidates = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => (dir: Path.Combine(d, "bin"), version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .Where(c => File.Exists(Path.Combine(c.dir, "initdb")) && File.Exists(Path.Combine(c.dir, "pg_ctl")))
                .OrderByDescending(c => c.version)
                .ToList()
            : [];
        if (candidates.Count == 0)
            throw new InvalidOperationException(
                "The PostgreSQL tests need the PostgreSQL server binaries (/usr/lib/postgresql/<version>/bin/initdb and pg_ctl), " +
                "and none were found. Install the Debian package 'postgresql' (./test.sh does), or set " +
                $"{ExternalServerVariable} to the connection string of a server to use.");
        return candidates[0].dir;
    }

    static bool IsRoot()
    {
        if (Environment.UserName == "root") return true;
        try { return OperatingSystem.IsLinux() && geteuid() == 0; }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return false; }
    }

    [DllImport("libc.so.6")]
    static extern uint geteuid();

    static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try { return ((IPEndPoint)listener.LocalEndpoint).Port; }
        finally { listener.Stop(); }
    }

    static async Task WaitUntilReadyAsync(string connectionString, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(cancellationToken);
                return;
            }
            catch (Exception e) when ((e is NpgsqlException or SocketException) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    Task RunPgAsync(string tool, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var exe = Path.Combine(binDir!, tool);
        return asPostgresUser
            ? RunAsync("runuser", ["-u", "postgres", "--", exe, .. args], cancellationToken)
            : RunAsync(exe, args, cancellationToken);
    }

    async Task RunAsync(string file, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The postgres user must be able to enter the working directory.
            WorkingDirectory = rootDir is not null && Directory.Exists(rootDir) ? rootDir : "/tmp",
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        // pg_ctl start leaves the server holding inherited pipes open: read only until the tool itself exits.
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            await Task.WhenAny(Task.WhenAll(stdout, stderr), Task.Delay(2000, CancellationToken.None));
            var output = $"{(stdout.IsCompletedSuccessfully ? stdout.Result : "")}\n{(stderr.IsCompletedSuccessfully ? stderr.Result : "")}";
            throw new InvalidOperationException(
                $"'{file} {string.Join(' ', args)}' exited with {process.ExitCode}.\n{output}\n{ReadLog()}");
        }
    }

    string ReadLog()
    {
        var log = rootDir is null ? null : Path.Combine(rootDir, "postgres.log");
        return log is not null && File.Exists(log) ? File.ReadAllText(log) : "";
    }

    async Task StopAsync()
    {
        if (binDir is null || dataDir is null || !File.Exists(Path.Combine(dataDir, "postmaster.pid"))) return;
        try { await RunPgAsync("pg_ctl", ["stop", "-D", dataDir, "-m", "immediate", "-w", "-t", "30"], CancellationToken.None); }
        catch (InvalidOperationException) { /* already gone */ }
    }

    public async ValueTask DisposeAsync()
    {
        if (rootDir is not null)
        {
            await StopAsync();
            try { Directory.Delete(rootDir, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        else if (adminConnectionString is not null)
        {
            // An existing server: leave it as it was found.
            List<string> names;
            lock (createdDatabases) names = [.. createdDatabases];
            try
            {
                await using var connection = new NpgsqlConnection(adminConnectionString);
                await connection.OpenAsync();
                foreach (var name in names)
                {
                    await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                    await command.ExecuteNonQueryAsync();
                }
            }
            catch (NpgsqlException) { }
        }
        if (ReferenceEquals(current, this)) current = null;
        startLock.Dispose();
    }
}
