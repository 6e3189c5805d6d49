using GameOps.Data.Entities;

namespace GameOps.Data.Seeding;

internal sealed partial class SeedRun
{
    const int HistoryDays = 90;

    // Daily aggregates (index 0 = 89 days ago, 89 = today), filled while sessions and payments are generated.
    readonly double[] dayDau = new double[HistoryDays];
    readonly double[] daySessions = new double[HistoryDays];
    readonly double[] dayMinutes = new double[HistoryDays];
    readonly double[] dayNewUsers = new double[HistoryDays];
    readonly double[] dayRevenue = new double[HistoryDays];
    readonly double[] dayRefunds = new double[HistoryDays];
    readonly double[] dayTransactions = new double[HistoryDays];
    readonly Dictionary<string, (double[] Usd, int[] Count)> dayRevenueByCurrency = new(StringComparer.Ordinal)
    {
        ["EUR"] = (new double[HistoryDays], new int[HistoryDays]),
        ["GBP"] = (new double[HistoryDays], new int[HistoryDays]),
        ["USD"] = (new double[HistoryDays], new int[HistoryDays]),
    };
    readonly HashSet<Guid>[] dayPayers = Enumerable.Range(0, HistoryDays).Select(_ => new HashSet<Guid>()).ToArray();
    readonly int[] hourConcurrent = new int[HistoryDays * 24];
    readonly int[] cohortSize = new int[HistoryDays];
    readonly int[] cohortD1 = new int[HistoryDays];
    readonly int[] cohortD7 = new int[HistoryDays];

    DateTime HistoryStart => Today.AddDays(-(HistoryDays - 1));
    int DayIndex(DateTime t) => (int)Math.Floor((t - HistoryStart).TotalDays);

