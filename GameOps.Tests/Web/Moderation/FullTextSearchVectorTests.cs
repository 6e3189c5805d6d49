using System.Text.Json;
using GameOps.Data;
using GameOps.Data.Configurations;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Security;
using GameOps.Web.Services.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Moderation;

/// <summary>
/// On PostgreSQL every searchable text has a stored, GIN-indexed <c>search_vector</c> kept by the database, and searches match
/// and rank against it: parsing each matching text again (<c>to_tsvector(content)</c> in the query) made "best match first"
/// cost seconds for a frequent word. The vector is the database's own bookkeeping: never audited, copied or shown.
/// </summary>
public sealed class FullTextSearchVectorTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Chat_searches_match_and_rank_the_stored_vector_instead_of_parsing_every_message_again()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Postgres);
        await using var context = db.CreateContext();
        var query = TextSearch.Parse("gold offer", out _)!;

        var newest = TextSearch.Matching(context, context.ChatMessages, query, "gold offer").ToQueryString();
        var ranked = TextSearch.MatchingByRelevance(context, context.ChatMessages, query, "gold offer").ToQueryString();

        foreach (var sql in new[] { newest, ranked })
        {
            Assert.Contains("search_vector @@ websearch_to_tsquery('simple'", sql);
            Assert.DoesNotContain("to_tsvector", sql); // the text is not parsed again per row
        }
        Assert.Matches(@"ts_rank_cd\(\w+\.search_vector", ranked);
    }

    [Fact]
    public async Task The_database_fills_the_vector_when_a_message_is_written_and_the_search_finds_it_through_the_gin_index()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Postgres);
        await using (var seed = db.CreateContext())
        {
            var rows = new RowBuilder(seed);
            for (var i = 0; i < 30; i++) rows.Add<ChatMessage>().Content = i == 7 ? "Selling Mithril swords, cheap gold" : $"hello there {i}";
            await seed.SaveChangesAsync(Ct);
        }
        await using var context = db.CreateContext();
        await context.Database.OpenConnectionAsync(Ct);
        await context.Database.ExecuteSqlRawAsync("SET enable_seqscan = off", Ct);
        var query = TextSearch.Parse("mithril gold", out _)!;
        var search = TextSearch.Matching(context, context.ChatMessages, query, "mithril gold");

        var found = await search.Select(m => m.Content).ToListAsync(Ct);
        await using var explain = search.CreateDbCommand(); // the search's own SQL and parameters
        explain.CommandText = "EXPLAIN " + explain.CommandText;
        var plan = "";
        await using (var reader = await explain.ExecuteReaderAsync(Ct))
            while (await reader.ReadAsync(Ct)) plan += reader.GetString(0) + "\n";

        Assert.Equal(["Selling Mithril swords, cheap gold"], found);
        Assert.Contains("ix_chat_messages_search_vector", plan);
    }

    [Theory]
    [InlineData(7_666, true)]     // "banker": walk 414–891 ms, index first 87–129 ms (scale 1, loaded machine)
    [InlineData(15_666, true)]    // "antidote": walk 196–319 ms, index first 99–298 ms
    [InlineData(20_332, false)]   // "voros": walk 79–88 ms, index first 244–485 ms
    [InlineData(1_000_000, false)] // "for": walk 2 ms, index first 11 s
    public void At_ten_million_messages_the_index_is_asked_first_only_up_to_about_sixteen_thousand_expected_matches(double expectedMatches, bool indexFirst) =>
        Assert.Equal(indexFirst, TextSearch.AsksTheIndexFirst(expectedMatches, rows: 10_000_000, pageSize: 50));

    [Fact]
    public void Every_search_vector_is_a_system_column_as_sensitive_as_its_text()
    {
        using var context = GameOpsDatabase.CreateContext(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = "Host=unused" });
        var vectors = context.Model.GetEntityTypes().SelectMany(e => e.GetProperties()).Where(p => p.IsSearchVector()).ToList();

        Assert.Equal(["chat_messages", "moderation_actions", "player_notes", "player_reports"],
            vectors.Select(v => v.DeclaringType.ContainingEntityType.GetTableName()).Order());
        foreach (var vector in vectors)
        {
            var source = vector.DeclaringType.FindProperty((string)vector.FindAnnotation(FullTextSearch.DerivedFromAnnotation)!.Value!)!;
            Assert.True(vector.IsSystemColumn(), $"{vector.DeclaringType.DisplayName()}.search_vector must never be written, copied, exported or audited");
            Assert.Equal(source.GetSensitivity(), vector.GetSensitivity());
        }
    }

    [Fact]
    public async Task Deleting_a_staff_note_audits_the_note_but_not_its_search_vector()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Postgres);
        Guid noteId;
        await using (var seed = db.CreateContext())
        {
            var note = new RowBuilder(seed).Add<PlayerNote>();
            note.Note = "Warned about gold selling";
            await seed.SaveChangesAsync(Ct);
            noteId = note.Id;
        }
        var services = WebServices.Build(db, WebServices.Staff(StaffRoles.Moderator, Guid.NewGuid(), "moderator@tests.local"));
        var factory = services.GetRequiredService<IDbContextFactory<GameOpsDbContext>>();
        await using (var context = await factory.CreateDbContextAsync(Ct))
        {
            context.Remove(await context.PlayerNotes.SingleAsync(n => n.Id == noteId, Ct)); // loads the stored vector too
            await context.SaveChangesAsync(Ct);
        }

        await using var check = db.CreateContext();
        var audit = await check.StaffAuditLogs.SingleAsync(a => a.EntityType == "player_notes" && a.Action == "delete", Ct);
        using var changes = JsonDocument.Parse(audit.Changes!);
        var before = changes.RootElement.GetProperty("before");
        Assert.Equal("Warned about gold selling", before.GetProperty("note").GetString());
        Assert.False(before.TryGetProperty("search_vector", out _), "the audit row must not repeat the note as a tsvector");
    }
}
