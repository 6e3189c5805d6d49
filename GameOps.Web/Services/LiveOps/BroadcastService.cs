using System.Text.Json;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Data.Json;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Services.LiveOps;

/// <summary>Who a broadcast goes to: every player, players with an actor in a level range, a guild's members, or players with an actor in a zone.</summary>
public sealed class Segment
{
    public static readonly string[] Kinds = ["all", "level_range", "guild", "zone"];

    public string Kind { get; set; } = "all";
    public int? MinLevel { get; set; }
    public int? MaxLevel { get; set; }
    /// <summary><c>guilds.guild_id</c>.</summary>
    public string? GuildKey { get; set; }
    /// <summary><c>world_zones.zone_id</c> (an actor is in a zone when its <c>position.zone_id</c> says so).</summary>
    public string? ZoneKey { get; set; }

    public string? Validate() => LiveOpsRules.Audience.FirstProblem(this, DateTime.UtcNow);

    public string Describe() => Describe(null);

    /// <summary>"Guild Ravens", "Zone Greenhollow": the name when it is known, else the key.</summary>
    public string Describe(IReadOnlyDictionary<string, string>? names) => Kind switch
    {
        "level_range" => MinLevel is not null && MaxLevel is not null ? $"Levels {MinLevel}–{MaxLevel}" : MinLevel is not null ? $"Level {MinLevel}+" : $"Level ≤ {MaxLevel}",
        "guild" => $"Guild {NameOf(names, "guild:" + GuildKey) ?? GuildKey}",
        "zone" => $"Zone {NameOf(names, "zone:" + ZoneKey) ?? ZoneKey}",
        _ => "All players",
    };

    static string? NameOf(IReadOnlyDictionary<string, string>? names, string key) => names?.GetValueOrDefault(key);

    /// <summary>The <c>broadcasts.segment</c> JSON (e.g. {"min_level":10,"max_level":20} or {"guild_id":"…"}).</summary>
    public string ToJson() => Kind switch
    {
        "level_range" => JsonSerializer.Serialize(new { min_level = MinLevel, max_level = MaxLevel }),
        "guild" => JsonSerializer.Serialize(new { guild_id = GuildKey }),
        "zone" => JsonSerializer.Serialize(new { zone_id = ZoneKey }),
        _ => "{}",
    };

    public static Segment From(string kind, string? json)
    {
        var segment = new Segment { Kind = kind };
        try
        {
            using var doc = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return segment;
            if (root.TryGetProperty("min_level", out var min) && min.ValueKind == JsonValueKind.Number) segment.MinLevel = min.GetInt32();
            if (root.TryGetProperty("max_level", out var max) && max.ValueKind == JsonValueKind.Number) segment.MaxLevel = max.GetInt32();
            if (root.TryGetProperty("guild_id", out var guild) && guild.ValueKind == JsonValueKind.String) segment.GuildKey = guild.GetString();
            if (root.TryGetProperty("zone_id", out var zone) && zone.ValueKind == JsonValueKind.String) segment.ZoneKey = zone.GetString();
        }
        catch (JsonException) { }
        return segment;
    }
}

public sealed class BroadcastDraft
{
    public string Title { get; set; } = "";
    public string Message { get; set; } = "";
    public string Priority { get; set; } = "normal";
    public Segment Segment { get; set; } = new();
    /// <summary>Null sends now.</summary>
    public DateTime? ScheduledAt { get; set; }
}

public sealed record BroadcastRow(Guid Id, string Title, string Message, string SegmentType, string SegmentLabel, string Priority, string Status,
    DateTime? ScheduledAt, DateTime? SentAt, int RecipientCount, string? CreatedBy, DateTime CreatedAt, int Sent, int Delivered, int Failed, int Pending);

public sealed record BroadcastFailure(Guid UserId, string Username, string? Reason, int RetryCount, DateTime UpdatedAt);

/// <summary>
/// Broadcasts: segment preview, compose, send now or later, cancel, delivery figures. Sending materialises one
/// <c>notifications</c> row per recipient with a single INSERT … SELECT (no per-player round trip) inside the same
/// transaction that claims the broadcast (<c>status</c> scheduled/draft → sending, a conditional UPDATE), so a
/// broadcast is sent at most once even when the worker and a person press send together, and a failure leaves no
/// notification behind. The segment is one SQL condition used for both the preview count and the insert.
/// </summary>
public sealed class BroadcastService(IDbContextFactory<GameOpsDbContext> contexts, CurrentStaff currentStaff, TimeProvider? clock = null)
{
    public const int MaxTitleLength = 200;
    public const int MaxMessageLength = 2000;
    public static readonly string[] Priorities = ["low", "normal", "high", "urgent"];

