using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Services.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Moderation;

/// <summary>Chat review: search narrowing, bounded text search, context, and bulk soft delete/restore, on both providers.</summary>
public sealed class ChatReviewTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Search_narrows_by_channel_player_time_and_text(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var world = await ModerationArrange.CreateAsync(db);
        var other = new ChatChannel { Id = Guid.NewGuid(), ChannelId = "trade_en", Name = "Trade (EN)", ChannelType = "trade", IsActive = true };
        await using (var add = db.CreateContext())
        {
            add.Channels.Add(other);
            add.ChatMessages.AddRange(
                new ChatMessage { Id = Guid.NewGuid(), MessageId = "msg_trade_1", ChannelId = other.Id, UserId = world.Reporter.Id, Content = "WTS 100% pure ore_x", MessageType = "trade", CreatedAt = DateTime.UtcNow.AddMinutes(-5) },
                new ChatMessage { Id = Guid.NewGuid(), MessageId = "msg_old_1", ChannelId = other.Id, UserId = world.Target.Id, Content = "Trash talk from last month", MessageType = "text", CreatedAt = DateTime.UtcNow.AddDays(-20) });
            await add.SaveChangesAsync(Ct);
        }
        await using var moderator = world.As(world.Alice); // the service demands ModerationRead
        var chat = moderator.ServiceProvider.GetRequiredService<ChatReviewService>();

        var channel = await chat.SearchAsync(new ChatSearch { ChannelId = world.Channel.Id }, Ct);
        Assert.Equal(11, channel.Rows.Count);
        Assert.Equal(world.Conversation[10].Id, channel.Rows[0].Id); // newest first
        Assert.False(channel.HasMore);

        var paged = await chat.SearchAsync(new ChatSearch { ChannelId = world.Channel.Id, PageSize = 4, Page = 2 }, Ct);
        Assert.Equal(3, paged.Rows.Count);
        Assert.False(paged.HasMore);
        Assert.True((await chat.SearchAsync(new ChatSearch { ChannelId = world.Channel.Id, PageSize = 4, Page = 1 }, Ct)).HasMore);

        Assert.Equal(6, (await chat.SearchAsync(new ChatSearch { ChannelId = world.Channel.Id, UserId = world.Target.Id }, Ct)).Rows.Count);
        Assert.Equal(7, (await chat.SearchAsync(new ChatSearch { UserPrefix = "TROLL" }, Ct)).Rows.Count); // 6 + the old one
        var noPlayer = await chat.SearchAsync(new ChatSearch { UserPrefix = "nobody_like_this" }, Ct);
        Assert.Empty(noPlayer.Rows);
        Assert.Contains("No player", noPlayer.Notice);

        // Full-text search (ChatSearchTests has the syntax): whole words, any case; punctuation in the search is not syntax.
        Assert.Equal(world.Reported.Id, Assert.Single((await chat.SearchAsync(new ChatSearch { ChannelId = world.Channel.Id, Text = "YOU ARE TRASH" }, Ct)).Rows).Id);
        Assert.Equal("msg_trade_1", Assert.Single((await chat.SearchAsync(new ChatSearch { ChannelId = other.Id, Text = "100%" }, Ct)).Rows).MessageId);
        Assert.Empty((await chat.SearchAsync(new ChatSearch { ChannelId = other.Id, Text = "10" }, Ct)).Rows);
        Assert.Single((await chat.SearchAsync(new ChatSearch { ChannelId = other.Id, Text = "ore_x" }, Ct)).Rows);

        // The full-text index needs no channel, player or time window: every match, newest first.
        var unscoped = await chat.SearchAsync(new ChatSearch { Text = "trash" }, Ct);
        Assert.Equal([world.Reported.MessageId, "msg_old_1"], unscoped.Rows.Select(r => r.MessageId));
        Assert.Null(unscoped.Notice);
        Assert.Equal("msg_old_1", Assert.Single((await chat.SearchAsync(new ChatSearch { Text = "trash", UserId = world.Target.Id }, Ct)).Rows).MessageId); // scoped: no time limit
        var reversed = await chat.SearchAsync(new ChatSearch { From = DateTime.UtcNow, To = DateTime.UtcNow.AddHours(-1) }, Ct);
        Assert.Empty(reversed.Rows);
        Assert.Contains("before its end", reversed.Notice);

        var inTime = await chat.SearchAsync(new ChatSearch { From = world.Conversation[3].CreatedAt, To = world.Conversation[6].CreatedAt }, Ct);
        Assert.Equal([world.Conversation[5].Id, world.Conversation[4].Id, world.Conversation[3].Id], inTime.Rows.Select(r => r.Id));

        var context = await chat.ContextAsync(world.Reported.Id, 3, Ct);
        Assert.NotNull(context);
        Assert.Equal(["line 2", "line 3", "line 4"], context.Before.Select(l => l.Content));
        Assert.Equal(["line 6", "line 7", "line 8"], context.After.Select(l => l.Content));
        Assert.Equal("<script>alert('x')</script> you are trash", context.Message.Content);

        var channels = await chat.ChannelsAsync(null, null, 0, 10, Ct);
        Assert.Equal(2, channels.Total);
        var global = channels.Rows.Single(c => c.ChannelKey == "global_en");
        Assert.Equal((2, 11), (global.Members, global.Messages));
        Assert.Equal("trade_en", Assert.Single((await chat.ChannelsAsync("trade", null, 0, 10, Ct)).Rows).ChannelKey);
        Assert.Equal("global_en", Assert.Single((await chat.ChannelsAsync(null, "GLOBAL", 0, 10, Ct)).Rows).ChannelKey);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Bulk_delete_and_restore_need_a_reason_are_all_or_nothing_and_audited(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var world = await ModerationArrange.CreateAsync(db);
        await using var alice = world.As(world.Alice);
        var chat = alice.ServiceProvider.GetRequiredService<ChatReviewService>();
        Guid[] two = [world.Conversation[1].Id, world.Conversation[2].Id];

        Assert.Equal("A reason is required.", (await chat.SetDeletedAsync(two, true, "  ", Ct)).Message);
        Assert.False((await chat.SetDeletedAsync([], true, "spam", Ct)).Ok);
        var missing = await chat.SetDeletedAsync([.. two, Guid.NewGuid()], true, "spam", Ct);
        Assert.False(missing.Ok);
        Assert.Contains("nothing was changed", missing.Message);
        await using (var check = db.CreateContext())
        {
            Assert.False(await check.ChatMessages.AnyAsync(m => m.IsDeleted, Ct));
            Assert.False(await check.StaffAuditLogs.AnyAsync(Ct));
        }

        var deleted = await chat.SetDeletedAsync(two, true, "Gold seller spam", Ct);
        Assert.True(deleted.Ok, deleted.Message);
        Assert.Equal("2 message(s) deleted.", deleted.Message);
        await using (var check = db.CreateContext())
        {
            var rows = await check.ChatMessages.Where(m => two.Contains(m.Id)).ToListAsync(Ct);
            Assert.All(rows, m => Assert.True(m.IsDeleted && m.DeletedAt is not null));
            Assert.All(rows, m => Assert.Contains("Gold seller spam", m.Metadata));
            var audits = await check.StaffAuditLogs.Where(a => a.EntityType == "chat_messages").ToListAsync(Ct);
            Assert.Equal(2, audits.Count);
            Assert.All(audits, a => Assert.Equal((world.Alice.Id, "update"), (a.StaffUserId!.Value, a.Action)));
            Assert.All(audits, a => Assert.Contains("Gold seller spam", a.Changes));
            Assert.Equal(11, await check.ChatMessages.CountAsync(Ct)); // soft: nothing removed
        }
        var search = await chat.SearchAsync(new ChatSearch { ChannelId = world.Channel.Id, Deleted = true }, Ct);
        Assert.Equal(two.Order(), search.Rows.Select(r => r.Id).Order());
        Assert.All(search.Rows, r => Assert.StartsWith("deleted by alice@tests.local: Gold seller spam", r.ModerationNote));
        Assert.Equal(9, (await chat.SearchAsync(new ChatSearch { ChannelId = world.Channel.Id, Deleted = false }, Ct)).Rows.Count);

        var again = await chat.SetDeletedAsync([two[0], world.Conversation[3].Id], true, "more spam", Ct);
        Assert.Equal("1 message(s) deleted. 1 already deleted, left as they were.", again.Message);

        var restored = await chat.SetDeletedAsync([.. two, world.Conversation[3].Id], false, "Appeal: it was a joke", Ct);
        Assert.Equal("3 message(s) restored.", restored.Message);
        await using (var check = db.CreateContext())
        {
            Assert.False(await check.ChatMessages.AnyAsync(m => m.IsDeleted || m.DeletedAt != null, Ct));
            Assert.Contains("Appeal: it was a joke", (await check.ChatMessages.SingleAsync(m => m.Id == two[0], Ct)).Metadata);
            Assert.Equal(6, await check.StaffAuditLogs.CountAsync(a => a.EntityType == "chat_messages", Ct));
        }
        Assert.False((await chat.SetDeletedAsync(two, false, "again", Ct)).Ok);
    }

    [Fact]
    public async Task Existing_metadata_is_kept_when_the_moderation_note_is_added()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var world = await ModerationArrange.CreateAsync(db);
        await using (var edit = db.CreateContext())
        {
            var message = await edit.ChatMessages.SingleAsync(m => m.Id == world.Conversation[0].Id, Ct);
            message.Metadata = """{"client":"ios","lang":"en"}""";
            await edit.SaveChangesAsync(Ct);
        }
        await using var alice = world.As(world.Alice);
        Assert.True((await alice.ServiceProvider.GetRequiredService<ChatReviewService>().SetDeletedAsync([world.Conversation[0].Id], true, "rude", Ct)).Ok);
        await using var check = db.CreateContext();
        var metadata = (await check.ChatMessages.SingleAsync(m => m.Id == world.Conversation[0].Id, Ct)).Metadata!;
        Assert.Contains("\"client\":\"ios\"", metadata);
        Assert.Equal("deleted by alice@tests.local: rude", ChatReviewService.ModerationNote(metadata));
    }
}
