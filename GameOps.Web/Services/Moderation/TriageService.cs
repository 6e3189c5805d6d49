using System.Text.Json;
using System.Text.Json.Nodes;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Services.Moderation;

public sealed record FraudRow(Guid Id, Guid UserId, string Username, string FraudType, double RiskScore, IReadOnlyList<(string Key, string Value)> Indicators,
    bool IsConfirmed, string? Resolution, DateTime DetectedAt, DateTime? ResolvedAt);

public sealed record LinkedAccount(Guid Id, string Username, string Status);
public sealed record LinkedAccounts(string SharedIp, IReadOnlyList<LinkedAccount> Accounts, int Total);

public sealed record SecurityRow(Guid Id, Guid? UserId, string? Username, string EventType, string Severity, string? Description, string? IpAddress,
    bool IsResolved, DateTime CreatedAt, DateTime? ResolvedAt, string? ResolutionNote);

/// <summary>
/// Fraud flags and security events: lists for triage and their decisions. A fraud confirmation can sanction the player
/// in the same transaction. Security events have no note column: the resolution note is kept in <c>details.resolution_note</c>.
/// </summary>
public sealed class TriageService(IDbContextFactory<GameOpsDbContext> contexts, CurrentStaff currentStaff, ModerationService moderation)
{

    public async Task<(IReadOnlyList<FraudRow> Rows, int Total)> ListFraudAsync(bool openOnly, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.ModerationRead);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.FraudDetection.AsNoTracking();
        if (openOnly) query = query.Where(f => f.ResolvedAt == null);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(f => f.RiskScore).ThenBy(f => f.DetectedAt).Skip(page * pageSize).Take(pageSize)
            .Select(f => new { f.Id, f.UserId, f.User.Username, f.FraudType, f.RiskScore, f.Indicators, f.IsConfirmed, f.Resolution, f.DetectedAt, f.ResolvedAt })
            .ToListAsync(cancellationToken);
        return (rows.Select(f => new FraudRow(f.Id, f.UserId, f.Username, f.FraudType, (double)f.RiskScore, Readable(f.Indicators), f.IsConfirmed, f.Resolution, f.DetectedAt, f.ResolvedAt)).ToList(), total);
    }

    public const int LinkedAccountsShown = 20;

    /// <summary>
    /// For each flag whose indicators name a shared IP address: the other accounts that signed in from it (their
    /// sessions), as links for triage. The address itself stays personal data: the page masks it.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, LinkedAccounts>> LinkedAccountsAsync(IReadOnlyList<FraudRow> flags, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.ModerationRead);
        var result = new Dictionary<Guid, LinkedAccounts>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var flag in flags)
        {
            var ip = flag.Indicators.FirstOrDefault(i => IsIpAddress(i.Value)).Value;
            if (ip is null) continue;
            var others = db.UserSessions.AsNoTracking().Where(s => s.IpAddress == ip && s.UserId != flag.UserId).Select(s => s.UserId).Distinct();
            var total = await others.CountAsync(cancellationToken);
            var accounts = await db.Players.AsNoTracking().Where(p => others.Contains(p.Id)).OrderBy(p => p.Username).Take(LinkedAccountsShown)
                .Select(p => new LinkedAccount(p.Id, p.Username, p.Status)).ToListAsync(cancellationToken);
            result[flag.Id] = new LinkedAccounts(ip, accounts, total);
        }
        return result;
    }

    public static bool IsIpAddress(string? value) =>
        value is { Length: >= 3 } && (value.Contains('.') || value.Contains(':')) && System.Net.IPAddress.TryParse(value, out _);

    /// <summary>Turns an indicators JSON document into label/value lines ("Accounts on same IP: 4").</summary>
    public static IReadOnlyList<(string Key, string Value)> Readable(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        JsonNode? node;
        try { node = JsonNode.Parse(json); }
        catch (JsonException) { return [("Indicators", json)]; }
        var lines = new List<(string, string)>();
        void Walk(string prefix, JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var (k, v) in o) Walk(prefix.Length == 0 ? Label(k) : $"{prefix} › {Label(k)}", v);
                    break;
                case JsonArray a when a.All(x => x is JsonValue):
                    lines.Add((prefix, string.Join(", ", a.Select(x => x?.ToString()))));
                    break;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++) Walk($"{prefix} #{i + 1}", a[i]);
                    break;
                default:
                    lines.Add((prefix.Length == 0 ? "Value" : prefix, n?.ToString() ?? "—"));
                    break;
            }
        }
        Walk("", node);
        return lines;
    }

    static string Label(string key) => key.Length == 0 ? key : char.ToUpperInvariant(key[0]) + key[1..].Replace('_', ' ');

    /// <summary>Confirms or dismisses a fraud flag with a resolution; a confirmation may sanction the player in the same transaction.</summary>
    public async Task<OperationResult> DecideFraudAsync(Guid flagId, bool confirm, string resolution, SanctionRequest? sanction = null, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.ModerationAct);
        if (string.IsNullOrWhiteSpace(resolution)) return OperationResult.Refused("A resolution is required.");
        if (sanction is not null && !confirm) return OperationResult.Refused("Only a confirmed flag can sanction the player.");
        if (sanction is not null && ModerationService.Validate(sanction) is { } invalid) return OperationResult.Refused(invalid);
        if (CurrentStaff.IdOf(await currentStaff.GetPrincipalAsync()) is null) return OperationResult.Refused("You are not signed in.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var flag = await db.FraudDetection.FirstOrDefaultAsync(f => f.Id == flagId, cancellationToken);
        if (flag is null) return OperationResult.Refused("This flag no longer exists.");
        if (flag.ResolvedAt is not null) return OperationResult.Refused("This flag was already resolved.");
        flag.IsConfirmed = confirm;
        flag.Resolution = (confirm ? "confirmed: " : "dismissed: ") + resolution.Trim();
        flag.ResolvedAt = VersioningInterceptor.Truncate(DateTime.UtcNow);
        if (sanction is not null)
            await moderation.ApplySanctionAsync(db, flag.UserId, sanction, CurrentStaff.IdOf(await currentStaff.GetPrincipalAsync())!.Value, flag.ResolvedAt.Value, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return OperationResult.Success(confirm ? sanction is null ? "Flag confirmed." : $"Flag confirmed; {sanction.Kind.Label().ToLowerInvariant()} applied." : "Flag dismissed.");
    }

    public async Task<(IReadOnlyList<SecurityRow> Rows, int Total)> ListSecurityAsync(string? severity, bool openOnly, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.ModerationRead);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.SecurityEvents.AsNoTracking();
        if (openOnly) query = query.Where(e => !e.IsResolved);
        if (!string.IsNullOrEmpty(severity)) query = query.Where(e => e.Severity == severity);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderBy(e => e.Severity == "critical" ? 0 : e.Severity == "high" ? 1 : e.Severity == "medium" ? 2 : 3).ThenByDescending(e => e.CreatedAt)
            .Skip(page * pageSize).Take(pageSize)
            .Select(e => new { e.Id, e.UserId, Username = e.User != null ? e.User.Username : null, e.EventType, e.Severity, e.Description, e.IpAddress, e.IsResolved, e.CreatedAt, e.ResolvedAt, e.Details })
            .ToListAsync(cancellationToken);
        return (rows.Select(e => new SecurityRow(e.Id, e.UserId, e.Username, e.EventType, e.Severity, e.Description, e.IpAddress, e.IsResolved, e.CreatedAt, e.ResolvedAt, NoteOf(e.Details))).ToList(), total);
    }

    static string? NoteOf(string? details)
    {
        try { return details is null ? null : (JsonNode.Parse(details) as JsonObject)?["resolution_note"]?.ToString(); }
        catch (JsonException) { return null; }
    }

    public async Task<OperationResult> ResolveSecurityEventAsync(Guid eventId, string note, CancellationToken cancellationToken = default)
    {
        await currentStaff.DemandAsync(Permission.ModerationAct);
        if (string.IsNullOrWhiteSpace(note)) return OperationResult.Refused("A note is required.");
        var user = await currentStaff.GetPrincipalAsync();
        if (CurrentStaff.IdOf(user) is null) return OperationResult.Refused("You are not signed in.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var e = await db.SecurityEvents.FirstOrDefaultAsync(x => x.Id == eventId, cancellationToken);
        if (e is null) return OperationResult.Refused("This event no longer exists.");
        if (e.IsResolved) return OperationResult.Refused("This event was already resolved.");
        JsonObject details;
        try { details = (e.Details is null ? null : JsonNode.Parse(e.Details) as JsonObject) ?? new JsonObject(); }
        catch (JsonException) { details = new JsonObject { ["original"] = e.Details }; }
        details["resolution_note"] = note.Trim();
        details["resolved_by"] = CurrentStaff.EmailOf(user);
        e.Details = details.ToJsonString();
        e.IsResolved = true;
        e.ResolvedAt = VersioningInterceptor.Truncate(DateTime.UtcNow);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success("Event resolved.");
    }
}
