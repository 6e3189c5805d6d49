using GameOps.Data.Entities;

namespace GameOps.Data.Seeding;

internal sealed partial class SeedRun
{
    static readonly (string Mode, int TeamSize, double Weight, int MinSeconds, int MaxSeconds)[] GameModes =
    [
        ("duel_1v1", 1, 40, 120, 600),
        ("arena_3v3", 3, 35, 300, 900),
        ("guild_war_5v5", 5, 10, 900, 2400),
        ("battleground_8v8", 8, 15, 900, 1800),
    ];
    static readonly string[] Maps = ["ruins_of_lordaeron", "ring_of_valor", "frozen_lake", "obsidian_pit", "sunscar_colosseum", "whispering_gulch"];
    static readonly string[] Regions = ["eu-west", "eu-central", "us-east", "us-west", "sa-east", "ap-northeast"];

    sealed class RatingTrack
    {
        public int Rating;
        public int Wins, Losses, Draws;
        public readonly List<string> Results = [];
        public DateTime First, Last;
    }

    async Task SeedNotificationsAsync()
    {
        var r = Rng("notifications");
        var n = Scaled(1200);
        var weights = players.Select(p => 0.3 + p.Engagement).ToList();
        (string Type, string Channel, string Title, string Message, string Priority, double Weight)[] kinds =
        [
            ("friend_request", "in_game", "New friend request", "{0} wants to be your friend.", "normal", 14),
            ("guild_invite", "in_game", "Guild invitation", "You have been invited to join a guild.", "normal", 6),
            ("event_reminder", "push", "Event starting soon", "Frostfall Festival starts in 1 hour!", "normal", 14),
            ("match_found", "push", "Match found", "Your arena match is ready. Accept within 30 seconds.", "high", 14),
            ("purchase_receipt", "email", "Your purchase receipt", "Thank you for your purchase. Your gems have been added to your account.", "normal", 10),
            ("achievement_unlocked", "in_game", "Achievement unlocked", "You earned a new achievement. Check your journal!", "low", 16),
            ("system_announcement", "in_game", "Server maintenance", "Servers restart on Tuesday at 06:00 UTC for about 30 minutes.", "high", 8),
            ("security_alert", "email", "New sign-in to your account", "We noticed a sign-in from a new device. If this wasn't you, change your password.", "urgent", 5),
            ("we_miss_you", "email", "We miss you, adventurer!", "Come back this week and claim a free epic chest.", "low", 6),
            ("trade_completed", "push", "Trade completed", "Your trade with {0} is complete.", "normal", 7),
        ];
        string[] emailFailures = ["smtp 550: mailbox unavailable", "bounced: recipient domain does not exist", "smtp 421: too many connections, retry later", "rejected as spam by recipient server"];
        string[] pushFailures = ["APNs 410: device token is no longer active", "FCM: registration token not registered", "push provider rate limit exceeded", "device opted out of notifications"];
        string[] gameFailures = ["user offline past message TTL", "inbox full"];
        var rows = new List<Notification>();
        for (var i = 0; i < n; i++)
        {
            var p = players[r.PickIndex(weights)];
            var k = r.PickWeighted(kinds.Select(x => (x, x.Weight)).ToList());
            if (k.Type == "we_miss_you" && p.Active && p.LastSeen > Now.AddDays(-7)) k = kinds[0];
            var windowFrom = Max(p.CreatedAt, Now.AddDays(-30));
            var windowTo = k.Type == "we_miss_you" ? Now : Min(Now, p.LastSeen.AddHours(1));
            if (windowTo <= windowFrom) { windowTo = Now; }
            var created = r.Between(windowFrom, windowTo);
            DateTime? scheduled = null, sent = null, delivered = null;
            string status;
            string? failure = null;
            var retries = 0;
            if (r.Chance(0.04))
            {
                status = "pending";
                created = r.Between(Now.AddDays(-2), Now);
                scheduled = Sec(Now.AddMinutes(r.Between(5, 60 * 48)));
            }
            else
            {
                if (k.Type is "event_reminder" or "system_announcement" or "we_miss_you") scheduled = Sec(created.AddMinutes(r.Between(1, 120)));
                var sendAt = Min(Now, Sec((scheduled ?? created).AddSeconds(r.Between(1, 90))));
                var roll = r.NextDouble();
                if (roll < 0.08)
                {
                    status = "failed";
                    retries = r.Between(1, 5);
                    failure = k.Channel switch { "email" => r.Pick(emailFailures), "push" => r.Pick(pushFailures), _ => r.Pick(gameFailures) };
                    sent = null;
                }
                else if (roll < 0.23)
                {
                    status = "sent";
                    sent = sendAt;
                    retries = r.Chance(0.1) ? 1 : 0;
                }
                else
                {
                    status = "delivered";
                    sent = sendAt;
                    delivered = Min(Now, Sec(sendAt.AddSeconds(r.Between(1, k.Channel == "email" ? 600 : 20))));
                }
            }
            var other = r.Pick(players);
            rows.Add(new Notification
            {
                Id = r.NextGuid(),
                NotificationId = "ntf_" + r.Hex(20),
                UserId = p.Id,
                NotificationType = k.Type,
                Channel = k.Channel,
                Title = k.Title,
                Message = string.Format(System.Globalization.CultureInfo.InvariantCulture, k.Message, other.Username),
                Data = Json(new { from_user_id = k.Message.Contains("{0}", StringComparison.Ordinal) ? other.Id : (Guid?)null, deep_link = $"gameops://{k.Type.Replace('_', '/')}", locale = p.Language }),
                Status = status,
                Priority = k.Priority,
                ScheduledAt = scheduled,
                SentAt = sent,
                DeliveredAt = delivered,
                FailureReason = failure,
                RetryCount = retries,
                CreatedAt = created,
                UpdatedAt = delivered ?? sent ?? (status == "failed" ? Min(Now, Sec(created.AddMinutes(retries * 5))) : created),
            });
        }
        await AddAllAsync(rows.OrderBy(x => x.CreatedAt).ThenBy(x => x.Id));
        await FlushAsync();
    }

