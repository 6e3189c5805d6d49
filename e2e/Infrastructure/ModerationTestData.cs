using GameOps.Data;
using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.E2E.Infrastructure;

/// <summary>A reported conversation for the moderator journey: two players, a channel, messages and the oldest open report.</summary>
public sealed record ModerationScenario(string Token, Player Target, Player Reporter, ChatChannel Channel, IReadOnlyList<ChatMessage> Messages, ChatMessage Reported, PlayerReport Report);

public static class ModerationTestData
{
    public const string ScriptMarkup = "<script>alert(1)</script>";

    /// <summary>
    /// Creates the scenario straight in the database. The report is filed a day before the oldest report there is, so
    /// it is the oldest open report whatever the demo data (or an earlier test) holds; the reported message carries
    /// <see cref="ScriptMarkup"/>.
    /// </summary>
    public static async Task<ModerationScenario> CreateReportedConversationAsync(this AppServer app)
    {
        var token = "e2e" + TestData.UniqueSuffix();
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var oldestReport = await db.PlayerReports.MinAsync(r => (DateTime?)r.CreatedAt) ?? now;
        Player NewPlayer(string name) => new()
        {
            Id = Guid.CreateVersion7(), Username = $"{name}_{token}", Email = $"{name}_{token}@players.example", PasswordHash = "e2e",
            Status = "active", CreatedAt = now.AddDays(-60), LastLogin = now.AddHours(-1),
        };
        var target = NewPlayer("troll");
        var reporter = NewPlayer("victim");
        var channel = new ChatChannel
        {
            Id = Guid.CreateVersion7(), ChannelId = $"chan_{token}", Name = $"E2E channel {token}", ChannelType = "global", IsActive = true, CreatedAt = now.AddDays(-30), UpdatedAt = now.AddDays(-30),
        };
        var start = now.AddMinutes(-30);
        var messages = Enumerable.Range(0, 7).Select(i => new ChatMessage
        {
            Id = Guid.CreateVersion7(), MessageId = $"msg_{token}_{i}", ChannelId = channel.Id, UserId = i % 2 == 1 ? target.Id : reporter.Id, // the reported message (3) is the target's
            Content = i == 3 ? $"{ScriptMarkup} {token} you are worthless" : $"{token} line {i}", MessageType = "text", CreatedAt = start.AddMinutes(i),
        }).ToList();
        var report = new PlayerReport
        {
            Id = Guid.CreateVersion7(), ReporterUserId = reporter.Id, TargetUserId = target.Id, ChatMessageId = messages[3].Id, Category = "harassment", Priority = 2,
            Description = $"Insults in {channel.Name}", Status = "open", CreatedAt = oldestReport.AddDays(-1), UpdatedAt = now,
        };
        db.Players.AddRange(target, reporter);
        db.Channels.Add(channel);
        db.ChannelMembers.AddRange(
            new ChannelMember { Id = Guid.CreateVersion7(), ChannelId = channel.Id, UserId = target.Id, Role = "member", JoinedAt = start },
            new ChannelMember { Id = Guid.CreateVersion7(), ChannelId = channel.Id, UserId = reporter.Id, Role = "member", JoinedAt = start });
        db.ChatMessages.AddRange(messages);
        db.PlayerReports.Add(report);
        await db.SaveChangesAsync();
        return new ModerationScenario(token, target, reporter, channel, messages, messages[3], report);
    }
}

/// <summary>A player in need of support: one character with an empty inventory, two live sessions, and a stackable catalogue item to give back.</summary>
public sealed record SupportScenario(Player Player, Actor Character, Item LostItem);

public static class SupportTestData
{
    public static async Task<SupportScenario> CreatePlayerWhoLostAnItemAsync(this AppServer app)
    {
        var token = TestData.UniqueSuffix();
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<GameOpsDbContext>>().CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var item = await db.Items.AsNoTracking().Where(i => i.IsActive && i.StackSize >= 5).OrderBy(i => i.ItemId).FirstAsync();
        var player = new Player
        {
            Id = Guid.CreateVersion7(), Username = $"bugged_{token}", Email = $"bugged_{token}@players.example", PasswordHash = "e2e",
            Status = "active", CreatedAt = now.AddDays(-90), LastLogin = now.AddMinutes(-5),
        };
        var character = new Actor { Id = Guid.CreateVersion7(), UserId = player.Id, Name = $"Zephyrine{token}", Level = 42, CreatedAt = now.AddDays(-89), LastActive = now.AddMinutes(-5) };
        db.Players.Add(player);
        db.Actors.Add(character);
        db.UserSessions.AddRange(Enumerable.Range(0, 2).Select(i => new UserSession
        {
            Id = Guid.CreateVersion7(), UserId = player.Id, SessionToken = $"e2e_{token}_{i}", IpAddress = "203.0.113.9", CreatedAt = now.AddHours(-i - 1),
            ExpiresAt = now.AddDays(1), LastActivity = now.AddMinutes(-5), IsActive = true,
        }));
        await db.SaveChangesAsync();
        return new SupportScenario(player, character, item);
    }
}
