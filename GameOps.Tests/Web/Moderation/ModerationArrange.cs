using System.Security.Claims;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Security;
using GameOps.Web.Services.Moderation;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Moderation;

/// <summary>A small moderation world on a test database: two moderators, a target with sessions and channel
/// memberships, a reporter, a channel with a conversation and a report on one of its messages.</summary>
public sealed class ModerationArrange
{
    public required ServiceProvider Services { get; init; }
    public required StaffUser Alice { get; init; }
    public required StaffUser Bob { get; init; }
    public required Player Target { get; init; }
    public required Player Reporter { get; init; }
    public required ChatChannel Channel { get; init; }
    public required List<ChatMessage> Conversation { get; init; }
    public required PlayerReport Report { get; init; }

    public ChatMessage Reported => Conversation[5];

    public static StaffUser NewStaff(string name) => new()
    {
        Id = Guid.NewGuid(), UserName = $"{name}@tests.local", NormalizedUserName = $"{name}@TESTS.LOCAL".ToUpperInvariant(),
        Email = $"{name}@tests.local", NormalizedEmail = $"{name}@tests.local".ToUpperInvariant(), DisplayName = name,
        SecurityStamp = Guid.NewGuid().ToString(), CreatedAt = RowBuilder.BaseTime,
    };

    public static Player NewPlayer(string name, string status = "active") => new()
    {
        Id = Guid.NewGuid(), Username = name, Email = $"{name}@players.local", PasswordHash = "x", Status = status,
        CreatedAt = DateTime.UtcNow.AddDays(-30).Date,
    };

    public static async Task<ModerationArrange> CreateAsync(TestDatabase database)
    {
        var ct = TestContext.Current.CancellationToken;
        var alice = NewStaff("alice");
        var bob = NewStaff("bob");
        var target = NewPlayer("troll_king");
        var reporter = NewPlayer("nice_person");
        var channel = new ChatChannel { Id = Guid.NewGuid(), ChannelId = "global_en", Name = "Global (EN)", ChannelType = "global", IsActive = true };
        var start = DateTime.UtcNow.AddHours(-2);
        var conversation = Enumerable.Range(0, 11).Select(i => new ChatMessage
        {
            Id = Guid.NewGuid(), MessageId = $"msg_{i:00}_{Guid.NewGuid():N}"[..20], ChannelId = channel.Id, UserId = i % 2 == 0 ? target.Id : reporter.Id,
            Content = i == 5 ? "<script>alert('x')</script> you are trash" : $"line {i}", MessageType = "text", CreatedAt = start.AddMinutes(i),
        }).ToList();
        var report = new PlayerReport
        {
            Id = Guid.NewGuid(), ReporterUserId = reporter.Id, TargetUserId = target.Id, ChatMessageId = conversation[5].Id,
            Category = "harassment", Priority = 1, Description = "He keeps insulting me", Status = "open", CreatedAt = DateTime.UtcNow.AddHours(-30),
        };
        await using (var db = database.CreateContext())
        {
            db.AddRange(alice, bob);
            db.Players.AddRange(target, reporter);
            db.Channels.Add(channel);
            db.ChatMessages.AddRange(conversation);
            db.ChannelMembers.AddRange(
                new ChannelMember { Id = Guid.NewGuid(), ChannelId = channel.Id, UserId = target.Id, Role = "member", JoinedAt = start },
                new ChannelMember { Id = Guid.NewGuid(), ChannelId = channel.Id, UserId = reporter.Id, Role = "member", JoinedAt = start });
            db.UserSessions.AddRange(
                new UserSession { Id = Guid.NewGuid(), UserId = target.Id, SessionToken = "tok-" + Guid.NewGuid(), IpAddress = "203.0.113.7", IsActive = true, CreatedAt = start, ExpiresAt = start.AddDays(1) },
                new UserSession { Id = Guid.NewGuid(), UserId = target.Id, SessionToken = "tok-" + Guid.NewGuid(), IpAddress = "203.0.113.8", IsActive = true, CreatedAt = start, ExpiresAt = start.AddDays(1) });
            db.PlayerReports.Add(report);
            await db.SaveChangesAsync(ct);
        }
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGameOpsWebData(database);
        services.AddModerationWorkspace();
        return new ModerationArrange
        {
            Services = services.BuildServiceProvider(validateScopes: false),
            Alice = alice, Bob = bob, Target = target, Reporter = reporter, Channel = channel, Conversation = conversation, Report = report,
        };
    }

    public static ClaimsPrincipal Principal(StaffUser staff) => WebServices.Staff(StaffRoles.Moderator, staff.Id, staff.Email);

    /// <summary>A scope acting as <paramref name="staff"/> (each circuit has its own CurrentStaff).</summary>
    public AsyncServiceScope As(StaffUser staff)
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentStaff>().Use(Principal(staff), "127.0.0.1", "tests");
        return scope;
    }
}