    async Task SeedMatchmakingAsync()
    {
        var r = Rng("matches");
        var n = Scaled(400);
        var pvpPlayers = players.Where(p => p.Main.Level >= 10).ToList();
        var times = new List<DateTime>();
        for (var i = 0; i < n; i++)
        {
            var t = r.Between(Now.AddDays(-30), Now.AddMinutes(-5));
            for (var k = 0; k < 10 && r.NextDouble() * 2.6 >= HourWeights[t.Hour]; k++) t = r.Between(Now.AddDays(-30), Now.AddMinutes(-5));
            times.Add(t);
        }
        times.Sort();
        var tracks = new Dictionary<(Guid, string), RatingTrack>();
        var skill = players.ToDictionary(p => p.Id, p => r.Normal(0, 1) + p.Engagement);
        var ratingRows = new List<object>();

        foreach (var t in times)
        {
            var mode = r.PickWeighted(GameModes.Select(g => (g, g.Weight)).ToList());
            var online = pvpPlayers.Where(p => p.CreatedAt <= t && p.LastSeen >= t.AddMinutes(-30)).ToList();
            if (online.Count < mode.TeamSize * 2) continue;
            var picked = r.Sample(online, mode.TeamSize * 2);
            var started = Sec(t);
            var inProgress = started > Now.AddMinutes(-40);
            var cancelled = !inProgress && r.Chance(0.03);
            var duration = r.Between(mode.MinSeconds, mode.MaxSeconds);
            if (!inProgress && started.AddSeconds(duration) > Now) duration = (int)(Now - started).TotalSeconds - 60;
            var matchType = mode.Mode == "guild_war_5v5" ? "tournament" : r.PickWeighted<string>([("ranked", 60), ("casual", 35), ("tournament", 5)]);
            var ranked = matchType != "casual";
            var strength1 = picked.Take(mode.TeamSize).Sum(p => skill[p.Id]);
            var strength2 = picked.Skip(mode.TeamSize).Sum(p => skill[p.Id]);
            var p1 = 1 / (1 + Math.Exp(-(strength1 - strength2) / Math.Sqrt(mode.TeamSize)));
            var draw = !cancelled && !inProgress && r.Chance(mode.Mode == "duel_1v1" ? 0.02 : 0.04);
            int? winner = inProgress || cancelled || draw ? null : r.Chance(p1) ? 1 : 2;
            var matchId = r.NextGuid();
            var scoreWin = mode.Mode switch { "duel_1v1" => 1, "arena_3v3" => 3, _ => r.Between(3, 10) };
            var scoreLose = mode.Mode == "duel_1v1" ? 0 : r.Between(0, scoreWin - 1);
            await AddAsync(new Match
            {
                Id = matchId,
                MatchId = "mch_" + r.Hex(16),
                GameMode = mode.Mode,
                MatchType = matchType,
                Participants = Json(picked.Select((p, i) => new { user_id = p.Id, team = i < mode.TeamSize ? 1 : 2 }).ToList()),
                MatchData = Json(new
                {
                    map = r.Pick(Maps),
                    region = r.Pick(Regions),
                    server = $"gs-{r.Pick(Regions)}-{r.Between(1, 12):00}",
                    score = winner is null ? new[] { scoreLose, scoreLose } : winner == 1 ? new[] { scoreWin, scoreLose } : new[] { scoreLose, scoreWin },
                    avg_ping_ms = r.Between(18, 140),
                }),
                Status = inProgress ? "in_progress" : cancelled ? "cancelled" : "completed",
                StartedAt = started,
                EndedAt = inProgress ? null : Sec(started.AddSeconds(cancelled ? r.Between(30, 120) : duration)),
                Duration = inProgress ? null : cancelled ? null : duration,
                WinnerTeam = winner,
                CreatedAt = Sec(started.AddSeconds(-r.Between(20, 180))),
            });
            for (var i = 0; i < picked.Count; i++)
            {
                var p = picked[i];
                var team = i < mode.TeamSize ? 1 : 2;
                var role = mode.TeamSize == 1 ? null : r.PickWeighted<string>([("dps", 6), ("healer", 2), ("tank", 2)]);
                var kills = r.Between(0, 4 + mode.TeamSize * 2);
                await AddAsync(new MatchParticipant
                {
                    Id = r.NextGuid(), MatchId = matchId, UserId = p.Id, TeamId = team, Role = role,
                    MatchData = Json(new { actor_id = p.Main.Id, @class = p.Main.Class, level = p.Main.Level, kills, deaths = r.Between(0, 6), damage = r.Between(2000, 60000), healing = role == "healer" ? r.Between(10000, 80000) : r.Between(0, 3000) }),
                    JoinedAt = Sec(started.AddSeconds(-r.Between(5, 60))),
                });
                if (inProgress || cancelled) continue;
                var key = (p.Id, mode.Mode);
                if (!tracks.TryGetValue(key, out var track))
                {
                    track = new RatingTrack { Rating = 1500 + (int)(skill[p.Id] * 120), First = started };
                    track.Wins = r.Between(0, 30);
                    track.Losses = r.Between(0, 30);
                    tracks[key] = track;
                }
                var result = winner is null ? "draw" : winner == team ? "win" : "loss";
                int? change = null;
                if (ranked)
                {
                    change = result switch { "win" => r.Between(10, 30), "loss" => -r.Between(8, 26), _ => r.Between(-3, 3) };
                    track.Rating = Math.Max(0, track.Rating + change.Value);
                }
                if (result == "win") track.Wins++;
                else if (result == "loss") track.Losses++;
                else track.Draws++;
                track.Results.Add(result);
                track.Last = started.AddSeconds(duration);
                await AddAsync(new MatchResult
                {
                    Id = r.NextGuid(), MatchId = matchId, UserId = p.Id, TeamId = team, Result = result,
                    RatingChange = change, NewRating = ranked ? track.Rating : null,
                    PerformanceScore = D4(Math.Clamp(r.Normal(result == "win" ? 65 : 45, 15), 0, 100)),
                    Rewards = Json(new { gold = r.Between(10, 80) * (result == "win" ? 2 : 1), experience = r.Between(100, 800), honor = ranked ? r.Between(5, 40) : 0 }),
                    CreatedAt = Sec(started.AddSeconds(duration)),
                });
            }
        }
        await FlushAsync();

        // Ratings: one row per (main character, mode) that has played, plus older history for some veterans.
        var rr = Rng("ratings");
        foreach (var p in players)
        {
            var a = p.Main;
            foreach (var mode in GameModes)
            {
                if (tracks.TryGetValue((p.Id, mode.Mode), out var track))
                {
                    int win = 0, loss = 0;
                    for (var i = track.Results.Count - 1; i >= 0; i--)
                    {
                        if (track.Results[i] == "win" && loss == 0) win++;
                        else if (track.Results[i] == "loss" && win == 0) loss++;
                        else break;
                    }
                    var last = Sec(Min(track.Last, Now));
                    ratingRows.Add(new Rating
                    {
                        Id = rr.NextGuid(), ActorId = a.Id, GameMode = mode.Mode, RatingValue = track.Rating,
                        Wins = track.Wins, Losses = track.Losses, Draws = track.Draws, WinStreak = win, LossStreak = loss,
                        LastPlayed = last, CreatedAt = Min(Max(a.CreatedAt, LevelTime(a, 10)), track.First), UpdatedAt = last,
                    });
                }
                else if (a.Level >= 10 && a.CreatedAt < Now.AddDays(-35) && rr.Chance(0.2))
                {
                    var last = rr.Between(Max(a.CreatedAt, LevelTime(a, 10)), Max(a.CreatedAt, Now.AddDays(-31)));
                    ratingRows.Add(new Rating
                    {
                        Id = rr.NextGuid(), ActorId = a.Id, GameMode = mode.Mode, RatingValue = (int)rr.Normal(1450, 150),
                        Wins = rr.Between(0, 25), Losses = rr.Between(0, 25), Draws = rr.Between(0, 2), WinStreak = 0, LossStreak = rr.Between(0, 3),
                        LastPlayed = last, CreatedAt = Min(last, Max(a.CreatedAt, LevelTime(a, 10))), UpdatedAt = last,
                    });
                }
            }
        }
        await AddAllAsync(ratingRows);
        await FlushAsync();

        await SeedQueuesAndTeamsAsync(pvpPlayers);
    }

