using System.Globalization;
using GameOps.Data;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Web.Services.Analytics;

/// <summary>The bucket one drilled point stands for: the database, its start and end (end exclusive) and the table's title.</summary>
public sealed record DrillWindow(GameOpsDbContext Db, DateTime From, DateTime To, CancellationToken Ct)
{
    public string Title => $"{From:yyyy-MM-dd} – {To.AddDays(-1):yyyy-MM-dd}";
}

/// <summary>
/// What clicking a chart's point shows: the rows behind a bucket (<see cref="Rows"/>), or, when <see cref="Rows"/> is null, the
/// point's key is a player id and the chart links straight to that player. A chart offers one by its declaration
/// (<see cref="ChartDefinition.Drill"/>); <see cref="AnalyticsService.DrillAsync"/> runs it by its key.
/// </summary>
public sealed record DrillDown(string Key, Func<DrillWindow, Task<DrillTable>>? Rows)
{
    public bool LinksToPlayer => Rows is null;
}

/// <summary>Every drill-down, declared once (like <see cref="ChartCatalog"/> for charts): a new one is a declaration here and a chart naming it.</summary>
public static class DrillDowns
{
    /// <summary>A drill table shows at most this many rows (and says so).</summary>
    public const int Limit = 500;

    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static readonly DrillDown Revenue = new("revenue", async w =>
    {
        var paid = MetricCatalog.PaidStatuses;
        var rows = await w.Db.PaymentTransactions.AsNoTracking()
            .Where(p => (p.CompletedAt >= w.From && p.CompletedAt < w.To && paid.Contains(p.Status)) || (p.RefundedAt >= w.From && p.RefundedAt < w.To))
            .OrderBy(p => p.CompletedAt).Take(Limit + 1)
            .Select(p => new { p.TransactionId, p.UserId, p.User.Username, p.Status, p.AmountUsd, p.Amount, p.Currency, p.ProductSku, p.CompletedAt, p.RefundedAt }).ToListAsync(w.Ct);
        return new DrillTable($"Transactions {w.Title}", ["Transaction", "Player", "Status", "USD", "Amount", "SKU", "Completed", "Refunded"],
            rows.Take(Limit).Select(p => new DrillRow([p.TransactionId, p.Username, p.Status, p.AmountUsd.ToString("0.00", Inv), $"{p.Amount.ToString("0.00", Inv)} {p.Currency}", p.ProductSku, Time(p.CompletedAt), Time(p.RefundedAt)],
                $"/players/{p.UserId}")).ToList(), rows.Count > Limit);
    });

    public static readonly DrillDown NewPlayers = new("new_players", async w =>
    {
        var rows = await w.Db.Players.AsNoTracking().Where(p => p.CreatedAt >= w.From && p.CreatedAt < w.To).OrderBy(p => p.CreatedAt).Take(Limit + 1)
            .Select(p => new { p.Id, p.Username, p.Status, p.CreatedAt, p.LastLogin }).ToListAsync(w.Ct);
        return new DrillTable($"New players {w.Title}", ["Player", "Status", "Signed up", "Last login"],
            rows.Take(Limit).Select(p => new DrillRow([p.Username, p.Status, Time(p.CreatedAt), Time(p.LastLogin)], $"/players/{p.Id}")).ToList(), rows.Count > Limit);
    });

    public static readonly DrillDown Sessions = new("sessions", async w =>
    {
        var rows = await w.Db.SessionData.AsNoTracking().Where(s => s.StartTime >= w.From && s.StartTime < w.To).OrderBy(s => s.StartTime).Take(Limit + 1)
            .Select(s => new { s.UserId, s.User.Username, s.SessionId, s.StartTime, s.EndTime, s.Duration }).ToListAsync(w.Ct);
        return new DrillTable($"Sessions {w.Title}", ["Player", "Session", "Start", "End", "Duration (s)"],
            rows.Take(Limit).Select(s => new DrillRow([s.Username, s.SessionId, Time(s.StartTime), Time(s.EndTime), s.Duration?.ToString(Inv) ?? ""], $"/players/{s.UserId}")).ToList(),
            rows.Count > Limit);
    });

    public static readonly DrillDown Reports = new("reports", async w =>
    {
        var rows = await w.Db.PlayerReports.AsNoTracking().Where(r => (r.CreatedAt >= w.From && r.CreatedAt < w.To) || (r.ResolvedAt >= w.From && r.ResolvedAt < w.To))
            .OrderBy(r => r.CreatedAt).Take(Limit + 1)
            .Select(r => new { r.Id, r.Category, r.Status, r.Priority, r.CreatedAt, r.ResolvedAt, Target = r.TargetUser.Username }).ToListAsync(w.Ct);
        return new DrillTable($"Reports opened or resolved {w.Title}", ["Target", "Category", "Priority", "Status", "Created", "Resolved"],
            rows.Take(Limit).Select(r => new DrillRow([r.Target, r.Category, r.Priority.ToString(Inv), r.Status, Time(r.CreatedAt), Time(r.ResolvedAt)], null)).ToList(),
            rows.Count > Limit);
    });

    /// <summary>Top spenders: each point is a player; the chart opens the player's profile.</summary>
    public static readonly DrillDown Player = new("player", null);

    public static readonly IReadOnlyList<DrillDown> All = [Revenue, NewPlayers, Sessions, Reports, Player];

    public static DrillDown? Find(string key) => All.FirstOrDefault(d => d.Key == key);

    static string Time(DateTime? d) => d?.ToString("yyyy-MM-dd HH:mm:ss", Inv) ?? "";
}
