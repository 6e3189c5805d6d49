using System.Text.Json;
using GameOps.Data;
using Npgsql;

namespace GameOps.Web.Infrastructure;

/// <summary>
/// "Something under <see cref="Topic"/> changed": a page that shows that topic re-reads what it shows (the notice carries
/// ids, never data, so nothing personal or secret travels through it). No ids means "anything in the topic".
/// </summary>
public sealed record ChangeNotice(string Topic, IReadOnlyList<string> Ids)
{
    /// <summary>Published after a lost connection to the notice channel: every page re-reads, since notices may have been missed.</summary>
    public const string Everything = "*";

    public bool Concerns(string topic) => Topic == topic || Topic == Everything;
}

/// <summary>Change notices between the circuits of this instance and, on PostgreSQL, of every other instance.</summary>
public interface IChangeNotices
{
    /// <summary>Raised on the publisher's instance at once, and on the others when the notice arrives.</summary>
    event Action<ChangeNotice>? Received;

    /// <summary>Fire and forget: a failed delivery to other instances is logged, never thrown at the caller.</summary>
    void Publish(ChangeNotice notice);
}

/// <summary>SQLite: one instance, so a notice only needs to reach this process.</summary>
public sealed class InProcessChangeNotices(ILogger<InProcessChangeNotices> logger) : IChangeNotices
{
    public event Action<ChangeNotice>? Received;

    public void Publish(ChangeNotice notice) => Raise(Received, notice, logger);

    internal static void Raise(Action<ChangeNotice>? handlers, ChangeNotice notice, ILogger logger)
    {
        if (handlers is null) return;
        foreach (var handler in handlers.GetInvocationList().Cast<Action<ChangeNotice>>())
        {
            try { handler(notice); }
            catch (Exception e) { logger.LogWarning(e, "A change-notice subscriber failed on {Topic}.", notice.Topic); }
        }
    }
}

/// <summary>
/// PostgreSQL: notices go through <c>NOTIFY gameops_changes</c>. One dedicated, long-lived connection per instance
/// <c>LISTEN</c>s and waits (<see cref="NpgsqlConnection.WaitAsync(CancellationToken)"/>); when it breaks it reconnects
/// with a growing pause, and after a reconnect publishes <see cref="ChangeNotice.Everything"/> locally, so pages re-read
/// whatever they may have missed. The publisher raises the notice in its own process at once and the listener drops
/// notices that come back from its own instance, so a local page never waits for the database round trip.
/// </summary>
public sealed class PostgresChangeNotices(DatabaseOptions database, ILogger<PostgresChangeNotices> logger) : BackgroundService, IChangeNotices
{
    public const string Channel = "gameops_changes";
    const int MaxIds = 100; // NOTIFY payloads must stay under 8000 bytes

    readonly string origin = Guid.NewGuid().ToString("N");
    readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public event Action<ChangeNotice>? Received;

    /// <summary>Completes once the first LISTEN is in place (tests wait for it before publishing from elsewhere).</summary>
    public Task Listening => listening.Task;

    string ConnectionString(string name) => new NpgsqlConnectionStringBuilder(database.ConnectionString)
    {
        ApplicationName = name,
        KeepAlive = 30,
    }.ConnectionString;

    public void Publish(ChangeNotice notice)
    {
        InProcessChangeNotices.Raise(Received, notice, logger);
        _ = SendAsync(notice);
    }

    async Task SendAsync(ChangeNotice notice)
    {
        try
        {
            var payload = JsonSerializer.Serialize(new Wire(origin, notice.Topic, notice.Ids.Count > MaxIds ? [] : notice.Ids));
            await using var connection = new NpgsqlConnection(ConnectionString("GameOps notices"));
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
            command.Parameters.AddWithValue("channel", Channel);
            command.Parameters.AddWithValue("payload", payload);
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not publish the change notice {Topic} to the other instances.", notice.Topic);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pause = TimeSpan.FromSeconds(1);
        var reconnecting = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(ConnectionString("GameOps notice listener"));
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => OnNotification(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                listening.TrySetResult();
                if (reconnecting)
                {
                    logger.LogInformation("Change-notice listener reconnected.");
                    InProcessChangeNotices.Raise(Received, new ChangeNotice(ChangeNotice.Everything, []), logger);
                }
                pause = TimeSpan.FromSeconds(1);
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                logger.LogWarning(e, "Change-notice listener lost its connection; reconnecting in {Seconds} s.", pause.TotalSeconds);
                reconnecting = true;
                try { await Task.Delay(pause, stoppingToken); }
                catch (OperationCanceledException) { return; }
                pause = TimeSpan.FromSeconds(Math.Min(pause.TotalSeconds * 2, 30));
            }
        }
    }

    void OnNotification(string payload)
    {
        Wire? wire;
        try { wire = JsonSerializer.Deserialize<Wire>(payload); }
        catch (JsonException) { logger.LogWarning("Ignored a malformed change notice."); return; }
        if (wire is null || wire.Origin == origin || string.IsNullOrEmpty(wire.Topic)) return;
        InProcessChangeNotices.Raise(Received, new ChangeNotice(wire.Topic, wire.Ids ?? []), logger);
    }

    sealed record Wire(string Origin, string Topic, IReadOnlyList<string>? Ids);
}
