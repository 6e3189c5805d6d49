using System.Data.Common;
using System.Text.RegularExpressions;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Security;
using GameOps.Web.Services.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Moderation;

/// <summary>
/// Full-text search (PostgreSQL GIN over the stored search_vector, SQLite FTS5 kept by triggers) over chat, report descriptions,
/// sanction reasons and staff notes, in web-search syntax, with filters, keyset paging, ranking and highlighting.
/// </summary>
public sealed class ChatSearchTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static ChatMessage Message(ChatChannel channel, Player user, string content, DateTime at) => new()
    {
        Id = Guid.NewGuid(), MessageId = "fts_" + Guid.NewGuid().ToString("N")[..16], ChannelId = channel.Id, UserId = user.Id, Content = content, MessageType = "text", CreatedAt = at,
    };

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Chat_search_understands_words_phrases_exclusions_and_or_and_combines_with_filters(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var world = await ModerationArrange.CreateAsync(db);
        var trade = new ChatChannel { Id = Guid.NewGuid(), ChannelId = "trade_en", Name = "Trade (EN)", ChannelType = "trade", IsActive = true };
        var now = DateTime.UtcNow;
        ChatMessage sellGold, goldScam, cheapGold, accents, oldGold;
        await using (var add = db.CreateContext())
        {
            add.Channels.Add(trade);
            add.ChatMessages.AddRange(
                sellGold = Message(trade, world.Target, "WTS cheap GOLD, pm me", now.AddMinutes(-1)),
                goldScam = Message(trade, world.Reporter, "that gold seller is a scam", now.AddMinutes(-2)),
                cheapGold = Message(world.Channel, world.Target, "gold gold cheap", now.AddMinutes(-3)),
                accents = Message(trade, world.Reporter, "Café Ünïcode", now.AddMinutes(-4)),
                oldGold = Message(trade, world.Target, "selling gold since forever", now.AddDays(-60)));
            await add.SaveChangesAsync(Ct);
        }
        await using var alice = world.As(world.Alice);
        var chat = alice.ServiceProvider.GetRequiredService<ChatReviewService>(); // the search demands ModerationRead of its caller
        async Task<List<Guid>> Ids(ChatSearch search) => (await chat.SearchAsync(search, Ct)).Rows.Select(r => r.Id).ToList();

        // One word, any case, whole words only, no time window needed (the 60-day-old message is found).
        Assert.Equal([sellGold.Id, goldScam.Id, cheapGold.Id, oldGold.Id], await Ids(new ChatSearch { Text = "Gold" }));
        Assert.Empty(await Ids(new ChatSearch { Text = "gol" }));
        // Two words: both must appear, anywhere.
        Assert.Equal([sellGold.Id, cheapGold.Id], await Ids(new ChatSearch { Text = "cheap gold" }));
        // A quoted phrase: the words in that order.
        Assert.Equal([sellGold.Id], await Ids(new ChatSearch { Text = "\"cheap gold\"" }));
        // -word excludes; or joins alternatives.
        Assert.Equal([sellGold.Id, cheapGold.Id, oldGold.Id], await Ids(new ChatSearch { Text = "gold -scam" }));
        Assert.Equal([goldScam.Id, accents.Id], await Ids(new ChatSearch { Text = "scam or café" }));
        // Words outside ASCII match; accents count, as in PostgreSQL's 'simple' configuration.
        Assert.Equal([accents.Id], await Ids(new ChatSearch { Text = "café Ünïcode" }));
        Assert.Empty(await Ids(new ChatSearch { Text = "cafe" }));
        // Punctuation in the search is not syntax.
        Assert.Equal([world.Reported.Id], await Ids(new ChatSearch { Text = "you (are) trash!" }));

        // Combined with channel, player and time filters.
        Assert.Equal([cheapGold.Id], await Ids(new ChatSearch { Text = "gold", ChannelId = world.Channel.Id }));
        Assert.Equal([sellGold.Id, cheapGold.Id, oldGold.Id], await Ids(new ChatSearch { Text = "gold", UserId = world.Target.Id }));
        Assert.Equal([sellGold.Id, goldScam.Id], await Ids(new ChatSearch { Text = "gold", ChannelId = trade.Id, From = now.AddHours(-1) }));

        // Nothing to look for: a clear message, no rows.
        var onlyExcluded = await chat.SearchAsync(new ChatSearch { Text = "-gold" }, Ct);
        Assert.Empty(onlyExcluded.Rows);
        Assert.Contains("only excludes", onlyExcluded.Notice);
        var punctuation = await chat.SearchAsync(new ChatSearch { Text = "%%% [" }, Ct);
        Assert.Empty(punctuation.Rows);
        Assert.Contains("at least one word", punctuation.Notice);

        // The searched words come back for highlighting; excluded ones do not.
        var highlighted = await chat.SearchAsync(new ChatSearch { Text = "Cheap \"GOLD\" -scam" }, Ct);
        Assert.Equal(["cheap", "gold"], highlighted.Highlight!.Order());
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Chat_search_pages_by_keyset_ranks_best_match_and_follows_edits_and_deletes(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var world = await ModerationArrange.CreateAsync(db);
        var now = DateTime.UtcNow;
        // Seven matches; two share a timestamp, so the page boundary must break ties by id.
        var at = now.AddMinutes(-30);
        var matches = Enumerable.Range(0, 7).Select(i => Message(world.Channel, world.Target, $"loot drop number {i}", i is 3 or 4 ? at : now.AddMinutes(-i))).ToList();
        var best = Message(world.Channel, world.Reporter, "loot drop, loot drop and loot drop", now.AddDays(-3));
        await using (var add = db.CreateContext())
        {
            add.ChatMessages.AddRange(matches);
            add.ChatMessages.Add(best);
            await add.SaveChangesAsync(Ct);
        }
        await using var alice = world.As(world.Alice);
        var chat = alice.ServiceProvider.GetRequiredService<ChatReviewService>(); // the search demands ModerationRead of its caller
        var expected = matches.Append(best).OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id.ToString(), StringComparer.Ordinal).Select(m => m.Id).ToList();

        var seen = new List<Guid>();
        ChatCursor? cursor = null;
        var pages = 0;
        do
        {
            var page = await chat.SearchAsync(new ChatSearch { Text = "loot drop", PageSize = 3, Before = cursor }, Ct);
            seen.AddRange(page.Rows.Select(r => r.Id));
            cursor = page.Next;
            Assert.Equal(page.HasMore, cursor is not null);
            pages++;
        } while (cursor is not null && pages < 10);
        Assert.Equal(expected, seen);
        Assert.Equal(3, pages);

        // Best match: the message with the most and densest hits first, whatever its age.
        var ranked = await chat.SearchAsync(new ChatSearch { Text = "loot drop", Order = ChatOrder.BestMatch, PageSize = 3 }, Ct);
        Assert.Equal(best.Id, ranked.Rows[0].Id);
        Assert.True(ranked.HasMore);
        var rankedAll = (await chat.SearchAsync(new ChatSearch { Text = "loot drop", Order = ChatOrder.BestMatch, PageSize = 50 }, Ct)).Rows.Select(r => r.Id).ToList();
        Assert.Equal(expected.Order(), rankedAll.Order());

        // The index follows edits and deletes (SQLite: the triggers; PostgreSQL: the expression index).
        await using (var edit = db.CreateContext())
        {
            var first = await edit.ChatMessages.SingleAsync(m => m.Id == matches[0].Id, Ct);
            first.Content = "edited to say something else";
            edit.ChatMessages.Remove(await edit.ChatMessages.SingleAsync(m => m.Id == matches[1].Id, Ct));
            await edit.SaveChangesAsync(Ct);
        }
        var after = (await chat.SearchAsync(new ChatSearch { Text = "loot drop" }, Ct)).Rows.Select(r => r.Id).ToList();
        Assert.Equal(expected.Except([matches[0].Id, matches[1].Id]), after);
        Assert.Equal([matches[0].Id], (await chat.SearchAsync(new ChatSearch { Text = "\"something else\"" }, Ct)).Rows.Select(r => r.Id));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite, "CROSS JOIN"), InlineData(DatabaseProvider.Postgres, "OFFSET 0")]
    public async Task A_rare_word_is_read_from_the_index_first_a_frequent_one_by_walking_the_newest_messages_and_both_page_alike(DatabaseProvider provider, string indexFirstMarker)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var world = await ModerationArrange.CreateAsync(db);
        var now = DateTime.UtcNow;
        var rare = new List<ChatMessage>();
        await using (var add = db.CreateContext())
        {
            for (var i = 0; i < 600; i++)
            {
                var message = new ChatMessage
                {
                    Id = Guid.NewGuid(), MessageId = $"walk_{i}", ChannelId = world.Channel.Id, UserId = world.Target.Id, MessageType = "text",
                    Content = i % 200 == 7 ? $"hello, anyone seen the mithril trader {i}?" : $"hello there {i}", CreatedAt = now.AddMinutes(-i),
                };
                if (message.Content.Contains("mithril")) rare.Add(message);
                add.ChatMessages.Add(message);
            }
            await add.SaveChangesAsync(Ct);
            if (provider == DatabaseProvider.Postgres) await add.Database.ExecuteSqlRawAsync("ANALYZE chat_messages", Ct);
        }
        await using var context = db.CreateContext();

        var rareSql = (await TextSearch.NewestFirstMatchesAsync(context, context.ChatMessages, TextSearch.Parse("mithril", out _)!, "mithril", 50, Ct)).ToQueryString();
        var frequentSql = (await TextSearch.NewestFirstMatchesAsync(context, context.ChatMessages, TextSearch.Parse("hello", out _)!, "hello", 50, Ct)).ToQueryString();

        // 3 of 600 rows match "mithril" (PostgreSQL's planner estimate, SQLite's FTS5 count): walking newest first would test every row to fill a page.
        Assert.Contains(indexFirstMarker, rareSql);
        Assert.DoesNotContain(indexFirstMarker, frequentSql); // every row says "hello": the first 51 newest rows are the page
        await using var alice = world.As(world.Alice);
        var chat = alice.ServiceProvider.GetRequiredService<ChatReviewService>();
        var first = await chat.SearchAsync(new ChatSearch { Text = "mithril", ChannelId = world.Channel.Id, PageSize = 2 }, Ct);
        var second = await chat.SearchAsync(new ChatSearch { Text = "mithril", ChannelId = world.Channel.Id, PageSize = 2, Before = first.Next }, Ct);
        Assert.Equal(rare.OrderByDescending(m => m.CreatedAt).Select(m => m.Id), first.Rows.Concat(second.Rows).Select(r => r.Id));
        Assert.False(second.HasMore);
    }

    /// <summary>Records the text of every command a context runs.</summary>
    sealed class CommandLog : DbCommandInterceptor
    {
        public List<string> Texts { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            lock (Texts) Texts.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            lock (Texts) Texts.Add(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }

    sealed class LoggedContexts(TestDatabase database, CommandLog log) : IDbContextFactory<GameOpsDbContext>
    {
        public GameOpsDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<SqliteGameOpsDbContext>();
            GameOpsDatabase.Configure(options, database.Options);
            options.AddInterceptors(log);
            return new SqliteGameOpsDbContext(options.Options);
        }
    }

    [Fact]
    public async Task The_next_page_bounds_the_time_column_so_the_index_walk_starts_at_the_cursor_instead_of_the_newest_message()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var world = await ModerationArrange.CreateAsync(db);
        var now = DateTime.UtcNow;
        await using (var add = db.CreateContext())
        {
            add.ChatMessages.AddRange(Enumerable.Range(0, 5).Select(i => Message(world.Channel, world.Target, $"rogue sighted {i}", now.AddMinutes(-i))));
            await add.SaveChangesAsync(Ct);
        }
        await using var alice = world.As(world.Alice);
        var log = new CommandLog();
        var chat = new ChatReviewService(new LoggedContexts(db, log), alice.ServiceProvider.GetRequiredService<CurrentStaff>());

        var first = await chat.SearchAsync(new ChatSearch { Text = "rogue", PageSize = 2 }, Ct);
        log.Texts.Clear();
        var second = await chat.SearchAsync(new ChatSearch { Text = "rogue", PageSize = 2, Before = first.Next }, Ct);

        Assert.Equal(2, second.Rows.Count);
        // "created_at < @at OR (created_at = @at AND id < @id)" alone gives the index no range: the walk re-read every newer message.
        Assert.Contains(log.Texts, sql => Regex.IsMatch(sql, @"""created_at"" <= @\w+ AND \("));
    }

    [Fact]
    public async Task A_player_name_that_matches_no_one_answers_before_the_text_search_counts_its_matches()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var world = await ModerationArrange.CreateAsync(db);
        await using var alice = world.As(world.Alice);
        var log = new CommandLog();
        var chat = new ChatReviewService(new LoggedContexts(db, log), alice.ServiceProvider.GetRequiredService<CurrentStaff>());

        var page = await chat.SearchAsync(new ChatSearch { Text = "rogue", UserPrefix = "nobody-by-this-name" }, Ct);

        Assert.Empty(page.Rows);
        Assert.StartsWith("No player's name starts with", page.Notice);
        // The estimate that chooses the plan (an FTS5 count here, EXPLAIN on PostgreSQL) is wasted when no player can match.
        Assert.DoesNotContain(log.Texts, sql => sql.Contains("_fts", StringComparison.Ordinal));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Best_match_first_ranks_the_newest_thousand_matches_and_a_time_range_reaches_older_ones(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var world = await ModerationArrange.CreateAsync(db);
        var now = DateTime.UtcNow;
        var newer = Enumerable.Range(0, TextSearch.MaxRankedMatches).Select(i => Message(world.Channel, world.Target, $"anyone selling gold {i}", now.AddMinutes(-i))).ToList();
        var oldBest = Message(world.Channel, world.Reporter, "gold gold gold, selling gold", now.AddDays(-30));
        await using (var add = db.CreateContext())
        {
            add.ChatMessages.AddRange(newer);
            add.ChatMessages.Add(oldBest);
            await add.SaveChangesAsync(Ct);
        }
        await using var alice = world.As(world.Alice);
        var chat = alice.ServiceProvider.GetRequiredService<ChatReviewService>();

        var ranked = await chat.SearchAsync(new ChatSearch { Text = "selling gold", Order = ChatOrder.BestMatch, PageSize = 50 }, Ct);
        var lastPage = await chat.SearchAsync(new ChatSearch { Text = "selling gold", Order = ChatOrder.BestMatch, PageSize = 50, Page = TextSearch.MaxRankedMatches / 50 - 1 }, Ct);
        var olderRange = await chat.SearchAsync(new ChatSearch { Text = "selling gold", Order = ChatOrder.BestMatch, To = now.AddDays(-1) }, Ct);

        // Ranking every match of a frequent pair at 10M messages took seconds, so the ranking stops at the newest thousand.
        Assert.DoesNotContain(oldBest.Id, ranked.Rows.Select(r => r.Id));
        Assert.False(lastPage.HasMore, "the thousandth ranked match is the last one: the 1,001st (oldest) match is not ranked");
        Assert.Equal([oldBest.Id], olderRange.Rows.Select(r => r.Id));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Reports_sanctions_and_notes_are_found_by_their_words(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var world = await ModerationArrange.CreateAsync(db);
        var spam = new ModerationAction { Id = Guid.NewGuid(), ActionId = "act_" + Guid.NewGuid().ToString("N"), ModeratorId = world.Alice.Id, TargetUserId = world.Target.Id, ActionType = "mute", Reason = "Spamming gold-selling links in trade", CreatedAt = DateTime.UtcNow.AddHours(-1) };
        var toxic = new ModerationAction { Id = Guid.NewGuid(), ActionId = "act_" + Guid.NewGuid().ToString("N"), ModeratorId = world.Alice.Id, TargetUserId = world.Target.Id, ActionType = "warning", Reason = "Toxic language", CreatedAt = DateTime.UtcNow.AddHours(-2) };
        var note = new PlayerNote { Id = Guid.NewGuid(), UserId = world.Target.Id, StaffUserId = world.Bob.Id, Note = "Called the player: promised to stop the insulting", CreatedAt = DateTime.UtcNow.AddMinutes(-5) };
        await using (var add = db.CreateContext())
        {
            add.ModerationActions.AddRange(spam, toxic);
            add.PlayerNotes.Add(note);
            await add.SaveChangesAsync(Ct);
        }
        await using var alice = world.As(world.Alice);
        var queries = alice.ServiceProvider.GetRequiredService<ModerationQueries>(); // the searches demand ModerationRead of their caller

        Assert.Equal(spam.Id, Assert.Single((await queries.ListSanctionsAsync(new SanctionFilter { Text = "GOLD trade" }, Ct)).Rows).Id);
        Assert.Equal(toxic.Id, Assert.Single((await queries.ListSanctionsAsync(new SanctionFilter { Text = "toxic or nothing", Type = "warning" }, Ct)).Rows).Id);
        Assert.Empty((await queries.ListSanctionsAsync(new SanctionFilter { Text = "toxic", Type = "mute" }, Ct)).Rows);
        Assert.Contains("only excludes", (await queries.ListSanctionsAsync(new SanctionFilter { Text = "-toxic" }, Ct)).Notice);

        var reports = await queries.ListQueueAsync(new ReportQueueFilter { Text = "insulting" }, null, Ct);
        Assert.Equal(world.Report.Id, Assert.Single(reports.Rows).Id);
        Assert.Equal(1, reports.Total);
        Assert.Empty((await queries.ListQueueAsync(new ReportQueueFilter { Text = "\"insulting he\"" }, null, Ct)).Rows);

        var (notes, notice) = await queries.SearchNotesAsync("insulting promised", world.Target.Id, cancellationToken: Ct);
        Assert.Null(notice);
        Assert.Equal(note.Id, Assert.Single(notes).Id);
        Assert.Equal("troll_king", notes[0].Username);
        Assert.Empty((await queries.SearchNotesAsync("insulting", world.Reporter.Id, cancellationToken: Ct)).Rows);
    }

    [Fact]
    public void Web_search_syntax_translates_to_fts5_and_highlights_as_text()
    {
        var query = TextSearch.Parse("Cheap \"gold coins\" -scam or \"Ünï\"code  bot", out var problem);
        Assert.Null(problem);
        Assert.Equal("((\"cheap\" AND \"gold coins\") NOT \"scam\") OR ((\"ünï\" AND \"code\" AND \"bot\"))", TextSearch.ToFts5(query!));
        // Quotes and FTS5 operators typed by the user never reach the expression as syntax.
        Assert.Equal("((\"near\" AND \"a\" AND \"b\"))", TextSearch.ToFts5(TextSearch.Parse("NEAR(a* b)", out _)!));
        Assert.Equal("((\"and\" AND \"or\"))", TextSearch.ToFts5(TextSearch.Parse("AND \"or\"", out _)!));
        Assert.Null(TextSearch.Parse("   ", out problem));
        Assert.Null(problem);
        Assert.Null(TextSearch.Parse(new string('a', TextSearch.MaxLength + 1), out problem));
        Assert.Contains("longer than", problem);

        var segments = TextSearch.Segments("<b>GOLD</b> for gold-ish Café", new HashSet<string> { "gold", "café" });
        Assert.Equal([("<b>", false), ("GOLD", true), ("</b> for ", false), ("gold", true), ("-ish ", false), ("Café", true)], segments);
    }
}
