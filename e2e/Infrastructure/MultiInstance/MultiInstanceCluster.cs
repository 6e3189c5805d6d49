using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Npgsql;

namespace GameOps.E2E.Infrastructure.MultiInstance;

/// <summary>
/// One throw-away PostgreSQL (Debian's binaries, run as <c>postgres</c> when root), two GameOps instances started at the
/// same moment on its empty database (each a separate <c>dotnet GameOps.Web.dll</c> process, Development environment,
/// instance names A and B), and nginx in front with cookie affinity on a free loopback port, its config generated.
/// Broadcasts are dispatched every 2 s here so a scheduled one goes out soon after its time.
/// </summary>
public sealed class MultiInstanceCluster : IAsyncLifetime
{
    public const string Password = AppServer.Password;

    readonly string root = Path.Combine("/tmp", "gameops-mi-" + Guid.NewGuid().ToString("N")[..10]);
    string? pgBin;
    bool asPostgres;
    Process? nginx;

    public string ConnectionString { get; private set; } = "";
    public AppInstance A { get; private set; } = default!;
    public AppInstance B { get; private set; } = default!;
    public string BalancerUrl { get; private set; } = "";
    /// <summary>Milliseconds from the start of both instances until each served its login page.</summary>
    public string StartupLog { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        try { await StartAsync(); }
        catch
        {
            await DisposeAsync(); // a fixture that fails to start is not always disposed: leave no process behind
            throw;
        }
    }

    async Task StartAsync()
    {
        Directory.CreateDirectory(root);
        ConnectionString = await StartPostgresAsync();
        var web = WebDll();
        A = new AppInstance("A", web, FreePort(), Settings("A"), Path.Combine(root, "a.log"));
        B = new AppInstance("B", web, FreePort(), Settings("B"), Path.Combine(root, "b.log"));
        // Both at the same moment, on the empty database: one migrates and seeds, the other waits for it.
        A.Start();
        B.Start();
        await Task.WhenAll(A.WaitReadyAsync(TimeSpan.FromMinutes(8)), B.WaitReadyAsync(TimeSpan.FromMinutes(8)));
        BalancerUrl = "http://127.0.0.1:" + StartNginx();
        await WaitForAsync(BalancerUrl + "/account/login", TimeSpan.FromSeconds(30));
    }

