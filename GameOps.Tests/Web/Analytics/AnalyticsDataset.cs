using GameOps.Web.Security;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Services.Analytics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GameOps.Tests.Web.Analytics;

/// <summary>
/// A small hand-built dataset whose figures are worked out by hand (see the comments): refunds and chargebacks on
/// other days than the purchase, a session across midnight UTC, a signup late in the evening retained after midnight,
/// empty days (03-03, 03-04), a pending and a failed payment, a cancelled match and reports resolved across days.
/// "Today" is 2026-03-11.
/// </summary>
public static class AnalyticsDataset
{
    public static readonly DateTime Today = Day(11);
    public static DateTime Day(int day, int hour = 0, int minute = 0) => new(2026, 3, day, hour, minute, 0, DateTimeKind.Utc);
    public static readonly DayRange Week = new(Day(1), Day(5)); // 5 days

    public static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), C = Guid.NewGuid(), D = Guid.NewGuid();

    static Player P(Guid id, string name, DateTime created, string status = "active") =>
        new() { Id = id, Username = name, Email = $"{name}@example.test", PasswordHash = "x", Status = status, CreatedAt = created };

    static SessionData S(Guid user, DateTime start, int? seconds) =>
        new() { Id = Guid.NewGuid(), UserId = user, SessionId = Guid.NewGuid().ToString("N"), StartTime = start, Duration = seconds,
            EndTime = seconds is { } s ? start.AddSeconds(s) : null, CreatedAt = start };

    static int tx;
    static PaymentTransaction T(Guid user, decimal usd, string status, DateTime created, DateTime? completed, DateTime? refunded, string sku = "gems_100",
        string currency = "USD", decimal? amount = null) => new()
    {
        Id = Guid.NewGuid(), TransactionId = $"tx-{Interlocked.Increment(ref tx)}-{Guid.NewGuid():N}"[..30], UserId = user, Amount = amount ?? usd, Currency = currency,
        AmountUsd = usd, ProductSku = sku, Quantity = 1, Provider = "stripe", ProviderTransactionId = Guid.NewGuid().ToString("N"), Status = status,
        CreatedAt = created, CompletedAt = completed, RefundedAt = refunded,
    };

    static PlayerReport R(DateTime created, DateTime? resolved, string status) => new()
    {
        Id = Guid.NewGuid(), ReporterUserId = D, TargetUserId = A, Category = "cheating", Priority = 2, Status = status,
        CreatedAt = created, UpdatedAt = resolved ?? created, ResolvedAt = resolved,
    };

    public static async Task SeedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        db.Players.AddRange(P(A, "alice", Day(1, 10)), P(B, "bob", Day(1, 23, 30)), P(C, "carol", Day(2, 5), "banned"),
            P(D, "dave", new DateTime(2026, 2, 20, 8, 0, 0, DateTimeKind.Utc)));
        db.SessionData.AddRange(
            S(A, Day(1, 10, 5), 600),
            S(A, Day(1, 23, 50), 1800), // across midnight: counts on 03-01, the day it starts
            S(A, Day(2, 9), 120),
            S(B, Day(2, 0, 10), 300), // bob signed up 23:30 on 03-01: retained on D1
            S(C, Day(2, 6), null),
            S(D, Day(5, 12), 60));
        db.PaymentTransactions.AddRange(
            T(A, 10m, "completed", Day(1, 11, 59), Day(1, 12), null),
            T(B, 5m, "refunded", Day(2, 1), Day(2, 1), Day(4, 8), "gems_50", "EUR", 4.6m),
            T(C, 20m, "charged_back", Day(2, 2), Day(2, 2), Day(2, 20)),
            T(D, 99m, "pending", Day(2, 3), null, null),
            T(A, 7m, "failed", Day(3, 3), null, null));
        db.Matches.AddRange(
            new Match { Id = Guid.NewGuid(), MatchId = "m1", GameMode = "duel", MatchType = "ranked", Status = "completed", StartedAt = Day(1, 15), CreatedAt = Day(1, 14) },
            new Match { Id = Guid.NewGuid(), MatchId = "m2", GameMode = "duel", MatchType = "casual", Status = "waiting", CreatedAt = Day(2, 15) },
            new Match { Id = Guid.NewGuid(), MatchId = "m3", GameMode = "duel", MatchType = "casual", Status = "cancelled", CreatedAt = Day(2, 16) });
        db.PlayerReports.AddRange(
            R(Day(1, 10), Day(1, 14), "resolved"), // 4 h
            R(Day(2, 10), null, "open"),
            R(new DateTime(2026, 2, 28, 0, 0, 0, DateTimeKind.Utc), Day(3), "resolved")); // 72 h, open at the end of February
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public static RollupService Rollups(TestDatabase database, int recomputeDays = 3) =>
        new(database.Options, Options.Create(new AnalyticsOptions { RecomputeDays = recomputeDays }), NullLogger<RollupService>.Instance);

    public static ServiceProvider Services(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGameOpsWebData(database);
        services.AddScoped<AnalyticsService>();
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<CurrentStaff>().Use(WebServices.Staff(StaffRoles.Manager)); // the service demands AnalyticsRead
        return provider;
    }

    /// <summary>Every rollup row as comparable text.</summary>
    public static async Task<List<string>> SnapshotAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        // Snapshots (current status mix, level distribution) describe "now", not a day's raw rows, so a direct day computation has none.
        var snapshots = RollupService.SnapshotMetrics;
        return (await db.MetricRollups.AsNoTracking().Where(r => !snapshots.Contains(r.MetricName)).ToListAsync(TestContext.Current.CancellationToken))
            .Select(r => $"{r.MetricName}|{r.Day:yyyy-MM-dd}|{r.Dimension}|{r.Value:0.####}|{r.Count}").Order().ToList();
    }
}