    async Task SeedQueuesAndTeamsAsync(List<PlayerInfo> pvpPlayers)
    {
        var r = Rng("match_queues");
        var recent = pvpPlayers.Where(p => p.Active && p.LastSeen > Now.AddHours(-3)).ToList();
        if (recent.Count == 0) recent = pvpPlayers.Count > 0 ? pvpPlayers : players;
        var n = Scaled(50);
        for (var i = 0; i < n; i++)
        {
            var p = r.Pick(recent);
            var mode = r.PickWeighted(GameModes.Select(g => (g, g.Weight)).ToList());
            var status = r.PickWeighted<string>([("waiting", 4), ("matched", 4), ("cancelled", 1.5), ("expired", 1)]);
            DateTime queued = status switch
            {
                "waiting" => Sec(Now.AddSeconds(-r.Between(5, 480))),
                "expired" => Sec(Now.AddMinutes(-r.Between(20, 600))),
                _ => Sec(Now.AddMinutes(-r.Between(2, 600))),
            };
            await AddAsync(new MatchQueue
            {
                Id = r.NextGuid(),
                QueueId = "que_" + r.Hex(16),
                UserId = p.Id,
                GameMode = mode.Mode,
                QueueType = r.PickWeighted<string>([("ranked", 6), ("casual", 3), ("party", 2)]),
                Priority = r.Chance(0.15) ? r.Between(1, 3) : 0,
                Preferences = Json(new { region = r.Pick(Regions), max_ping_ms = r.Pick(new[] { 80, 120, 150, 200 }), preferred_role = r.Pick(new[] { "dps", "healer", "tank", "any" }), rating = 1500 + r.Between(-300, 600) }),
                Status = status,
                QueuedAt = queued,
                MatchedAt = status == "matched" ? Sec(queued.AddSeconds(r.Between(10, 240))) : null,
                ExpiresAt = Sec(queued.AddMinutes(10)),
            });
        }

        var tr = Rng("teams");
        (string Type, int Size)[] teamTypes = [("arena_2v2", 2), ("arena_3v3", 3), ("guild_war_5v5", 5)];
        var teamNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var teams = Scaled(30);
        for (var i = 0; i < teams && pvpPlayers.Count >= 6; i++)
        {
            var (type, size) = tr.Pick(teamTypes);
            var members = tr.Sample(pvpPlayers, size + (tr.Chance(0.3) ? 1 : 0));
            var from = members.Max(m => m.CreatedAt);
            var to = Min(Now, members.Min(m => m.LastSeen));
            if (to <= from) to = from.AddHours(1);
            var created = tr.Between(from, to);
            string name;
            do name = $"{tr.Pick(NameAdjectives)} {tr.Pick(NameNouns)}s" + (teamNames.Count > 600 ? " " + tr.Between(2, 99) : "");
            while (!teamNames.Add(name));
            var wins = tr.Between(0, 80);
            var losses = tr.Between(0, 70);
            var teamId = tr.NextGuid();
            await AddAsync(new Team
            {
                Id = teamId,
                TeamId = "team_" + tr.Hex(12),
                TeamName = name,
                TeamType = type,
                LeaderId = members[0].Id,
                Members = Json(members.Select((m, k) => new { user_id = m.Id, role = k == 0 ? "leader" : k < size ? "member" : "substitute" }).ToList()),
                TeamRating = 1500 + (wins - losses) * 8 + tr.Between(-50, 50),
                Wins = wins,
                Losses = losses,
                IsActive = tr.Chance(0.85),
                CreatedAt = created,
                UpdatedAt = tr.Between(created, Max(created, to).AddSeconds(1)),
            });
            for (var k = 0; k < members.Count; k++)
            {
                var m = members[k];
                var joined = k == 0 ? created : tr.Between(created, Max(created, Min(Now, m.LastSeen)).AddSeconds(1));
                await AddAsync(new TeamMember
                {
                    Id = tr.NextGuid(), TeamId = teamId, UserId = m.Id,
                    Role = k == 0 ? "leader" : k < size ? "member" : "substitute",
                    JoinedAt = joined,
                    LastActive = Max(joined, Min(Now, m.LastSeen)),
                });
            }
        }
        await FlushAsync();
    }
}
