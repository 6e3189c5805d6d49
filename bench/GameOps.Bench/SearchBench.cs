using System.Data.Common;
using System.Diagnostics;
using System.Security.Claims;
using System.Text;
using GameOps.Data;
using GameOps.Web.Security;
using GameOps.Web.Services.Moderation;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Spectre.Console;

namespace GameOps.Bench;

/// <summary>
/// <c>run --only search</c>: full-text search through the app's own services (<see cref="ChatReviewService.SearchAsync"/>,
/// <see cref="ModerationQueries"/>) beside hand-written SQL doing the same (the floor: the same full-text index, the same
/// filters, keyset and row shape over plain ADO.NET) and the old way (a contains-scan, <c>lower(content) LIKE '%word%'</c>
/// newest first, as before full-text search; few iterations, it is slow). Search words are taken from the data: the most
/// frequent word of a sample of messages, the pair of words that most often appear together, and a rarer word.
/// </summary>
public static class SearchBench
{
    const int PageSize = 50;

    sealed record Case(string Name, ChatSearch Search, Func<DbConnection, ChatCursor?, Task> Floor, string? LikeWord, Guid? ChannelId = null, Guid? UserId = null);

    public static async Task RunAsync(DatabaseOptions database, ServiceProvider provider, int iterations, StringBuilder report, Func<Task> flush)
    {
        var postgres = database.Provider == DatabaseProvider.Postgres;
        await using var sampleConnection = Open(database);
        await sampleConnection.OpenAsync();
        var sample = await SampleAsync(sampleConnection, postgres);
        var (common, pair, rare, channel, player) = Pick(sample);
        var rareRecently = await RareAmongRecentAsync(sampleConnection);

        report.AppendLine();
        report.AppendLine("## Full-text search");
        report.AppendLine();
        report.AppendLine($"Words from a sample of {sample.Count:N0} messages: most frequent \"{common}\", most frequent pair \"{pair}\", a rarer word \"{rare}\". " +
                          "App = `ChatReviewService.SearchAsync` / `ModerationQueries` in one DI scope; next page = keyset after the first page's last row. " +
                          "Floor = hand-written SQL on the same full-text index with the same filters, order, keyset and columns. " +
                          $"Old way = `lower(content) LIKE '%word%'` newest first (what text search did before), {OldIterations} iterations; for best match first, the old way ranks every match instead of the newest {TextSearch.MaxRankedMatches:N0}. {PageSize} rows a page; times in ms.");
        report.AppendLine();
        report.AppendLine("| search | app p50 | app p95 | floor p50 | floor p95 | app/floor p50 | old way p50 | old/app p50 |");
        report.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");

        var cases = new List<Case>
        {
            new($"chat: one word \"{common}\"", new ChatSearch { Text = common }, (c, k) => ChatFloorAsync(c, postgres, common, k, null, null), common),
            new($"chat: two words \"{pair}\"", new ChatSearch { Text = pair }, (c, k) => ChatFloorAsync(c, postgres, pair, k, null, null), null),
            new($"chat: rarer word \"{rare}\"", new ChatSearch { Text = rare }, (c, k) => ChatFloorAsync(c, postgres, rare, k, null, null), rare),
            new($"chat: \"{common}\" in one channel", new ChatSearch { Text = common, ChannelId = channel }, (c, k) => ChatFloorAsync(c, postgres, common, k, channel, null), common, ChannelId: channel),
            new($"chat: \"{common}\" by one player", new ChatSearch { Text = common, UserId = player }, (c, k) => ChatFloorAsync(c, postgres, common, k, null, player), common, UserId: player),
            new($"chat: \"{pair}\" best match first", new ChatSearch { Text = pair, Order = ChatOrder.BestMatch }, (c, _) => ChatRankedFloorAsync(c, postgres, pair), null),
        };
        if (rareRecently is not null)
            cases.Insert(3, new($"chat: word absent from the newest messages \"{rareRecently}\"", new ChatSearch { Text = rareRecently },
                (c, k) => ChatFloorAsync(c, postgres, rareRecently, k, null, null), null));

        foreach (var c in cases)
        {
            // First page, then the next page from the first page's last row.
            ChatCursor? next = null;
            var first = await TimeAsync(iterations, async () =>
            {
                await using var scope = Scope(provider);
                next = (await scope.ServiceProvider.GetRequiredService<ChatReviewService>().SearchAsync(c.Search with { PageSize = PageSize })).Next;
            });
            var floorFirst = await TimeAsync(iterations, async () => { await using var cn = Open(database); await cn.OpenAsync(); await c.Floor(cn, null); });
            var old = c.LikeWord is { } word
                ? await TimeAsync(OldIterations, async () => { await using var cn = Open(database); await cn.OpenAsync(); await OldWayAsync(cn, postgres, word, c.ChannelId, c.UserId); }, warmups: 1)
                : c.Search.Order == ChatOrder.BestMatch
                    ? await TimeAsync(OldIterations, async () => { await using var cn = Open(database); await cn.OpenAsync(); await ChatRankedFloorAsync(cn, postgres, c.Search.Text!, capped: false); }, warmups: 1)
                    : null;
            await Line($"{c.Name}, first page", first, floorFirst, old);
            if (next is null || c.Search.Order == ChatOrder.BestMatch) continue;
            var cursor = next;
            var second = await TimeAsync(iterations, async () =>
            {
                await using var scope = Scope(provider);
                await scope.ServiceProvider.GetRequiredService<ChatReviewService>().SearchAsync(c.Search with { PageSize = PageSize, Before = cursor });
            });
            var floorSecond = await TimeAsync(iterations, async () => { await using var cn = Open(database); await cn.OpenAsync(); await c.Floor(cn, cursor); });
            await Line($"{c.Name}, next page", second, floorSecond, null);
        }

        // Report descriptions, sanction reasons, staff notes: one word each, first page with the list's total.
        foreach (var (label, table, column) in new[] { ("reports", "player_reports", "description"), ("sanctions", "moderation_actions", "reason"), ("staff notes", "player_notes", "note") })
        {
            var word = await FrequentWordAsync(sampleConnection, table, column);
            if (word is null) continue;
            var app = await TimeAsync(iterations, async () =>
            {
                await using var scope = Scope(provider);
                var queries = scope.ServiceProvider.GetRequiredService<ModerationQueries>();
                if (table == "player_reports") await queries.ListQueueAsync(new ReportQueueFilter { Status = "all", Sort = "newest", Text = word }, null);
                else if (table == "moderation_actions") await queries.ListSanctionsAsync(new SanctionFilter { Text = word });
                else await queries.SearchNotesAsync(word, take: PageSize);
            });
            var floor = await TimeAsync(iterations, async () => { await using var cn = Open(database); await cn.OpenAsync(); await TextFloorAsync(cn, postgres, table, word, counted: table != "player_notes"); });
            await Line($"{label}: one word \"{word}\" (with the list's count)", app, floor, null);
        }

        async Task Line(string name, Timing app, Timing floor, Timing? old)
        {
            var line = $"| {name} | {app.P50:0.0} | {app.P95:0.0} | {floor.P50:0.0} | {floor.P95:0.0} | {app.P50 / floor.P50:0.00}× | {(old is null ? "" : old.P50.ToString("0.0"))} | {(old is null ? "" : (old.P50 / app.P50).ToString("0") + "×")} |";
            AnsiConsole.WriteLine(line);
            report.AppendLine(line);
            await flush();
        }
    }