    DateTime Now() => VersioningInterceptor.Truncate((clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);

    async Task<string?> RefuseUnlessWriterAsync() =>
        LiveOpsAccess.CanWrite(await currentStaff.GetPrincipalAsync()) ? null : "Your role can view broadcasts but not send them.";

    /// <summary>The segment as a condition on <c>users u</c>, with its parameters numbered from <paramref name="first"/>.</summary>
    internal static (string Sql, object[] Parameters) Condition(GameOpsDbContext db, Segment segment, int first = 0)
    {
        var p = new List<object>();
        string Next(object value) { p.Add(value); return "{" + (first + p.Count - 1) + "}"; }
        var postgres = db.Database.IsNpgsql();
        var sql = "u.status NOT IN ('banned', 'deleted')";
        switch (segment.Kind)
        {
            case "level_range":
                sql += $" AND EXISTS (SELECT 1 FROM actors a WHERE a.user_id = u.id AND a.level >= {Next(segment.MinLevel ?? 1)} AND a.level <= {Next(segment.MaxLevel ?? int.MaxValue)})";
                break;
            case "guild":
                sql += $" AND EXISTS (SELECT 1 FROM guild_members gm JOIN actors a ON a.id = gm.actor_id JOIN guilds g ON g.id = gm.guild_id WHERE a.user_id = u.id AND g.guild_id = {Next(segment.GuildKey!.Trim())})";
                break;
            case "zone":
                var zoneOf = postgres ? "a.position ->> 'zone_id'" : "json_extract(a.position, '$.zone_id')";
                sql += $" AND EXISTS (SELECT 1 FROM actors a WHERE a.user_id = u.id AND {zoneOf} = {Next(segment.ZoneKey!.Trim())})";
                break;
        }
        return (sql, p.ToArray());
    }

    public async Task<(int Count, string? Error)> PreviewAsync(Segment segment, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.LiveOpsRead);
        if (segment.Validate() is { } error) return (0, error);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return (await CountAsync(db, segment, ct), null);
    }

    internal static async Task<int> CountAsync(GameOpsDbContext db, Segment segment, CancellationToken ct)
    {
        var (condition, parameters) = Condition(db, segment);
        // Only fixed SQL text is spliced; every value is a parameter.
        var sql = $"SELECT CAST(COUNT(*) AS INTEGER) AS \"Value\" FROM users u WHERE {condition}";
        return await db.Database.SqlQueryRaw<int>(sql, parameters).SingleAsync(ct);
    }

    public static string? Validate(BroadcastDraft draft, DateTime now)
    {
        return LiveOpsRules.Broadcast.FirstProblem(draft, now);
    }