    static readonly Dictionary<string, string[]> UserAgents = new()
    {
        ["windows"] = ["GameOpsClient/2.4.1 (Windows NT 10.0; Win64; x64) DirectX12", "GameOpsClient/2.4.0 (Windows NT 10.0; Win64; x64) Vulkan", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"],
        ["macos"] = ["GameOpsClient/2.4.1 (Macintosh; macOS 15.1; arm64) Metal", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15"],
        ["steam_deck"] = ["GameOpsClient/2.4.1 (Linux; SteamOS 3.6; x86_64) Proton 9.0"],
        ["ios"] = ["GameOpsMobile/2.4.1 (iPhone15,3; iOS 18.1; Scale/3.00)", "GameOpsMobile/2.4.0 (iPad13,4; iPadOS 17.6; Scale/2.00)"],
        ["android"] = ["GameOpsMobile/2.4.1 (Linux; Android 14; Pixel 8 Build/AP2A)", "GameOpsMobile/2.4.1 (Linux; Android 13; SM-S918B Build/TP1A)"],
    };

    async Task SeedSessionsAsync()
    {
        var r = Rng("session_data");
        // Two multi-accounting rings share one address each (documentation range 203.0.113.0/24).
        var rr = Rng("rings");
        var ringCandidates = players.Where(p => p.Troublemaker || p.Engagement > 0.8).ToList();
        for (var ring = 0; ring < Math.Max(2, Scaled(2)) && ringCandidates.Count >= 5; ring++)
        {
            var ip = $"203.0.113.{10 + ring % 240}";
            foreach (var p in rr.Sample(ringCandidates, rr.Between(3, 6)))
            {
                p.RingIp ??= ip;
                ringCandidates.Remove(p);
            }
        }

        var from90 = HistoryStart;
        foreach (var p in players)
        {
            var ci = DayIndex(p.CreatedAt);
            if (ci >= 0 && ci < HistoryDays) { dayNewUsers[ci]++; cohortSize[ci]++; }
            var from = Max(p.CreatedAt, from90);
            if (p.LastSeen < from) continue;
            var playedDays = new HashSet<int>();
            var e = p.Engagement;
            DateTime lastEnd = DateTime.MinValue;
            for (var day = from.Date; day <= p.LastSeen.Date; day = day.AddDays(1))
            {
                var first = day == p.CreatedAt.Date;
                var last = day == p.LastSeen.Date;
                var weekend = IsWeekend(day);
                if (!first && !last && !r.Chance((0.12 + 0.75 * e) * (weekend ? 1.2 : 0.93))) continue;
                var k = 1;
                while (k < 6 && r.Chance((0.2 + 0.35 * e) * (weekend ? 1.25 : 1))) k++;
                var starts = new List<DateTime>();
                for (var i = 0; i < k; i++) starts.Add(r.EveningBiased(day));
                if (first) starts.Add(p.CreatedAt.AddMinutes(1));
                if (last) starts.Add(p.LastSeen);
                starts = starts.Where(s => s >= p.CreatedAt && s <= p.LastSeen && s <= Now).Select(Sec).Distinct().Order().ToList();
                foreach (var start in starts)
                {
                    if (start < lastEnd.AddMinutes(3)) continue;
                    var minutes = Math.Clamp(Math.Exp(r.Normal(Math.Log(28), 0.75)) * (weekend ? 1.3 : 1.0) * (0.7 + 0.6 * e), 2, 360);
                    var end = Sec(start.AddMinutes(minutes));
                    if (start != p.LastSeen && end > p.LastSeen.AddMinutes(-5))
                    {
                        // Only the session that starts at the last login may run past it.
                        if (start > p.LastSeen.AddMinutes(-7)) continue;
                        end = Sec(p.LastSeen.AddMinutes(-5));
                    }
                    if (p.SanctionAt is { } sanction && end > sanction && start <= sanction) end = Sec(sanction);
                    var active = end > Now;
                    var durationSeconds = (int)(end - start).TotalSeconds;
                    lastEnd = active ? Now : end;
                    var mins = durationSeconds / 60.0;
                    var di = DayIndex(start);
                    if (di >= 0 && di < HistoryDays)
                    {
                        daySessions[di]++;
                        dayMinutes[di] += active ? (Now - start).TotalMinutes : mins;
                        if (playedDays.Add(di)) dayDau[di]++;
                        var h0 = di * 24 + start.Hour;
                        var h1 = Math.Min(HistoryDays * 24 - 1, (int)Math.Floor(((active ? Now : end) - HistoryStart).TotalHours));
                        for (var h = h0; h <= h1; h++) hourConcurrent[h]++;
                    }
                    var week = (int)((Now - start).TotalDays / 7);
                    if (week is >= 0 and < 8)
                    {
                        p.WeekMinutes[week] += active ? (Now - start).TotalMinutes : mins;
                        p.WeekSessions[week]++;
                    }
                    var fps = p.Platform is "ios" or "android" ? r.Between(28.0, 60.0) : p.Platform == "steam_deck" ? r.Between(35.0, 60.0) : r.Between(55.0, 144.0);
                    await AddAsync(new SessionData
                    {
                        Id = r.NextGuid(),
                        UserId = p.Id,
                        SessionId = "sess_" + r.Hex(24),
                        StartTime = start,
                        EndTime = active ? null : end,
                        Duration = active ? null : durationSeconds,
                        Actions = Json(new
                        {
                            mobs_killed = (int)(mins * r.Between(0.5, 3.0)),
                            quests_completed = (int)(mins / 25 * r.NextDouble() * 2),
                            items_looted = (int)(mins * r.Between(0.2, 1.5)),
                            messages_sent = (int)(mins / 10 * r.NextDouble() * (p.Troublemaker ? 3 : 1)),
                            zones_visited = 1 + (int)(mins / 40),
                            matches_played = p.Main.Level >= 10 ? (int)(mins / 30 * r.NextDouble()) : 0,
                        }),
                        Performance = Json(new
                        {
                            platform = p.Platform,
                            client_version = r.Chance(0.85) ? "2.4.1" : "2.4.0",
                            avg_fps = R1(fps),
                            avg_latency_ms = r.Between(18, p.Country is "BR" or "JP" ? 220 : 110),
                            packet_loss_percent = R1(r.Chance(0.9) ? r.Between(0.0, 0.5) : r.Between(0.5, 6.0)),
                            crashes = r.Chance(0.015) ? 1 : 0,
                        }),
                        CreatedAt = start,
                    });
                }
            }
            foreach (var d in playedDays)
                if (d >= HistoryDays - 30) p.ActiveDays30++;
            if (ci >= 0 && ci < HistoryDays)
            {
                if (playedDays.Contains(ci + 1)) cohortD1[ci]++;
                if (playedDays.Contains(ci + 7)) cohortD7[ci]++;
            }
        }
        await FlushAsync();

        await SeedUserSessionsAsync();
    }

    async Task SeedUserSessionsAsync()
    {
        var r = Rng("user_sessions");
        foreach (var p in players)
        {
            var n = Math.Clamp(1 + (int)(p.Engagement * 5 * r.NextDouble()), 1, 6);
            var from = Max(p.CreatedAt, Now.AddDays(-30));
            var times = new List<DateTime> { p.LastSeen };
            for (var i = 1; i < n && p.LastSeen > from; i++) times.Add(r.Between(from, p.LastSeen));
            times.Sort();
            for (var i = 0; i < times.Count; i++)
            {
                var created = times[i];
                var isLast = i == times.Count - 1;
                var active = isLast && p.Active && p.LastSeen > Now.AddDays(-2);
                var ip = p.RingIp is not null && r.Chance(0.7) ? p.RingIp : r.Chance(0.85) ? p.HomeIp : RandomIp(r, p.Platform);
                await AddAsync(new UserSession
                {
                    Id = r.NextGuid(),
                    UserId = p.Id,
                    SessionToken = "st_" + r.Alnum(48),
                    IpAddress = ip,
                    UserAgent = r.Pick(UserAgents[p.Platform]),
                    CreatedAt = created,
                    ExpiresAt = Sec(created.AddDays(30)),
                    LastActivity = active ? Sec(Min(Now, p.LastSeen.AddMinutes(r.Between(1, 120)))) : Sec(Min(Now, created.AddMinutes(r.Between(5, 300)))),
                    IsActive = active,
                });
            }
        }
        await FlushAsync();
    }

    // ---------------------------------------------------------------- payments

    static readonly (string Sku, string Name, double Usd, double Gbp, double Weight, int Gems)[] Products =
    [
        ("gems_100", "100 Gems", 0.99, 0.89, 10, 100),
        ("gems_500", "500 Gems", 4.99, 4.49, 20, 500),
        ("gems_1200", "1,200 Gems", 9.99, 8.99, 14, 1200),
        ("gems_2500", "2,500 Gems", 19.99, 17.99, 7, 2500),
        ("gems_6500", "6,500 Gems", 49.99, 44.99, 3, 6500),
        ("gems_14000", "14,000 Gems", 99.99, 89.99, 1, 14000),
        ("starter_pack", "Starter Pack", 2.99, 2.49, 12, 300),
        ("season_pass", "Season Pass", 9.99, 8.99, 10, 0),
        ("cosmetic_dragon_mount", "Dragon Mount Bundle", 14.99, 13.99, 4, 0),
        ("xp_booster_7d", "7-day XP Booster", 3.99, 3.49, 8, 0),
    ];

    const double EurUsd = 1.08;
    const double GbpUsd = 1.27;

    async Task SeedPaymentsAsync()
    {
        var r = Rng("payment_transactions");
        var providerIds = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<PaymentTransaction>();
        foreach (var p in players.Where(p => p.Payer))
        {
            var from = Max(p.CreatedAt, HistoryStart);
            var to = Min(p.LastSeen, Now);
            if (to <= from) continue;
            var count = 1;
            while (count < 15 && r.Chance(0.35 + 0.5 * p.Engagement)) count++;
            var whale = p.Engagement > 0.85 && r.Chance(0.3);
            for (var i = 0; i < count; i++)
            {
                var created = r.Between(from, to);
                for (var k = 0; k < 5 && r.NextDouble() * 2.6 >= HourWeights[created.Hour]; k++) created = r.Between(from, to);
                var product = r.PickWeighted(Products.Select(x => (x, whale && x.Usd >= 19 ? x.Weight * 8 : x.Weight)).ToList());
                var qty = product.Sku == "gems_100" && r.Chance(0.2) ? r.Between(2, 3) : 1;
                var price = p.Currency switch { "GBP" => product.Gbp, _ => product.Usd };
                var amount = D2(price * qty);
                var rate = p.Currency switch { "EUR" => EurUsd, "GBP" => GbpUsd, _ => 1.0 };
                var amountUsd = D2((double)amount * rate);
                var provider = p.Platform switch
                {
                    "ios" => "apple",
                    "android" => "google",
                    "steam_deck" => "steam",
                    "macos" => r.Chance(0.7) ? "stripe" : "steam",
                    _ => r.Chance(0.55) ? "steam" : "stripe",
                };
                var roll = r.NextDouble();
                var risky = p.Troublemaker || p.RingIp is not null;
                string status;
                if (created > Now.AddMinutes(-20)) status = "pending";
                else if (roll < (risky ? 0.12 : 0.05)) status = "failed";
                else if (roll < (risky ? 0.2 : 0.08)) status = "refunded";
                else if (roll < (risky ? 0.3 : 0.095)) status = "charged_back";
                else status = "completed";
                DateTime? completed = status is "pending" or "failed" ? null : Sec(created.AddSeconds(r.Between(2, 45)));
                DateTime? refunded = null;
                if (status == "refunded") refunded = Min(Now, Sec(created.AddDays(r.Between(0.1, 10))));
                if (status == "charged_back")
                {
                    refunded = Sec(created.AddDays(r.Between(7, 45)));
                    if (refunded > Now) { status = "completed"; refunded = null; }
                }
                string? providerTxn;
                do
                {
                    providerTxn = provider switch
                    {
                        "apple" => "2000000" + r.Digits(9),
                        "google" => $"GPA.33{r.Digits(2)}-{r.Digits(4)}-{r.Digits(4)}-{r.Digits(5)}",
                        "steam" => "7" + r.Digits(18),
                        _ => "pi_" + r.Alnum(24),
                    };
                } while (!providerIds.Add(provider + ":" + providerTxn));
                if (status == "failed" && r.Chance(0.5)) providerTxn = null;
                string? failure = status == "failed" ? r.PickWeighted<string>([("card_declined", 5), ("insufficient_funds", 3), ("payment_method_expired", 1), ("provider_timeout", 1), ("fraud_suspected", risky ? 3 : 0.3)]) : null;
                rows.Add(new PaymentTransaction
                {
                    Id = r.NextGuid(),
                    TransactionId = "txn_" + r.Hex(24),
                    UserId = p.Id,
                    Amount = amount,
                    Currency = p.Currency,
                    AmountUsd = amountUsd,
                    ProductSku = product.Sku,
                    ProductName = product.Name,
                    Quantity = qty,
                    Provider = provider,
                    ProviderTransactionId = providerTxn,
                    Status = status,
                    FailureReason = failure,
                    IpAddress = p.RingIp ?? p.HomeIp,
                    Metadata = Json(new
                    {
                        platform = p.Platform,
                        country = p.Country,
                        gems_granted = status is "completed" or "refunded" or "charged_back" ? product.Gems * qty : 0,
                        promo_code = r.Chance(0.08) ? r.Pick(new[] { "WELCOME10", "FROSTFALL", "SPRING25" }) : null,
                        exchange_rate = rate,
                        client_version = "2.4.1",
                    }),
                    CreatedAt = created,
                    CompletedAt = completed,
                    RefundedAt = refunded,
                });

                var di = DayIndex(created);
                if (status is "completed" or "refunded" or "charged_back")
                {
                    p.LtvUsd += (double)amountUsd;
                    if (di >= 0 && di < HistoryDays)
                    {
                        dayRevenue[di] += (double)amountUsd;
                        dayTransactions[di]++;
                        dayRevenueByCurrency[p.Currency].Usd[di] += (double)amountUsd;
                        dayRevenueByCurrency[p.Currency].Count[di]++;
                        dayPayers[di].Add(p.Id);
                    }
                    var week = (int)((Now - created).TotalDays / 7);
                    if (week is >= 0 and < 8) p.WeekSpendUsd[week] += (double)amountUsd;
                }
                if (refunded is { } rf)
                {
                    p.LtvUsd -= (double)amountUsd;
                    var ri = DayIndex(rf);
                    if (ri >= 0 && ri < HistoryDays) dayRefunds[ri] += (double)amountUsd;
                }
                if (status == "charged_back") p.Chargebacks++;
                if (status == "refunded") p.Refunds++;
                if (status == "failed") p.FailedPayments++;
            }
        }
        await AddAllAsync(rows.OrderBy(x => x.CreatedAt).ThenBy(x => x.Id));
        await FlushAsync();
    }

    // ---------------------------------------------------------------- metrics

    static readonly (string Service, double LatencyMs, double ErrorRate, double Rpm)[] Services =
    [
        ("auth", 45, 0.002, 180), ("matchmaking", 120, 0.004, 90), ("chat", 28, 0.001, 900), ("inventory", 60, 0.003, 400),
        ("payments", 250, 0.006, 8), ("world", 35, 0.001, 2500), ("gateway", 18, 0.0015, 4000),
    ];

    async Task SeedMetricsAsync()
    {
        await SeedPerformanceMetricsAsync();
        await SeedBusinessMetricsAsync();
        await SeedUserAnalyticsAsync();
        await SeedGameAnalyticsAsync();
        await FlushAsync();
    }

    async Task SeedPerformanceMetricsAsync()
    {
        var r = Rng("performance_metrics");
        // Every dashboard offers 90 days: hourly samples for the last 14 days (the incidents), every 6 hours before that.
        var start = HistoryStart;
        var hourlyFrom = Today.AddDays(-14);
        // Incidents the dashboards should show.
        var matchmakingIncident = (From: Today.AddDays(-3).AddHours(19), To: Today.AddDays(-3).AddHours(22));
        var chatIncident = (From: Today.AddDays(-6).AddHours(13), To: Today.AddDays(-6).AddHours(15));
        var paymentsIncident = (From: Today.AddDays(-9).AddHours(20), To: Today.AddDays(-9).AddHours(21));
        var scale = Math.Max(0.1, Scale);
        foreach (var s in Services)
        {
            var tags = Json(new { region = "eu-west", percentile = "p95", unit = "ms", host_count = s.Service == "world" ? 12 : 3 });
            var rateTags = Json(new { region = "eu-west", unit = "ratio" });
            var rpmTags = Json(new { region = "eu-west", unit = "requests_per_minute" });
            for (var t = start; t < Now; t = t.AddHours(t < hourlyFrom ? 6 : 1))
            {
                var load = HourWeights[t.Hour] / 2.6 * (IsWeekend(t) ? 1.2 : 1.0);
                var latency = s.LatencyMs * (1 + 0.4 * load) * Math.Exp(r.Normal(0, 0.12));
                var errors = s.ErrorRate * (1 + load) * Math.Exp(r.Normal(0, 0.3));
                if (s.Service == "matchmaking" && t >= matchmakingIncident.From && t < matchmakingIncident.To) { latency *= 6; errors = r.Between(0.06, 0.12); }
                if (s.Service == "chat" && t >= chatIncident.From && t < chatIncident.To) errors = r.Between(0.04, 0.07);
                if (s.Service == "payments" && t >= paymentsIncident.From && t < paymentsIncident.To) { latency *= 12; errors = r.Between(0.12, 0.2); }
                if (s.Service == "gateway" && (t == matchmakingIncident.From || t == chatIncident.From)) latency *= 2;
                var at = Sec(t.AddSeconds(r.Between(0, 20)));
                await AddAsync(new PerformanceMetric { Id = r.NextGuid(), ServiceName = s.Service, MetricName = "latency_ms", MetricValue = D4(latency), MetricType = "gauge", Tags = tags, Timestamp = at });
                await AddAsync(new PerformanceMetric { Id = r.NextGuid(), ServiceName = s.Service, MetricName = "error_rate", MetricValue = D4(Math.Min(1, errors)), MetricType = "ratio", Tags = rateTags, Timestamp = at });
                await AddAsync(new PerformanceMetric { Id = r.NextGuid(), ServiceName = s.Service, MetricName = "requests_per_minute", MetricValue = D2(s.Rpm * scale * (0.15 + load) * Math.Exp(r.Normal(0, 0.08))), MetricType = "counter", Tags = rpmTags, Timestamp = at });
            }
        }
    }

    async Task SeedBusinessMetricsAsync()
    {
        var r = Rng("business_metrics");
        var today = HistoryDays - 1;
        for (var d = 0; d < HistoryDays; d++)
        {
            var day = HistoryStart.AddDays(d);
            var partial = d == today;
            var dims = Json(new { platform = "all", region = "global", partial_day = partial });
            var peak = 0;
            for (var h = 0; h < 24; h++) peak = Math.Max(peak, hourConcurrent[d * 24 + h]);
            var dau = dayDau[d];
            var paying = dayPayers[d].Count;
            var list = new List<(string Name, double Value, string Type)>
            {
                ("dau", dau, "count"),
                ("new_users", dayNewUsers[d], "count"),
                ("sessions", daySessions[d], "count"),
                ("avg_session_minutes", daySessions[d] == 0 ? 0 : dayMinutes[d] / daySessions[d], "average"),
                ("peak_concurrent_users", peak, "count"),
                ("revenue_usd", dayRevenue[d], "currency"),
                ("refunds_usd", dayRefunds[d], "currency"),
                ("transactions", dayTransactions[d], "count"),
                ("paying_users", paying, "count"),
                ("arpdau_usd", dau == 0 ? 0 : dayRevenue[d] / dau, "currency"),
                ("conversion_rate", dau == 0 ? 0 : paying / dau, "ratio"),
            };
            if (d + 1 < today && cohortSize[d] > 0) list.Add(("retention_d1", cohortD1[d] / (double)cohortSize[d], "ratio"));
            if (d + 7 < today && cohortSize[d] > 0) list.Add(("retention_d7", cohortD7[d] / (double)cohortSize[d], "ratio"));
            foreach (var (name, value, type) in list)
                await AddAsync(new BusinessMetric { Id = r.NextGuid(), MetricName = name, MetricValue = D4(value), MetricType = type, Dimensions = dims, Timestamp = day });
        }
    }

    async Task SeedUserAnalyticsAsync()
    {
        var r = Rng("user_analytics");
        foreach (var p in players)
        {
            var tags = Json(new { platform = p.Platform, country = p.Country, cohort_week = $"{System.Globalization.ISOWeek.GetYear(p.CreatedAt)}-W{System.Globalization.ISOWeek.GetWeekOfYear(p.CreatedAt):00}" });
            for (var w = 0; w < 8; w++)
            {
                if (p.WeekSessions[w] == 0) continue;
                var at = Sec(Today.AddDays(-7 * w));
                await AddAsync(new UserAnalytics { Id = r.NextGuid(), UserId = p.Id, MetricName = "playtime_minutes_weekly", MetricValue = D2(p.WeekMinutes[w]), MetricType = "sum", Tags = tags, Timestamp = at });
                await AddAsync(new UserAnalytics { Id = r.NextGuid(), UserId = p.Id, MetricName = "sessions_weekly", MetricValue = p.WeekSessions[w], MetricType = "count", Tags = tags, Timestamp = at });
                if (p.WeekSpendUsd[w] > 0)
                    await AddAsync(new UserAnalytics { Id = r.NextGuid(), UserId = p.Id, MetricName = "spend_usd_weekly", MetricValue = D2(p.WeekSpendUsd[w]), MetricType = "sum", Tags = tags, Timestamp = at });
            }
            await AddAsync(new UserAnalytics { Id = r.NextGuid(), UserId = p.Id, MetricName = "ltv_usd", MetricValue = D2(Math.Max(0, p.LtvUsd)), MetricType = "gauge", Tags = tags, Timestamp = Today });
            await AddAsync(new UserAnalytics { Id = r.NextGuid(), UserId = p.Id, MetricName = "active_days_30d", MetricValue = p.ActiveDays30, MetricType = "gauge", Tags = tags, Timestamp = Today });
            await AddAsync(new UserAnalytics { Id = r.NextGuid(), UserId = p.Id, MetricName = "churn_risk", MetricValue = D4(Math.Clamp((Now - p.LastSeen).TotalDays / 21 + (1 - p.Engagement) * 0.3 + r.Normal(0, 0.05), 0, 1)), MetricType = "score", Tags = tags, Timestamp = Today });
        }
    }

    async Task SeedGameAnalyticsAsync()
    {
        var r = Rng("game_analytics");
        foreach (var p in players)
        {
            var a = p.Main;
            var tags = Json(new { @class = a.Class, zone_id = a.ZoneId, level_bracket = $"{(a.Level - 1) / 10 * 10 + 1}-{(a.Level - 1) / 10 * 10 + 10}" });
            for (var w = 0; w < 4; w++)
            {
                var minutes = p.WeekMinutes[w];
                if (minutes <= 0) continue;
                var at = Sec(Today.AddDays(-7 * w));
                (string Name, double Value)[] values =
                [
                    ("mobs_killed", minutes * r.Between(0.8, 2.5)),
                    ("quests_completed", minutes / 30 * r.Between(0.3, 1.5)),
                    ("gold_earned", minutes * a.Level * r.Between(0.5, 2.0)),
                    ("deaths", minutes / 45 * r.Between(0.2, 1.5)),
                    ("pvp_kills", a.Level >= 10 ? minutes / 20 * r.Between(0, 1.5) : 0),
                ];
                foreach (var (name, value) in values)
                    await AddAsync(new GameAnalytics { Id = r.NextGuid(), ActorId = a.Id, MetricName = name + "_weekly", MetricValue = Math.Round((decimal)value), MetricType = "sum", Tags = tags, Timestamp = at });
            }
        }
    }
}
