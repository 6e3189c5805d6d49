using GameOps.Data.Entities;

namespace GameOps.Data.Seeding;

/// <summary>Staff-workspace tables: sanction appeals, player notes, broadcasts and metric rollups.</summary>
internal sealed partial class SeedRun
{
    static readonly string[] AppealTexts =
    [
        "I was only joking with a friend, we know each other in real life.",
        "Someone else used my account that evening, I changed my password since.",
        "I didn't know links were not allowed in trade chat. Sorry, won't happen again.",
        "The speed was lag, not a hack. Please check again.",
        "I've played for months without problems, please give me another chance.",
        "That message was a quote from the other player, read the whole conversation.",
    ];

    /// <summary>
    /// Appeals against some sanctions. An appeal is decided by a moderator other than the one who sanctioned,
    /// so with a single moderator every appeal stays pending. An overturned appeal lifts the sanction.
    /// </summary>
    List<SanctionAppeal> BuildAppeals(List<ModerationAction> actions)
    {
        var r = Rng("sanction_appeals");
        var appeals = new List<SanctionAppeal>();
        var byId = players.ToDictionary(p => p.Id);
        foreach (var a in actions.OrderBy(x => x.CreatedAt).ThenBy(x => x.Id))
        {
            if (a.ActionType is not ("mute" or "temp_ban" or "perm_ban")) continue;
            if (!r.Chance(a.ActionType == "perm_ban" ? 0.6 : 0.4)) continue;
            var target = byId[a.TargetUserId];
            var created = Min(Now, Sec(a.CreatedAt.AddHours(r.Between(1, 48))));
            var deciders = appealDeciders.Union(moderators.Select(m => m.Id)).Where(id => id != a.ModeratorId).ToList();
            var status = deciders.Count == 0 || created > Now.AddDays(-1) ? "pending" : r.PickWeighted<string>([("pending", 3), ("upheld", 4), ("overturned", 2)]);
            // Overturning a ban or a running suspension would contradict the player's status: those stay upheld.
            if (status == "overturned" && (target.Status != "active" || a.ActionType == "perm_ban")) status = "upheld";
            DateTime? decided = status == "pending" ? null : Min(Now, Sec(created.AddHours(r.Between(2, 72))));
            var decider = status == "pending" ? (Guid?)null : r.Pick(deciders);
            appeals.Add(new SanctionAppeal
            {
                Id = r.NextGuid(),
                ModerationActionId = a.Id,
                AppealText = r.Pick(AppealTexts),
                Status = status,
                DecidedByStaffId = decider,
                DecisionNote = status switch
                {
                    "upheld" => r.Pick(new[] { "Logs confirm the violation; the sanction stays.", "Clear evidence in chat history." }),
                    "overturned" => r.Pick(new[] { "Context shows banter between friends; sanction lifted.", "Lag spike confirmed by server logs; sanction lifted." }),
                    _ => null,
                },
                DecidedAt = decided,
                CreatedAt = created,
                UpdatedAt = decided ?? created,
            });
            if (status == "overturned")
            {
                a.LiftedAt = decided;
                a.LiftedByStaffId = decider;
                a.LiftReason = "Appeal overturned.";
            }
        }
        return appeals;
    }

    static readonly string[] NoteTexts =
    [
        "Warned in chat twice this month; next step is a mute.",
        "Possibly an alt of another account on the same address, keep an eye on trades.",
        "Says the account is shared with a sibling. Reminded them of the terms of service.",
        "Very helpful in the LFG channel, candidate for the community helper programme.",
        "Opened a ticket about a missing purchase; refunded by support.",
        "Reported several times but nothing actionable in the logs so far.",
    ];

    async Task SeedPlayerNotesAsync(List<ModerationAction> actions)
    {
        var r = Rng("player_notes");
        var targets = players.Where(p => p.Troublemaker || p.Chargebacks > 0).ToList();
        targets.AddRange(r.Sample(players.Where(p => !p.Troublemaker && p.Chargebacks == 0).ToList(), Scaled(8)));
        var sanctioned = actions.Select(a => a.TargetUserId).ToHashSet();
        var rows = new List<PlayerNote>();
        foreach (var p in targets)
        {
            var n = sanctioned.Contains(p.Id) ? r.Between(1, 3) : 1;
            for (var i = 0; i < n; i++)
            {
                rows.Add(new PlayerNote
                {
                    Id = r.NextGuid(),
                    UserId = p.Id,
                    StaffUserId = r.Pick(moderators).Id,
                    Note = p.Troublemaker || p.Chargebacks > 0 ? r.Pick(NoteTexts[..3].Concat(NoteTexts[4..]).ToList()) : r.Pick(new[] { NoteTexts[3], NoteTexts[4] }),
                    CreatedAt = r.Between(Max(p.CreatedAt, Now.AddDays(-60)), Now),
                });
            }
        }
        await AddAllAsync(rows.OrderBy(x => x.CreatedAt).ThenBy(x => x.Id));
    }