    /// <summary>Creates the broadcast; sends it at once when it has no time, otherwise leaves it to the worker.</summary>
    public async Task<OperationResult> CreateAsync(BroadcastDraft draft, CancellationToken ct = default)
    {
        if (await RefuseUnlessWriterAsync() is { } denied) return OperationResult.Refused(denied);
        var now = Now();
        if (Validate(draft, now) is { } invalid) return OperationResult.Refused(invalid);
        var user = await currentStaff.GetPrincipalAsync();
        var broadcast = new Broadcast
        {
            Id = Guid.CreateVersion7(), Title = draft.Title.Trim(), Message = draft.Message.Trim(), SegmentType = draft.Segment.Kind,
            Segment = draft.Segment.ToJson(), Priority = draft.Priority, Status = draft.ScheduledAt is null ? "draft" : "scheduled",
            ScheduledAt = draft.ScheduledAt is { } at ? EventScheduling.Utc(at) : null, CreatedByStaffId = CurrentStaff.IdOf(user),
        };
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            if (broadcast.CreatedByStaffId is { } staffId && !await db.Users.AnyAsync(u => u.Id == staffId, ct)) broadcast.CreatedByStaffId = null;
            db.Broadcasts.Add(broadcast);
            await db.SaveChangesAsync(ct);
        }
        if (broadcast.ScheduledAt is { } when) return OperationResult.Success($"Scheduled for {when:yyyy-MM-dd HH:mm} UTC.", broadcast.Id);
        var sent = await SendAsync(broadcast.Id, ct);
        return sent.Ok ? sent with { Id = broadcast.Id } : sent;
    }

    /// <summary>Sends a draft or scheduled broadcast now (staff with write permission).</summary>
    public async Task<OperationResult> SendNowAsync(Guid broadcastId, CancellationToken ct = default)
    {
        if (await RefuseUnlessWriterAsync() is { } denied) return OperationResult.Refused(denied);
        return await SendAsync(broadcastId, ct);
    }

    public async Task<OperationResult> CancelAsync(Guid broadcastId, CancellationToken ct = default)
    {
        if (await RefuseUnlessWriterAsync() is { } denied) return OperationResult.Refused(denied);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var broadcast = await db.Broadcasts.FirstOrDefaultAsync(b => b.Id == broadcastId, ct);
        if (broadcast is null) return OperationResult.Refused("This broadcast no longer exists.");
        if (broadcast.Status is not ("draft" or "scheduled")) return OperationResult.Refused($"This broadcast is {broadcast.Status}; only drafts and scheduled ones can be cancelled.");
        broadcast.Status = "cancelled";
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return OperationResult.Refused("The broadcast changed meanwhile (probably just sent); reload to see it."); }
        return OperationResult.Success("Broadcast cancelled.");
    }

    /// <summary>
    /// The send itself, for staff and for the worker: claim, materialise the notifications, mark sent — one
    /// transaction. Returns a refusal (and changes nothing) when the broadcast is not draft or scheduled any more.
    /// No permission check: this is the worker's path; staff go through <see cref="SendNowAsync"/> or <see cref="CreateAsync"/>.
    /// </summary>
    public async Task<OperationResult> SendAsync(Guid broadcastId, CancellationToken ct = default)
    {
        var now = Now();
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Broadcasts.Where(b => b.Id == broadcastId && (b.Status == "draft" || b.Status == "scheduled"))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, "sending"), ct);
        if (claimed == 0)
        {
            var status = await db.Broadcasts.Where(b => b.Id == broadcastId).Select(b => b.Status).FirstOrDefaultAsync(ct);
            return OperationResult.Refused(status is null ? "This broadcast no longer exists." : $"This broadcast is already {status}.");
        }
        var broadcast = await db.Broadcasts.FirstAsync(b => b.Id == broadcastId, ct);
        var segment = Segment.From(broadcast.SegmentType, broadcast.Segment);
        if (segment.Validate() is { } invalid) return OperationResult.Refused($"Not sent: {invalid}");
        var count = await InsertNotificationsAsync(db, broadcast, segment, now, ct);
        broadcast.Status = "sent";
        broadcast.SentAt = now;
        broadcast.RecipientCount = count;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return OperationResult.Success(count == 0 ? "Sent, but the segment has no player." : $"Sent to {count:N0} player(s).", broadcastId);
    }

    static async Task<int> InsertNotificationsAsync(GameOpsDbContext db, Broadcast broadcast, Segment segment, DateTime now, CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        var data = JsonSerializer.Serialize(new { broadcast_id = broadcast.Id, segment_type = broadcast.SegmentType }, GameJsonSerializer.Options);
        object[] values = [broadcast.Title, broadcast.Message, data, broadcast.Priority, broadcast.ScheduledAt ?? now, now];
        var (condition, parameters) = Condition(db, segment, values.Length);
        var newId = postgres
            ? "gen_random_uuid()"
            : "upper(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(h, 14, 3) || '-' || substr('89AB', (abs(random()) % 4) + 1, 1) || substr(h, 18, 3) || '-' || substr(h, 21, 12))";
        var newKey = postgres ? "'ntf_' || substr(md5(random()::text || u.id::text), 1, 24)" : "'ntf_' || lower(substr(h, 1, 24))";
        var source = postgres ? "users u" : "(SELECT u.*, hex(randomblob(16)) AS h FROM users u) u";
        var json = postgres ? "CAST({2} AS jsonb)" : "{2}";
        var sql = $$"""
            INSERT INTO notifications (id, notification_id, user_id, notification_type, channel, title, message, data, status, priority, scheduled_at, sent_at, retry_count, created_at, updated_at)
            SELECT {{newId}}, {{newKey}}, u.id, 'broadcast', 'in_game', {0}, {1}, {{json}}, 'sent', {3}, {4}, {5}, 0, {5}, {5}
            FROM {{source}}
            WHERE {{condition}}
            """;
        return await db.Database.ExecuteSqlRawAsync(sql, [.. values, .. parameters], ct);
    }

    public async Task<List<BroadcastRow>> ListAsync(CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.LiveOpsRead);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = await db.Broadcasts.AsNoTracking().OrderByDescending(b => b.ScheduledAt ?? b.CreatedAt).Take(200)
            .Select(b => new { b.Id, b.Title, b.Message, b.SegmentType, b.Segment, b.Priority, b.Status, b.ScheduledAt, b.SentAt, b.RecipientCount, Staff = b.CreatedByStaff != null ? b.CreatedByStaff.Email : null, b.CreatedAt })
            .ToListAsync(ct);
        var counts = await DeliveryCountsAsync(db, ct);
        var segments = rows.ToDictionary(b => b.Id, b => Segment.From(b.SegmentType, b.Segment));
        var guildKeys = segments.Values.Where(x => x.Kind == "guild" && x.GuildKey is not null).Select(x => x.GuildKey!).Distinct().ToList();
        var zoneKeys = segments.Values.Where(x => x.Kind == "zone" && x.ZoneKey is not null).Select(x => x.ZoneKey!).Distinct().ToList();
        var names = new Dictionary<string, string>();
        foreach (var g in await db.Guilds.AsNoTracking().Where(g => guildKeys.Contains(g.GuildId)).Select(g => new { g.GuildId, g.Name }).ToListAsync(ct)) names["guild:" + g.GuildId] = g.Name;
        foreach (var z in await db.WorldZones.AsNoTracking().Where(z => zoneKeys.Contains(z.ZoneId)).Select(z => new { z.ZoneId, z.Name }).ToListAsync(ct)) names["zone:" + z.ZoneId] = z.Name;
        return rows.Select(b =>
        {
            var c = counts.GetValueOrDefault(b.Id.ToString()) ?? [];
            int Of(string status) => c.GetValueOrDefault(status);
            return new BroadcastRow(b.Id, b.Title, b.Message, b.SegmentType, segments[b.Id].Describe(names), b.Priority, b.Status, b.ScheduledAt, b.SentAt,
                b.RecipientCount, b.Staff, b.CreatedAt, Of("sent"), Of("delivered"), Of("failed"), c.Where(x => x.Key is not ("sent" or "delivered" or "failed")).Sum(x => x.Value));
        }).ToList();
    }

    /// <summary>Read by column name through the model's snake_case convention.</summary>
    sealed record CountRow(string? BroadcastId, string Status, int Count);

    /// <summary>Notification counts per broadcast (the id read from <c>notifications.data</c>) and status, one grouped query.</summary>
    static async Task<Dictionary<string, Dictionary<string, int>>> DeliveryCountsAsync(GameOpsDbContext db, CancellationToken ct)
    {
        var idOf = db.Database.IsNpgsql() ? "n.data ->> 'broadcast_id'" : "json_extract(n.data, '$.broadcast_id')";
        var sql = $"SELECT {idOf} AS broadcast_id, n.status AS status, CAST(COUNT(*) AS INTEGER) AS count FROM notifications n WHERE n.notification_type = 'broadcast' GROUP BY {idOf}, n.status";
        var rows = await db.Database.SqlQueryRaw<CountRow>(sql).ToListAsync(ct);
        return rows.Where(r => r.BroadcastId is not null).GroupBy(r => r.BroadcastId!.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => g.ToDictionary(r => r.Status, r => r.Count));
    }

    public async Task<List<BroadcastFailure>> FailuresAsync(Guid broadcastId, int take = 100, CancellationToken ct = default)
    {
        await currentStaff.DemandAsync(Permission.LiveOpsRead);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var idOf = db.Database.IsNpgsql() ? "n.data ->> 'broadcast_id'" : "json_extract(n.data, '$.broadcast_id')";
        var sql = $"SELECT n.id AS \"Value\" FROM notifications n WHERE n.notification_type = 'broadcast' AND n.status = 'failed' AND lower({idOf}) = {{0}}";
        var ids = db.Database.SqlQueryRaw<Guid>(sql, broadcastId.ToString());
        return await db.Notifications.AsNoTracking().Where(n => ids.Contains(n.Id)).OrderByDescending(n => n.UpdatedAt).Take(take)
            .Select(n => new BroadcastFailure(n.UserId, n.User.Username, n.FailureReason, n.RetryCount, n.UpdatedAt)).ToListAsync(ct);
    }

    /// <summary>Scheduled broadcasts whose time has come (for the worker).</summary>
    public async Task<List<Guid>> DueAsync(CancellationToken ct)
    {
        var now = Now();
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Broadcasts.Where(b => b.Status == "scheduled" && b.ScheduledAt <= now).OrderBy(b => b.ScheduledAt).Select(b => b.Id).ToListAsync(ct);
    }
}
