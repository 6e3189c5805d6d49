using GameOps.Data.Entities;

namespace GameOps.Data.Seeding;

internal sealed partial class SeedRun
{
    static readonly string[] StaffUserAgents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
    ];

    async Task SeedSecurityAsync()
    {
        await SeedAuditLogsAsync();
        await SeedSecurityEventsAsync();
        await SeedFraudDetectionAsync();
        await FlushAsync();
    }

    async Task SeedAuditLogsAsync()
    {
        var r = Rng("audit_logs");
        var rows = new List<AuditLog>();
        AuditLog Log(PlayerInfo? p, string action, string? resource, object details, DateTime at, string? ip = null) => new()
        {
            Id = r.NextGuid(),
            UserId = p?.Id,
            Action = action,
            Resource = resource,
            Details = Json(details),
            IpAddress = ip ?? p?.HomeIp,
            UserAgent = p is null ? null : r.Pick(UserAgents[p.Platform]),
            Timestamp = Sec(at),
        };
        foreach (var p in players)
        {
            rows.Add(Log(p, "account_created", $"users/{p.Id}", new { username = p.Username, country = p.Country, platform = p.Platform }, p.CreatedAt));
            foreach (var a in p.Actors)
                rows.Add(Log(p, "character_created", $"actors/{a.Id}", new { name = a.Name, @class = a.Class }, a.CreatedAt));
            foreach (var a in p.Actors.Where(a => a.GuildJoinedAt is not null))
                rows.Add(Log(p, "guild_joined", $"guilds/{a.Guild!.Id}", new { actor_id = a.Id, guild = a.Guild.Name, rank = a.GuildRank }, a.GuildJoinedAt!.Value));
            var extra = r.Between(0, 2 + (int)(p.Engagement * 4));
            for (var i = 0; i < extra; i++)
            {
                var at = r.Between(p.CreatedAt, p.LastSeen.AddSeconds(1));
                var kind = r.PickWeighted<string>([("settings_updated", 5), ("item_traded", 5), ("password_changed", 1.5), ("email_changed", 0.5), ("two_factor_enabled", 1), ("item_deleted", 2)]);
                object details = kind switch
                {
                    "settings_updated" => new { fields = new[] { r.Pick(new[] { "language", "chat_filter_level", "notify_push", "profile_visibility" }) } },
                    "item_traded" => new { item_id = r.Pick(items).ItemId, quantity = r.Between(1, 20), counterparty_user_id = r.Pick(players).Id, gold = r.Between(0, 5000) },
                    "item_deleted" => new { item_id = r.Pick(items).ItemId, quantity = 1 },
                    "email_changed" => new { old_domain = "example.com", new_domain = "example.net", verified = true },
                    _ => new { method = kind == "two_factor_enabled" ? "totp" : "password_reset_link" },
                };
                rows.Add(Log(p, kind, kind == "item_traded" || kind == "item_deleted" ? $"actors/{r.Pick(p.Actors).Id}/inventory" : $"users/{p.Id}", details, at));
            }
        }
        // Anonymous failed sign-ins from scanners.
        for (var i = 0; i < Scaled(30); i++)
            rows.Add(Log(null, "login_failed", "auth/login", new { username_tried = r.Pick(players).Username, reason = "invalid_password" }, r.Between(Now.AddDays(-14), Now), $"203.0.113.{r.Between(200, 254)}"));
        await AddAllAsync(rows.OrderBy(x => x.Timestamp).ThenBy(x => x.Id));
    }

    async Task SeedSecurityEventsAsync()
    {
        var r = Rng("security_events");
        var n = Scaled(80);
        (string Type, string Severity, double Weight, bool HasUser)[] kinds =
        [
            ("new_device_login", "low", 20, true), ("failed_login_burst", "medium", 14, true), ("impossible_travel", "high", 8, true),
            ("suspicious_trade", "medium", 10, true), ("speed_hack_detected", "high", 8, true), ("account_takeover_attempt", "critical", 3, true),
            ("api_abuse", "medium", 6, false), ("gold_duplication_suspected", "critical", 2, true), ("password_spraying", "high", 3, false),
        ];
        var rows = new List<SecurityEvent>();
        for (var i = 0; i < n; i++)
        {
            var k = r.PickWeighted(kinds.Select(x => (x, x.Weight)).ToList());
            PlayerInfo? p = k.HasUser ? (r.Chance(0.4) ? r.Pick(players.Where(x => x.Troublemaker).DefaultIfEmpty(players[0]).ToList()) : r.Pick(players)) : null;
            var from = Max(Now.AddDays(-30), p?.CreatedAt ?? Now.AddDays(-30));
            var to = p is null ? Now : Min(Now, p.LastSeen.AddHours(1));
            if (to <= from) to = Now;
            var at = r.Between(from, to);
            var attackerIp = $"203.0.113.{r.Between(100, 254)}";
            object details = k.Type switch
            {
                "new_device_login" => new { device = r.Pick(UserAgents[p!.Platform]), country = p.Country },
                "failed_login_burst" => new { attempts = r.Between(8, 60), window_seconds = 300, locked = r.Chance(0.5) },
                "impossible_travel" => new { from_country = p!.Country, to_country = r.Pick(new[] { "RU", "CN", "NG", "VN", "BR" }), minutes_between = r.Between(5, 90) },
                "suspicious_trade" => new { item_id = r.Pick(items.Where(x => x.Rarity is "epic" or "legendary").ToList()).ItemId, gold = r.Between(1, 50) * 1000, counterparty_user_id = r.Pick(players).Id, counterparty_account_age_days = r.Between(0, 3) },
                "speed_hack_detected" => new { zone_id = p!.Main.ZoneId, max_speed = R1(r.Between(14, 60)), allowed_speed = 7.5, samples = r.Between(3, 40) },
                "account_takeover_attempt" => new { password_reset_requests = r.Between(3, 12), email_change_attempted = r.Chance(0.6), blocked = true },
                "gold_duplication_suspected" => new { gold_delta = r.Between(50, 900) * 1000, expected_max = 20000, transactions = r.Between(20, 200) },
                "password_spraying" => new { accounts_targeted = r.Between(30, 400), successful = 0, user_agent = "python-requests/2.32" },
                _ => new { endpoint = r.Pick(new[] { "/api/v1/market/search", "/api/v1/leaderboard", "/api/v1/auth/token" }), requests_per_minute = r.Between(600, 6000), limit = 120 },
            };
            var resolved = at < Now.AddDays(-2) ? r.Chance(k.Severity is "low" ? 0.8 : 0.6) : r.Chance(0.15);
            rows.Add(new SecurityEvent
            {
                Id = r.NextGuid(),
                UserId = p?.Id,
                EventType = k.Type,
                Severity = k.Severity,
                Description = k.Type switch
                {
                    "new_device_login" => "Sign-in from a device not seen before.",
                    "failed_login_burst" => "Many failed sign-ins in a short time.",
                    "impossible_travel" => "Two sign-ins from countries too far apart for the time between them.",
                    "suspicious_trade" => "High-value trade to a brand-new account.",
                    "speed_hack_detected" => "Movement speed far above the allowed maximum.",
                    "account_takeover_attempt" => "Repeated password resets followed by an email change attempt.",
                    "gold_duplication_suspected" => "Gold balance grew faster than any legitimate source allows.",
                    "password_spraying" => "One address tried a common password on many accounts.",
                    _ => "Request rate far above the API limit.",
                },
                Details = Json(details),
                IpAddress = k.Type is "new_device_login" or "speed_hack_detected" or "suspicious_trade" or "gold_duplication_suspected" ? p?.RingIp ?? p?.HomeIp : attackerIp,
                IsResolved = resolved,
                CreatedAt = at,
                ResolvedAt = resolved ? Min(Now, Sec(at.AddHours(r.Between(0.2, 72)))) : null,
            });
        }
        foreach (var p in players.Where(p => p.Chargebacks > 0))
        {
            var at = r.Between(Now.AddDays(-30), Now);
            rows.Add(new SecurityEvent
            {
                Id = r.NextGuid(), UserId = p.Id, EventType = "chargeback_received", Severity = p.Chargebacks > 1 ? "high" : "medium",
                Description = "The payment provider reported a chargeback.",
                Details = Json(new { chargebacks = p.Chargebacks, refunds = p.Refunds }),
                IpAddress = p.RingIp ?? p.HomeIp, IsResolved = false, CreatedAt = at, ResolvedAt = null,
            });
        }
        await AddAllAsync(rows.OrderBy(x => x.CreatedAt).ThenBy(x => x.Id));
    }

    async Task SeedFraudDetectionAsync()
    {
        var r = Rng("fraud_detection");
        var rows = new List<FraudDetection>();
        void Flag(PlayerInfo p, string type, double risk, object indicators)
        {
            var detected = r.Between(Max(p.CreatedAt, Now.AddDays(-45)), Now);
            var resolvedRoll = detected < Now.AddDays(-3) && r.Chance(0.5);
            var confirmed = resolvedRoll ? r.Chance(risk) : false;
            rows.Add(new FraudDetection
            {
                Id = r.NextGuid(),
                UserId = p.Id,
                FraudType = type,
                RiskScore = D4(Math.Clamp(risk, 0, 1)),
                Indicators = Json(indicators),
                IsConfirmed = confirmed,
                Resolution = !resolvedRoll ? null : confirmed
                    ? r.Pick(new[] { "Confirmed: account banned and purchases reversed.", "Confirmed: linked accounts suspended.", "Confirmed: items rolled back, warning issued." })
                    : r.Pick(new[] { "False positive: shared household network.", "False positive: player was travelling.", "Not enough evidence; monitoring." }),
                DetectedAt = detected,
                ResolvedAt = resolvedRoll ? Min(Now, Sec(detected.AddHours(r.Between(2, 96)))) : null,
            });
        }
        foreach (var p in players.Where(p => p.Chargebacks > 0))
            Flag(p, "chargeback_abuse", 0.45 + 0.2 * p.Chargebacks + r.Between(0, 0.1),
                new Dictionary<string, object> { ["chargebacks"] = p.Chargebacks, ["refunds"] = p.Refunds, ["failed_payments"] = p.FailedPayments, ["account_age_days"] = (int)(Now - p.CreatedAt).TotalDays });
        foreach (var ring in players.Where(p => p.RingIp is not null).GroupBy(p => p.RingIp!))
        {
            var size = ring.Count();
            foreach (var p in ring)
                Flag(p, "multi_accounting", Math.Min(0.98, 0.3 + 0.08 * size + r.Between(0, 0.15)),
                    new Dictionary<string, object> { ["accounts_on_ip"] = size, ["shared_ip"] = ring.Key, ["shared_device_fingerprint"] = r.Chance(0.6), ["trades_between_accounts"] = r.Between(3, 40) });
        }
        var bots = players.Where(p => p.Engagement > 0.9 && p.RingIp is null).Take(Scaled(6)).ToList();
        foreach (var p in bots)
            Flag(p, r.Chance(0.5) ? "bot_behavior" : "gold_farming", r.Between(0.3, 0.9),
                new Dictionary<string, object> { ["avg_session_hours"] = R1(r.Between(6, 18)), ["actions_per_minute"] = r.Between(40, 140), ["trades_to_new_accounts"] = r.Between(0, 25), ["same_path_repetitions"] = r.Between(10, 500) });
        foreach (var p in r.Sample(players.Where(p => p.Active).ToList(), Scaled(5)))
            Flag(p, "account_sharing", r.Between(0.1, 0.6),
                new Dictionary<string, object> { ["countries_last_7d"] = r.Between(2, 4), ["concurrent_logins"] = r.Between(1, 3), ["devices"] = r.Between(2, 6) });
        foreach (var p in players.Where(p => p.FailedPayments >= 2).Take(Scaled(5)))
            Flag(p, "stolen_card", r.Between(0.35, 0.95),
                new Dictionary<string, object> { ["failed_payments"] = p.FailedPayments, ["card_countries"] = r.Between(1, 3), ["velocity_1h"] = r.Between(2, 6) });
        await AddAllAsync(rows.OrderBy(x => x.DetectedAt).ThenBy(x => x.Id));
    }

    // ---------------------------------------------------------------- moderation

    async Task SeedModerationAsync()
    {
        var r = Rng("moderation_actions");
        var actions = new List<ModerationAction>();
        var mod = 0;
        Guid NextModerator() => moderators[mod++ % moderators.Count].Id;
        var toxicBySender = messages.Where(m => m.Toxic is not null).GroupBy(m => m.Sender).ToDictionary(g => g.Key, g => g.ToList());

        ModerationAction Act(PlayerInfo p, string type, string reason, DateTime at, int? minutes, MessageInfo? m)
        {
            at = Sec(at);
            return new ModerationAction
            {
                Id = r.NextGuid(),
                ActionId = "mod_" + r.Hex(16),
                ModeratorId = NextModerator(),
                TargetUserId = p.Id,
                ActionType = type,
                Reason = reason,
                Duration = minutes,
                ChannelId = m?.Channel.ChannelId,
                MessageId = m?.MessageId,
                CreatedAt = at,
                ExpiresAt = minutes is { } d ? at.AddMinutes(d) : null,
            };
        }

        foreach (var p in players.Where(p => p.Troublemaker))
        {
            toxicBySender.TryGetValue(p, out var toxic);
            var first = toxic?.FirstOrDefault();
            if (p.Status == "banned")
            {
                var warnAt = r.Between(p.CreatedAt, p.SanctionAt!.Value);
                actions.Add(Act(p, "warn", "Repeated insults in public chat.", warnAt, null, null));
                actions.Add(Act(p, "perm_ban", r.Pick(new[] { "Real-money trading and gold selling.", "Cheating: speed hack confirmed by logs.", "Severe harassment after prior warnings.", "Chargeback fraud on multiple purchases." }), p.SanctionAt!.Value, null, null));
            }
            else if (p.Status == "suspended")
            {
                var minutes = r.Pick(new[] { 1440 * 3, 1440 * 7, 1440 * 14 });
                actions.Add(Act(p, "temp_ban", r.Pick(new[] { "Harassment of other players.", "Exploiting a dungeon bug.", "Spamming trade chat with gold-seller links." }), p.SanctionAt!.Value, minutes, null));
            }
            else if (first is not null)
            {
                var type = r.PickWeighted<string>([("warn", 4), ("mute", 4), ("kick", 1.5), ("temp_ban", 1)]);
                var at = Min(Now, first.At.AddMinutes(r.Between(2, 120)));
                int? minutes = type switch { "mute" => r.Pick(new[] { 60, 240, 720, 1440 }), "temp_ban" => r.Pick(new[] { 1440, 4320 }), _ => null };
                var reason = first.Toxic switch
                {
                    "spam" => "Spam in public channels.",
                    "scam" => "Scam attempt: asking for passwords / phishing link.",
                    "hate_speech" => "Hate speech.",
                    _ => "Harassment of another player.",
                };
                actions.Add(Act(p, type, reason, at, minutes, type is "mute" or "kick" ? first : null));
            }
            else if (r.Chance(0.5))
            {
                actions.Add(Act(p, "warn", "Inappropriate character name; please rename.", r.Between(p.CreatedAt, p.LastSeen.AddSeconds(1)), null, null));
            }
        }
        var appeals = BuildAppeals(actions);
        await AddAllAsync(actions.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id));
        await FlushAsync();
        await AddAllAsync(appeals);
        await SeedPlayerNotesAsync(actions);
        await FlushAsync();

        var reports = await SeedPlayerReportsAsync(toxicBySender);
        await SeedStaffAuditLogsAsync(actions, reports);
        await FlushAsync();
    }

    static readonly Dictionary<string, string[]> ReportDescriptions = new()
    {
        ["harassment"] = ["He keeps insulting me in global chat.", "Follows me around and kills me at the quest giver.", "Told me to uninstall, every single match."],
        ["cheating"] = ["Moves way too fast, definitely a speed hack.", "Teleporting around the arena.", "Never misses, aimbot?"],
        ["spam"] = ["Gold seller spamming trade chat.", "Same message every 10 seconds.", "Posting links nonstop."],
        ["hate_speech"] = ["Racist comments in chat.", "Slurs in whisper, screenshot attached."],
        ["inappropriate_name"] = ["Character name is offensive.", "Name impersonates a GM."],
        ["scam"] = ["Asked for my password claiming to be staff.", "Took my gold and never delivered the item.", "Posted a phishing link for 'free gems'."],
        ["other"] = ["Not sure which category, please have a look.", "AFK in battlegrounds every match.", "<script>alert('report')</script> this guy"],
    };

    async Task<List<PlayerReport>> SeedPlayerReportsAsync(Dictionary<PlayerInfo, List<MessageInfo>> toxicBySender)
    {
        var r = Rng("player_reports");
        var n = Scaled(60);
        var windowStart = Now.AddDays(-10);
        var recentToxic = messages.Where(m => m.Toxic is not null && m.At >= windowStart).ToList();
        var reporters = players.Where(p => p.LastSeen >= windowStart).ToList();
        if (reporters.Count < 2) reporters = players;
        var rows = new List<PlayerReport>();
        for (var i = 0; i < n; i++)
        {
            PlayerInfo target, reporter;
            MessageInfo? message = null;
            string category;
            DateTime created;
            if (recentToxic.Count > 0 && r.Chance(0.7))
            {
                message = r.Pick(recentToxic);
                target = message.Sender;
                category = message.Toxic!;
                var witnesses = message.Channel.Members.Select(m => m.Player).Where(p => p != target && p.CreatedAt <= message.At && p.LastSeen >= message.At.AddMinutes(-30)).ToList();
                reporter = witnesses.Count > 0 ? r.Pick(witnesses) : r.Pick(reporters.Where(p => p != target).ToList());
                created = Min(Now, Sec(message.At.AddMinutes(r.Between(1, 180))));
            }
            else
            {
                target = r.Chance(0.5) ? r.Pick(players.Where(p => p.Troublemaker).DefaultIfEmpty(players[0]).ToList()) : r.Pick(players);
                reporter = r.Pick(reporters.Where(p => p != target).ToList());
                category = r.PickWeighted<string>([("cheating", 5), ("inappropriate_name", 2), ("harassment", 2), ("other", 2), ("scam", 1)]);
                created = r.Between(Max(windowStart, Max(target.CreatedAt, reporter.CreatedAt)), Now);
            }
            var priority = category switch { "hate_speech" or "scam" => 1, "harassment" or "cheating" => r.Chance(0.3) ? 1 : 2, _ => 3 };
            var age = Now - created;
            var status = age.TotalHours < 12
                ? r.PickWeighted<string>([("open", 9), ("in_review", 1)])
                : r.PickWeighted<string>([("open", 6), ("in_review", 2), ("resolved", 2), ("dismissed", 1)]);
            Guid? assignee = status == "open" ? null : moderators[i % moderators.Count].Id;
            DateTime? claimed = assignee is null ? null : Min(Now, Sec(created.AddMinutes(r.Between(5, Math.Max(6, (int)Math.Min(age.TotalMinutes / 2, 1440))))));
            DateTime? resolvedAt = status is "resolved" or "dismissed" ? Min(Now, Sec(claimed!.Value.AddMinutes(r.Between(2, 240)))) : null;
            string? resolution = status switch
            {
                "resolved" => category switch { "cheating" => r.Pick(new[] { "temp_ban", "perm_ban" }), "inappropriate_name" => "forced_rename", "spam" or "scam" => r.Pick(new[] { "user_muted", "perm_ban" }), _ => r.Pick(new[] { "warning_issued", "user_muted", "temp_ban" }) },
                "dismissed" => r.Pick(new[] { "no_violation", "duplicate", "insufficient_evidence" }),
                _ => null,
            };
            var updated = resolvedAt ?? claimed ?? created;
            rows.Add(new PlayerReport
            {
                Id = r.NextGuid(),
                ReporterUserId = reporter.Id,
                TargetUserId = target.Id,
                ChatMessageId = message?.Id,
                Category = category,
                Priority = priority,
                Description = r.Pick(ReportDescriptions[category]),
                Status = status,
                AssigneeStaffId = assignee,
                ClaimedAt = claimed,
                Resolution = resolution,
                ResolutionNote = resolution is null ? null : status == "dismissed" ? "Checked the chat logs; nothing actionable." : $"Action taken: {resolution.Replace('_', ' ')}. Reporter notified.",
                CreatedAt = created,
                UpdatedAt = updated,
                ResolvedAt = resolvedAt,
            });
        }
        rows.AddRange(ClosedReportHistory(windowStart));
        var ordered = rows.OrderBy(x => x.CreatedAt).ThenBy(x => x.Id).ToList();
        await AddAllAsync(ordered);
        return ordered;
    }

    /// <summary>
    /// Reports before the recent window, all closed by now, so the moderation workload chart covers the 90 days the
    /// dashboards offer. Its own random stream keeps the recent (queue) reports exactly as before.
    /// </summary>
    List<PlayerReport> ClosedReportHistory(DateTime windowStart)
    {
        var r = Rng("player_reports_history");
        var rows = new List<PlayerReport>();
        var count = Scaled(6 * (windowStart - HistoryStart).TotalDays);
        var step = (windowStart - HistoryStart) / count;
        for (var i = 0; i < count; i++)
        {
            // Spread evenly (each report in its own slice of the history), so no week is empty even at small scales.
            var created = Sec(r.Between(HistoryStart + step * i, HistoryStart + step * (i + 1)));
            var candidates = players.Where(p => p.CreatedAt <= created).ToList();
            if (candidates.Count < 2) continue;
            var target = r.Chance(0.5) ? r.Pick(candidates.Where(p => p.Troublemaker).DefaultIfEmpty(candidates[0]).ToList()) : r.Pick(candidates);
            var reporter = r.Pick(candidates.Where(p => p != target).ToList());
            var category = r.PickWeighted<string>([("cheating", 5), ("harassment", 4), ("spam", 3), ("inappropriate_name", 2), ("scam", 2), ("hate_speech", 1), ("other", 2)]);
            var claimed = Sec(created.AddMinutes(r.Between(5, 1440)));
            var resolvedAt = Sec(claimed.AddMinutes(r.Between(2, 240)));
            var dismissed = r.Chance(0.3);
            var resolution = dismissed
                ? r.Pick(new[] { "no_violation", "duplicate", "insufficient_evidence" })
                : category switch { "cheating" => r.Pick(new[] { "temp_ban", "perm_ban" }), "inappropriate_name" => "forced_rename", "spam" or "scam" => r.Pick(new[] { "user_muted", "perm_ban" }), _ => r.Pick(new[] { "warning_issued", "user_muted", "temp_ban" }) };
            rows.Add(new PlayerReport
            {
                Id = r.NextGuid(),
                ReporterUserId = reporter.Id,
                TargetUserId = target.Id,
                Category = category,
                Priority = category switch { "hate_speech" or "scam" => 1, "harassment" or "cheating" => 2, _ => 3 },
                Description = r.Pick(ReportDescriptions[category]),
                Status = dismissed ? "dismissed" : "resolved",
                AssigneeStaffId = moderators[i % moderators.Count].Id,
                ClaimedAt = claimed,
                Resolution = resolution,
                ResolutionNote = dismissed ? "Checked the chat logs; nothing actionable." : $"Action taken: {resolution.Replace('_', ' ')}. Reporter notified.",
                CreatedAt = created,
                UpdatedAt = resolvedAt,
                ResolvedAt = resolvedAt,
            });
        }
        return rows;
    }

    async Task SeedStaffAuditLogsAsync(List<ModerationAction> actions, List<PlayerReport> reports)
    {
        var r = Rng("staff_audit_logs");
        var emails = moderators.ToDictionary(m => m.Id, m => m.Email);
        var rows = new List<StaffAuditEntry>();
        foreach (var rep in reports.Where(x => x.AssigneeStaffId is not null).Take(6))
        {
            var staff = rep.AssigneeStaffId!.Value;
            rows.Add(new StaffAuditEntry
            {
                Id = r.NextGuid(), StaffUserId = staff, StaffEmail = emails[staff], Action = "report_claimed", EntityType = "player_report",
                EntityKey = rep.Id.ToString(), Changes = Json(new { status = new { from = "open", to = "in_review" }, assignee_staff_id = new { from = (Guid?)null, to = staff } }),
                IpAddress = "10.20.0.15", UserAgent = r.Pick(StaffUserAgents), CreatedAt = rep.ClaimedAt!.Value,
            });
            if (rep.ResolvedAt is { } resolved)
                rows.Add(new StaffAuditEntry
                {
                    Id = r.NextGuid(), StaffUserId = staff, StaffEmail = emails[staff], Action = rep.Status == "resolved" ? "report_resolved" : "report_dismissed", EntityType = "player_report",
                    EntityKey = rep.Id.ToString(), Changes = Json(new { status = new { from = "in_review", to = rep.Status }, resolution = new { from = (string?)null, to = rep.Resolution } }),
                    IpAddress = "10.20.0.15", UserAgent = r.Pick(StaffUserAgents), CreatedAt = resolved,
                });
        }
        foreach (var a in actions.Where(x => x.ActionType is "perm_ban" or "temp_ban").Take(4))
            rows.Add(new StaffAuditEntry
            {
                Id = r.NextGuid(), StaffUserId = a.ModeratorId, StaffEmail = emails[a.ModeratorId], Action = "moderation_action_created", EntityType = "moderation_action",
                EntityKey = a.ActionId, Changes = Json(new { action_type = a.ActionType, target_user_id = a.TargetUserId, duration_minutes = a.Duration, reason = a.Reason }),
                IpAddress = "10.20.0.16", UserAgent = r.Pick(StaffUserAgents), CreatedAt = a.CreatedAt,
            });
        rows.Add(new StaffAuditEntry
        {
            Id = r.NextGuid(), StaffUserId = moderators[0].Id, StaffEmail = moderators[0].Email, Action = "demo_data_seeded", EntityType = "database",
            EntityKey = "demo_seed", Changes = Json(new { players = players.Count, scale = Scale, now = Now }),
            IpAddress = null, UserAgent = "GameOps.Data.Seeding.DemoSeeder", CreatedAt = Now,
        });
        await AddAllAsync(rows.OrderBy(x => x.CreatedAt).ThenBy(x => x.Id));
    }
}