    Dictionary<string, string> Settings(string name) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Database__Provider"] = "Postgres",
        ["ConnectionStrings__GameOps"] = ConnectionString,
        ["Database__MigrateOnStartup"] = "true",
        ["Seed__DemoData"] = "true",
        ["Seed__Scale"] = "0.02",
        ["Seed__DemoStaffPassword"] = Password,
        ["Security__SignInAttemptsPerMinute"] = "1000",
        ["Analytics__RollupIntervalMinutes"] = "0",
        ["Jobs__BroadcastIntervalSeconds"] = "2",
        ["Jobs__StartDelaySeconds"] = "1",
        // The report queue's own periodic re-read is pushed out of the test's reach, so a claim made on one instance
        // can only reach a page on the other through the LISTEN/NOTIFY change notice.
        ["Moderation__QueueRefreshSeconds"] = "3600",
        ["Deployment__InstanceName"] = name,
        ["Deployment__ForwardedHeaders"] = "true",
        ["Deployment__ShutdownSeconds"] = "10",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__GameOps.Web"] = "Information",
    };

    /// <summary>A log of which instance migrated and which waited (from their logs).</summary>
    public string Logs() => A.Log() + "\n---- B ----\n" + B.Log();

    /// <summary>Stops everything this cluster started, each part even when another fails to stop.</summary>
    public async ValueTask DisposeAsync()
    {
        try { if (nginx is { HasExited: false }) { nginx.Kill(true); await nginx.WaitForExitAsync(); } }
        catch (InvalidOperationException) { }
        if (A is not null) await Quietly(A.DisposeAsync().AsTask());
        if (B is not null) await Quietly(B.DisposeAsync().AsTask());
        if (pgBin is not null && Directory.Exists(Path.Combine(root, "data")))
            await Quietly(RunPgAsync("pg_ctl", ["stop", "-D", Path.Combine(root, "data"), "-m", "immediate", "-w"], allowFailure: true));
        try { Directory.Delete(root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    static async Task Quietly(Task stop)
    {
        try { await stop; }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or IOException) { }
    }

    static string WebDll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GameOps.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("GameOps.sln not found above " + AppContext.BaseDirectory);
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var dll = Path.Combine(dir.FullName, "GameOps.Web", "bin", configuration, "net10.0", "GameOps.Web.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException("Build GameOps.Web first: no " + dll);
    }

    int StartNginx()
    {
        var port = FreePort();
        var conf = Path.Combine(root, "nginx.conf");
        File.WriteAllText(conf, $$"""
            daemon off;
            master_process off;
            worker_processes 1;
            pid {{root}}/nginx.pid;
            error_log {{root}}/nginx-error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{root}}/nginx-body;
                proxy_temp_path {{root}}/nginx-proxy;
                fastcgi_temp_path {{root}}/nginx-fastcgi;
                uwsgi_temp_path {{root}}/nginx-uwsgi;
                scgi_temp_path {{root}}/nginx-scgi;
                map $http_upgrade $connection_upgrade { default upgrade; '' close; }
                map $cookie_gameops_affinity $gameops_affinity { "" $request_id; default $cookie_gameops_affinity; }
                map $cookie_gameops_affinity $gameops_affinity_cookie { "" "gameops_affinity=$request_id; Path=/; HttpOnly; SameSite=Lax"; default ""; }
                upstream gameops {
                    hash $gameops_affinity consistent;
                    server 127.0.0.1:{{A.Port}} max_fails=1 fail_timeout=30s;
                    server 127.0.0.1:{{B.Port}} max_fails=1 fail_timeout=30s;
                }
                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        proxy_pass http://gameops;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_read_timeout 1h;
                        proxy_next_upstream error timeout http_502 http_503;
                        add_header Set-Cookie $gameops_affinity_cookie;
                    }
                }
            }
            """);
        nginx = Process.Start(new ProcessStartInfo(File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx", ["-c", conf, "-e", Path.Combine(root, "nginx-error.log")])
        {
            RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        }) ?? throw new InvalidOperationException("nginx did not start (install Debian's nginx package; test.sh does).");
        return port;
    }

    async Task<string> StartPostgresAsync()
    {
        pgBin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderByDescending(d => d).FirstOrDefault()
            ?? throw new InvalidOperationException("No PostgreSQL under /usr/lib/postgresql (test.sh installs it).");
        asPostgres = Environment.UserName == "root" || geteuid() == 0;
        if (asPostgres) await RunAsync("chown", ["-R", "postgres:", root]);
        var data = Path.Combine(root, "data");
        await RunPgAsync("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        var port = FreePort();
        await RunPgAsync("pg_ctl", ["start", "-D", data, "-w", "-t", "60", "-l", Path.Combine(root, "postgres.log"),
            "-o", $"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200"]);
        var admin = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres", Pooling = false }.ConnectionString;
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE gameops", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = "gameops", Pooling = true }.ConnectionString;
    }

    Task RunPgAsync(string tool, string[] args, bool allowFailure = false) =>
        asPostgres ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(pgBin!, tool), .. args], allowFailure)
                   : RunAsync(Path.Combine(pgBin!, tool), args, allowFailure);

    static async Task RunAsync(string file, string[] args, bool allowFailure = false)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false })!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 && !allowFailure) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {await stderr}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static async Task WaitForAsync(string url, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try { if ((await http.GetAsync(url)).IsSuccessStatusCode) return; }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException(url + " did not answer.");
            await Task.Delay(250);
        }
    }

    [DllImport("libc")] static extern uint geteuid();
}

/// <summary>One GameOps process. <see cref="StopAsync"/> sends SIGTERM (a graceful stop, as systemd does).</summary>
public sealed class AppInstance(string name, string dll, int port, IReadOnlyDictionary<string, string> settings, string logFile) : IAsyncDisposable
{
    Process? process;

    public string Name { get; } = name;
    public int Port { get; } = port;
    public string Url => "http://127.0.0.1:" + Port;

    public void Start()
    {
        var info = new ProcessStartInfo("dotnet", [dll, "--urls", Url])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var (key, value) in settings) info.Environment[key] = value;
        process = Process.Start(info)!;
        var log = new StreamWriter(logFile) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Log()
    {
        try
        {
            using var stream = new FileStream(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return new StreamReader(stream).ReadToEnd();
        }
        catch (IOException) { return ""; }
    }

    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (process is { HasExited: true }) throw new InvalidOperationException($"Instance {Name} exited:\n{Log()}");
            try { if ((await http.GetAsync(Url + "/account/login")).IsSuccessStatusCode) return; }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Instance {Name} did not start:\n{Log()}");
            await Task.Delay(500);
        }
    }

    public bool Running => process is { HasExited: false };

    /// <summary>SIGTERM, then waits for the process to drain and exit.</summary>
    public async Task StopAsync()
    {
        if (process is not { HasExited: false }) return;
        _ = kill(process.Id, 15);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try { await process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { process.Kill(true); }
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(true);
            await process.WaitForExitAsync();
        }
        process?.Dispose();
    }

    [DllImport("libc", SetLastError = true)] static extern int kill(int pid, int signal);
}
