using GameOps.Data;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Services.LiveOps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.LiveOps;

/// <summary>Segments resolve to the same players on both providers; sending is set-based, once, and all-or-nothing.</summary>
public sealed class BroadcastServiceTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<DatabaseProvider, string, int?, int?, string?, int> SegmentCases()
    {
        var data = new TheoryData<DatabaseProvider, string, int?, int?, string?, int>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            data.Add(provider, "all", null, null, null, 4);                      // everyone but the banned outlaw
            data.Add(provider, "level_range", 20, 40, null, 1);                  // veteran (the outlaw is banned)
            data.Add(provider, "level_range", 50, null, null, 1);                // champion
            data.Add(provider, "level_range", null, 10, null, 1);                // rookie
            data.Add(provider, "guild", null, null, "g_wolves", 2);              // rookie and champion
            data.Add(provider, "guild", null, null, "g_nobody", 0);
            data.Add(provider, "zone", null, null, "zone_greenhollow", 2);       // rookie and champion (outlaw banned)
            data.Add(provider, "zone", null, null, "zone_ashen_wastes", 1);      // veteran
        }
        return data;
    }

    [Theory, MemberData(nameof(SegmentCases))]
    public async Task Each_segment_kind_counts_the_right_players(DatabaseProvider provider, string kind, int? min, int? max, string? key, int expected)
    {
        await using var session = await LiveOpsSession.StartAsync(provider);
        var (database, world, service) = (session.Database, session.World, session.Broadcasts);
        var segment = new Segment { Kind = kind, MinLevel = min, MaxLevel = max, GuildKey = kind == "guild" ? key : null, ZoneKey = kind == "zone" ? key : null };
        var (count, error) = await service.PreviewAsync(segment, Ct);
        Assert.Null(error);
        Assert.Equal(expected, count);

        // Sending materialises exactly those players' notifications.
        var sent = await service.CreateAsync(new BroadcastDraft { Title = "Hello", Message = "World", Segment = segment }, Ct);
        Assert.True(sent.Ok, sent.Message);
        await using var check = database.CreateContext();
        var notifications = await check.Notifications.ToListAsync(Ct);
        Assert.Equal(expected, notifications.Count);
        Assert.Equal(expected, notifications.Select(n => n.UserId).Distinct().Count());
        Assert.Equal(expected, notifications.Select(n => n.NotificationId).Distinct().Count());
        Assert.DoesNotContain(world.Players["outlaw"].Id, notifications.Select(n => n.UserId));
        Assert.All(notifications, n => Assert.Equal(("broadcast", "sent", "Hello"), (n.NotificationType, n.Status, n.Title)));
        var broadcast = await check.Broadcasts.SingleAsync(Ct);
        Assert.Equal(("sent", expected), (broadcast.Status, broadcast.RecipientCount));
        var row = Assert.Single(await service.ListAsync(Ct));
        Assert.Equal((expected, 0, 0), (row.Sent, row.Delivered, row.Failed));
        // The audience reads as names, not keys.
        if (key == "g_wolves") Assert.Equal("Guild Wolves", row.SegmentLabel);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_broadcast_is_sent_once_and_its_failures_are_listed(DatabaseProvider provider)
    {
        await using var session = await LiveOpsSession.StartAsync(provider);
        var (database, world, service) = (session.Database, session.World, session.Broadcasts);
        var scheduled = await service.CreateAsync(new BroadcastDraft { Title = "Later", Message = "Soon", ScheduledAt = DateTime.UtcNow.AddMinutes(5) }, Ct);
        Assert.True(scheduled.Ok, scheduled.Message);
        await using (var db = database.CreateContext())
            Assert.Equal(0, await db.Notifications.CountAsync(Ct));

        // The worker and a person pressing "send now" at the same moment: one send.
        var results = await Task.WhenAll(
            Task.Run(() => service.SendAsync(scheduled.Id!.Value, Ct), Ct),
            Task.Run(async () =>
            {
                await using var other = world.As(world.LiveOps);
                return await other.ServiceProvider.GetRequiredService<BroadcastService>().SendNowAsync(scheduled.Id!.Value, Ct);
            }, Ct));
        Assert.Single(results, r => r.Ok);
        Assert.Contains("already", Assert.Single(results, r => !r.Ok).Message);
        await using var check = database.CreateContext();
        Assert.Equal(4, await check.Notifications.CountAsync(Ct));

        var victim = await check.Notifications.FirstAsync(n => n.UserId == world.Players["rookie"].Id, Ct);
        victim.Status = "failed";
        victim.FailureReason = "device token expired";
        await check.SaveChangesAsync(Ct);
        var failure = Assert.Single(await service.FailuresAsync(scheduled.Id!.Value, ct: Ct));
        Assert.Equal(("rookie", "device token expired"), (failure.Username, failure.Reason));
        var row = Assert.Single(await service.ListAsync(Ct));
        Assert.Equal((3, 1), (row.Sent, row.Failed));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Sending_is_all_or_nothing(DatabaseProvider provider)
    {
        await using var session = await LiveOpsSession.StartAsync(provider);
        var (database, world, service) = (session.Database, session.World, session.Broadcasts);
        var draft = await service.CreateAsync(new BroadcastDraft { Title = "Doomed", Message = "m", ScheduledAt = DateTime.UtcNow.AddHours(1) }, Ct);
        // The database refuses the last step (marking the broadcast sent), after the notifications were inserted.
        await using (var db = database.CreateContext())
        {
            if (provider == DatabaseProvider.Postgres)
            {
                await db.Database.ExecuteSqlRawAsync("CREATE FUNCTION refuse_sent() RETURNS trigger AS $$ BEGIN IF NEW.status = 'sent' THEN RAISE EXCEPTION 'refused by test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql", Ct);
                await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_sent BEFORE UPDATE ON broadcasts FOR EACH ROW EXECUTE FUNCTION refuse_sent()", Ct);
            }
            else
                await db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse_sent BEFORE UPDATE ON broadcasts WHEN NEW.status = 'sent' BEGIN SELECT RAISE(ABORT, 'refused by test'); END", Ct);
        }
        await Assert.ThrowsAnyAsync<Exception>(() => service.SendNowAsync(draft.Id!.Value, Ct));

        await using var check = database.CreateContext();
        Assert.Equal(0, await check.Notifications.CountAsync(Ct));
        var broadcast = await check.Broadcasts.SingleAsync(Ct);
        Assert.Equal(("scheduled", 0, (DateTime?)null), (broadcast.Status, broadcast.RecipientCount, broadcast.SentAt));
    }

    [Fact]
    public async Task Bad_drafts_are_refused_with_a_message()
    {
        await using var session = await LiveOpsSession.StartAsync(DatabaseProvider.Sqlite);
        var (database, service) = (session.Database, session.Broadcasts);
        Assert.Contains("title", (await service.CreateAsync(new BroadcastDraft { Message = "m" }, Ct)).Message);
        Assert.Contains("minimum level is above", (await service.CreateAsync(new BroadcastDraft { Title = "t", Message = "m", Segment = new Segment { Kind = "level_range", MinLevel = 50, MaxLevel = 10 } }, Ct)).Message);
        Assert.Contains("Pick a guild", (await service.CreateAsync(new BroadcastDraft { Title = "t", Message = "m", Segment = new Segment { Kind = "guild" } }, Ct)).Message);
        Assert.Contains("past", (await service.CreateAsync(new BroadcastDraft { Title = "t", Message = "m", ScheduledAt = DateTime.UtcNow.AddHours(-1) }, Ct)).Message);
        await using var check = database.CreateContext();
        Assert.Equal(0, await check.Broadcasts.CountAsync(Ct));
    }
}