    const int OldIterations = 5;

    static AsyncServiceScope Scope(ServiceProvider provider)
    {
        var scope = provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentStaff>().Use(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, Guid.Empty.ToString()),
            new Claim(ClaimTypes.Name, "bench@gameops.local"),
            new Claim(ClaimTypes.Email, "bench@gameops.local"),
            new Claim(ClaimTypes.Role, StaffRoles.Moderator),
        ], "Bench")), "127.0.0.1", "bench");
        return scope;
    }

    public static void AddServices(IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentStaff>();
        services.AddModerationWorkspace();
    }

    static DbConnection Open(DatabaseOptions database) => database.Provider == DatabaseProvider.Postgres
        ? new NpgsqlConnection(database.ConnectionString) : new SqliteConnection(database.ConnectionString);

    sealed record Sampled(string Content, Guid ChannelId, Guid UserId);

    static async Task<List<Sampled>> SampleAsync(DbConnection connection, bool postgres)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = postgres
            ? "SELECT content, channel_id, user_id FROM chat_messages TABLESAMPLE SYSTEM (1) LIMIT 20000"
            : "SELECT content, channel_id, user_id FROM chat_messages ORDER BY random() LIMIT 20000";
        var rows = new List<Sampled>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(new Sampled(reader.GetString(0), Guid.Parse(reader.GetValue(1).ToString()!), Guid.Parse(reader.GetValue(2).ToString()!)));
        return rows;
    }

    static (string Common, string Pair, string Rare, Guid Channel, Guid Player) Pick(List<Sampled> sample)
    {
        var words = sample.Select(s => TextSearch.Words(s.Content).Where(w => w.Length >= 3 && !w.All(char.IsDigit)).Distinct().ToList()).ToList();
        var frequency = words.SelectMany(w => w).GroupBy(w => w).Select(g => (Word: g.Key, Count: g.Count())).OrderByDescending(x => x.Count).ThenBy(x => x.Word, StringComparer.Ordinal).ToList();
        var common = frequency[0].Word;
        var pairs = words.SelectMany(ws => ws.SelectMany(a => ws.Where(b => string.CompareOrdinal(a, b) < 0).Select(b => (a, b))))
            .GroupBy(p => p).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.a, StringComparer.Ordinal).First().Key;
        // A word in about 0.2 % of messages (at least 2 in the sample).
        var rare = frequency.Where(x => x.Count >= 2 && x.Count <= Math.Max(2, sample.Count / 500)).Select(x => x.Word).FirstOrDefault() ?? frequency[^1].Word;
        var withCommon = sample.Where((s, i) => words[i].Contains(common)).ToList();
        var channel = withCommon.GroupBy(s => s.ChannelId).OrderByDescending(g => g.Count()).First().Key;
        var player = withCommon.GroupBy(s => s.UserId).OrderByDescending(g => g.Count()).First().Key;
        return (common, $"{pairs.a} {pairs.b}", rare, channel, player);
    }

    /// <summary>
    /// The word most frequent among the 20,000 oldest messages that never occurs among the 20,000 newest: a newest-first walk
    /// passes every recent message before it finds one (last session's "banker", 485 ms).
    /// </summary>
    static async Task<string?> RareAmongRecentAsync(DbConnection connection)
    {
        var oldest = await WordCountsAsync(connection, "SELECT content FROM chat_messages ORDER BY created_at LIMIT 20000");
        var newest = await WordCountsAsync(connection, "SELECT content FROM chat_messages ORDER BY created_at DESC LIMIT 20000");
        return oldest.Where(w => w.Value >= 2 && w.Key.Length >= 3 && !w.Key.All(char.IsDigit) && !newest.ContainsKey(w.Key))
            .OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).Select(w => w.Key).FirstOrDefault();
    }

    static async Task<Dictionary<string, int>> WordCountsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var counts = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            foreach (var w in TextSearch.Words(reader.GetString(0)).Distinct())
                counts[w] = counts.GetValueOrDefault(w) + 1;
        return counts;
    }

    static async Task<string?> FrequentWordAsync(DbConnection connection, string table, string column)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {column} FROM {table} WHERE {column} IS NOT NULL LIMIT 5000";
        var counts = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            foreach (var w in TextSearch.Words(reader.GetString(0)).Where(w => w.Length >= 4).Distinct())
                counts[w] = counts.GetValueOrDefault(w) + 1;
        return counts.Count == 0 ? null : counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).First().Key;
    }

    const string ChatColumns = "m.id, m.message_id, m.channel_id, c.name, m.user_id, u.username, m.content, m.message_type, m.is_deleted, m.deleted_at, m.metadata, m.created_at";

    /// <summary>The floor of a newest-first chat search: the full-text index, filters, keyset, 51 rows with channel and player names.</summary>
    static Task ChatFloorAsync(DbConnection connection, bool postgres, string text, ChatCursor? before, Guid? channel, Guid? user)
    {
        var where = new List<string>
        {
            // SQLite: a correlated EXISTS, so the newest-first walk checks each row through the keys' unique index and the FTS5 rowid
            // (an IN list first materialised every match: 7 s for a frequent word at 200k messages).
            postgres ? "m.search_vector @@ websearch_to_tsquery('simple', @q)"
                     : "EXISTS (SELECT 1 FROM chat_messages_fts_keys k JOIN chat_messages_fts f ON f.rowid = k.rowid WHERE k.id = m.id AND chat_messages_fts MATCH @q)",
        };
        if (channel is not null) where.Add("m.channel_id = @channel");
        if (user is not null) where.Add("m.user_id = @user");
        if (before is not null) where.Add("(m.created_at, m.id) < (@at, @id)");
        var sql = $"SELECT {ChatColumns} FROM chat_messages m JOIN channels c ON c.id = m.channel_id JOIN users u ON u.id = m.user_id " +
                  $"WHERE {string.Join(" AND ", where)} ORDER BY m.created_at DESC, m.id DESC LIMIT {PageSize + 1}";
        return ReadAsync(connection, sql, postgres, ("q", postgres ? text : TextSearch.ToFts5(TextSearch.Parse(text, out _)!)),
            ("channel", channel), ("user", user), ("at", before?.CreatedAt), ("id", before?.Id));
    }

    /// <summary>Best match first among the newest <see cref="TextSearch.MaxRankedMatches"/> matches (uncapped: every match, the old way).</summary>
    static Task ChatRankedFloorAsync(DbConnection connection, bool postgres, string text, bool capped = true)
    {
        var cap = capped ? $" ORDER BY created_at DESC, id DESC LIMIT {TextSearch.MaxRankedMatches}" : "";
        var sql = postgres
            ? $"SELECT {ChatColumns} FROM (SELECT * FROM chat_messages WHERE search_vector @@ websearch_to_tsquery('simple', @q){cap}) m " +
              "JOIN channels c ON c.id = m.channel_id JOIN users u ON u.id = m.user_id " +
              $"ORDER BY ts_rank_cd(m.search_vector, websearch_to_tsquery('simple', @q)) DESC, m.created_at DESC, m.id DESC LIMIT {PageSize + 1}"
            : $"SELECT {ChatColumns} FROM (SELECT f.rank, t.* FROM chat_messages_fts f JOIN chat_messages_fts_keys k ON k.rowid = f.rowid JOIN chat_messages t ON t.id = k.id " +
              $"WHERE chat_messages_fts MATCH @q{cap}) m JOIN channels c ON c.id = m.channel_id JOIN users u ON u.id = m.user_id " +
              $"ORDER BY m.rank, m.created_at DESC, m.id DESC LIMIT {PageSize + 1}";
        return ReadAsync(connection, sql, postgres, ("q", postgres ? text : TextSearch.ToFts5(TextSearch.Parse(text, out _)!)));
    }

    /// <summary>Reports, sanctions (with the list's exact count, as the app shows it) and notes matching one word, newest first.</summary>
    static async Task TextFloorAsync(DbConnection connection, bool postgres, string table, string word, bool counted)
    {
        var match = postgres
            ? "t.search_vector @@ websearch_to_tsquery('simple', @q)"
            : $"EXISTS (SELECT 1 FROM {table}_fts_keys k JOIN {table}_fts f ON f.rowid = k.rowid WHERE k.id = t.id AND {table}_fts MATCH @q)";
        var q = postgres ? word : TextSearch.ToFts5(TextSearch.Parse(word, out _)!);
        if (counted) await ReadAsync(connection, $"SELECT COUNT(*) FROM {table} t WHERE {match}", postgres, ("q", q));
        await ReadAsync(connection, $"SELECT t.* FROM {table} t WHERE {match} ORDER BY t.created_at DESC, t.id LIMIT {PageSize}", postgres, ("q", q));
    }

    /// <summary>Before full-text search: a contains-scan newest first.</summary>
    static Task OldWayAsync(DbConnection connection, bool postgres, string word, Guid? channel, Guid? user)
    {
        var where = new List<string> { "lower(m.content) LIKE @q" };
        if (channel is not null) where.Add("m.channel_id = @channel");
        if (user is not null) where.Add("m.user_id = @user");
        var sql = $"SELECT {ChatColumns} FROM chat_messages m JOIN channels c ON c.id = m.channel_id JOIN users u ON u.id = m.user_id " +
                  $"WHERE {string.Join(" AND ", where)} ORDER BY m.created_at DESC, m.id DESC LIMIT {PageSize + 1}";
        return ReadAsync(connection, sql, postgres, ("q", "%" + word + "%"), ("channel", channel), ("user", user));
    }

    static async Task ReadAsync(DbConnection connection, string sql, bool postgres, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        foreach (var (name, value) in parameters.Where(p => p.Value is not null))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            // SQLite keeps GUIDs as upper-case text and timestamps as ISO text, as EF writes them.
            parameter.Value = postgres ? value : value switch
            {
                Guid g => g.ToString().ToUpperInvariant(),
                DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
                _ => value,
            };
            command.Parameters.Add(parameter);
        }
        await using var reader = await command.ExecuteReaderAsync();
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync()) reader.GetValues(values);
    }

    public sealed record Timing(double P50, double P95);

    static async Task<Timing> TimeAsync(int iterations, Func<Task> action, int warmups = 3)
    {
        for (var i = 0; i < warmups; i++) await action();
        var times = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var sw = Stopwatch.StartNew();
            await action();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        double At(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        return new Timing(At(0.5), At(0.95));
    }
}