    async Task SeedBroadcastsAsync()
    {
        var r = Rng("broadcasts");
        var staff = liveOps[0].Id;
        var topGuild = guilds.OrderByDescending(g => g.Members.Count).ThenBy(g => g.GuildId, StringComparer.Ordinal).First();
        (string Title, string Message, string SegmentType, object Segment, string Priority, string Status, double Days)[] defs =
        [
            ("Maintenance on Tuesday", "Servers restart on Tuesday at 06:00 UTC for about 30 minutes.", "all", new { }, "high", "sent", -6),
            ("Frostfall Festival is live!", "Snowball fights, ice sculptures and a present under the great tree every day this week.", "all", new { }, "normal", "sent", -3),
            ("New dungeon tier unlocked", "Abyssal Depths heroic is open for level 50+ adventurers.", "level_range", new { min_level = 50, max_level = 60 }, "normal", "sent", -2),
            ("Siege registration closes soon", "Register your guild banner before Saturday 18:00 (Paris time).", "guild", new { guild_id = topGuild.GuildId }, "high", "sent", -1),
            ("Double XP this weekend", "All experience doubled from Friday evening to Sunday night.", "all", new { }, "normal", "scheduled", 2),
            ("Ranked Season 5 begins", "Ratings soft-reset; new rewards track. Good luck!", "level_range", new { min_level = 20, max_level = 60 }, "normal", "draft", 21),
            ("Lantern festival in Highspire", "Join us in Cathedral Square for the midwinter lanterns.", "zone", new { zone_id = "zone_highspire" }, "low", "cancelled", 5),
        ];
        foreach (var d in defs)
        {
            var id = r.NextGuid();
            var at = Sec(Today.AddDays(d.Days).AddHours(d.Status == "sent" ? 10 : 9));
            if (at > Now && d.Status == "sent") at = Sec(Now.AddHours(-2));
            var recipients = new List<PlayerInfo>();
            if (d.Status == "sent")
            {
                recipients = d.SegmentType switch
                {
                    "level_range" => players.Where(p => p.Actors.Any(a => a.Level >= 50)).ToList(),
                    "guild" => topGuild.Members.Select(m => m.Player).Distinct().ToList(),
                    _ => players.ToList(),
                };
                recipients = recipients.Where(p => p.CreatedAt < at && p.Status != "banned").ToList();
            }
            var created = Sec(at.AddDays(-r.Between(0.5, 4)));
            if (created > Now) created = Sec(Now.AddDays(-1));
            await AddAsync(new Broadcast
            {
                Id = id,
                Title = d.Title,
                Message = d.Message,
                SegmentType = d.SegmentType,
                Segment = Json(d.Segment),
                Priority = d.Priority,
                Status = d.Status,
                ScheduledAt = d.Status is "scheduled" or "cancelled" or "sent" ? at : null,
                SentAt = d.Status == "sent" ? at : null,
                RecipientCount = recipients.Count,
                CreatedByStaffId = staff,
                CreatedAt = created,
                UpdatedAt = d.Status == "sent" ? at : created,
            });
            foreach (var p in recipients)
            {
                var delivered = p.LastSeen >= at ? (DateTime?)Min(Now, Sec(Max(at, r.Between(at, Min(Now, p.LastSeen.AddSeconds(1)))))) : null;
                await AddAsync(new Notification
                {
                    Id = r.NextGuid(),
                    NotificationId = "ntf_" + r.Hex(20),
                    UserId = p.Id,
                    NotificationType = "broadcast",
                    Channel = "in_game",
                    Title = d.Title,
                    Message = d.Message,
                    Data = Json(new { broadcast_id = id, segment_type = d.SegmentType }),
                    Status = delivered is null ? "sent" : "delivered",
                    Priority = d.Priority,
                    ScheduledAt = at,
                    SentAt = at,
                    DeliveredAt = delivered,
                    FailureReason = null,
                    RetryCount = 0,
                    CreatedAt = at,
                    UpdatedAt = delivered ?? at,
                });
            }
        }
        await FlushAsync();
    }

    /// <summary>Daily rollups of the figures the dashboards show, computed from the rows seeded above.</summary>
    async Task SeedMetricRollupsAsync()
    {
        var r = Rng("metric_rollups");
        var messagesPerDay = new int[HistoryDays];
        foreach (var m in messages)
        {
            var di = DayIndex(m.At);
            if (di >= 0 && di < HistoryDays) messagesPerDay[di]++;
        }
        for (var d = 0; d < HistoryDays; d++)
        {
            var day = HistoryStart.AddDays(d);
            var updated = Sec(Min(Now, day.AddDays(1).AddSeconds(-1)));
            var rows = new List<(string Metric, string Dimension, double Value, long Count)>
            {
                ("dau", "", dayDau[d], (long)dayDau[d]),
                ("new_users", "", dayNewUsers[d], (long)dayNewUsers[d]),
                ("sessions", "", daySessions[d], (long)daySessions[d]),
                ("play_minutes", "", dayMinutes[d], (long)daySessions[d]),
                ("revenue_usd", "", dayRevenue[d], (long)dayTransactions[d]),
                ("refunds_usd", "", dayRefunds[d], 0),
                ("chat_messages", "", messagesPerDay[d], messagesPerDay[d]),
            };
            foreach (var (currency, series) in dayRevenueByCurrency)
                rows.Add(("revenue_usd_by_currency", currency, series.Usd[d], series.Count[d]));
            foreach (var (metric, dimension, value, count) in rows)
                await AddAsync(new MetricRollup
                {
                    Id = r.NextGuid(), MetricName = metric, Day = day, Dimension = dimension,
                    Value = D4(value), Count = count, UpdatedAt = updated,
                });
        }
    }
}
