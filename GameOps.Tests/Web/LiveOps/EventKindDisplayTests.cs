using System.Data.Common;
using Bunit;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Components.Pages.LiveOps;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using GameOps.Web.Services.LiveOps;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.LiveOps;

/// <summary>
/// Issue 16: the events list and the calendar name an event's type and category by the managed lists' labels (the stored key on
/// hover), sorting by those columns follows the labels, and an event's save reads the stored event once.
/// </summary>
public sealed class EventKindDisplayTests
{
    static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    static EventKind Kind(string kind, string key, string label, bool active = true) => new()
    {
        Id = Guid.NewGuid(), Kind = kind, Key = key, Label = label, IsActive = active, Version = 1, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
    };

    /// <summary>Type guild_war ("Guild war") and zz_raid ("Alpha raid": its key sorts last, its label first); category pvp ("Player versus player").</summary>
    static async Task ArrangeAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        db.EventKinds.AddRange(Kind(EventKind.TypeKind, "guild_war", "Guild war"), Kind(EventKind.TypeKind, "zz_raid", "Alpha raid"),
            Kind(EventKind.CategoryKind, "pvp", "Player versus player"));
        var war = LiveOpsArrange.NewEvent("evt_war", EventLifecycle.Scheduled, DateTime.UtcNow.AddHours(2));
        war.EventType = "guild_war";
        war.Name = "Siege of Ash";
        var raid = LiveOpsArrange.NewEvent("evt_raid", EventLifecycle.Scheduled, DateTime.UtcNow.AddHours(4));
        raid.EventType = "zz_raid";
        raid.Name = "Dragon Raid";
        db.Events.AddRange(war, raid);
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task The_events_list_shows_the_labels_of_type_and_category_with_the_key_on_hover()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await ArrangeAsync(db);
        await using var ctx = ComponentContexts.SignedIn(db, StaffRoles.LiveOps);
        ctx.Services.AddLiveOpsWorkspace();

        var list = ctx.Render<EventsList>();
        await list.WaitForAssertionAsync(() => Assert.Contains("Siege of Ash", list.Markup), Wait);

        var type = list.Find("[data-key=guild_war]");
        Assert.Equal("Guild war", type.TextContent.Trim());
        Assert.Equal("key: guild_war", type.GetAttribute("title"));
        Assert.Equal("Player versus player", list.FindAll("[data-key=pvp]")[0].TextContent.Trim());
        Assert.DoesNotContain(">guild_war<", list.Markup);
        Assert.DoesNotContain(">pvp<", list.Markup);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task Sorting_by_a_labelled_column_follows_the_labels_and_filtering_takes_the_key(DatabaseProvider provider)
    {
        await using var session = await LiveOpsSession.StartAsync(provider);
        await ArrangeAsync(session.Database);
        var store = session.Scope.ServiceProvider.GetRequiredService<ResourceStore>();
        var events = session.Scope.ServiceProvider.GetRequiredService<ResourceCatalog>().For<GameEvent>();
        var labels = EventKindLabels.Of(await session.Events.EventKindsAsync(Ct));
        var query = new ResourceQuery { SortField = nameof(GameEvent.EventType) };
        query.ValueOrder[nameof(GameEvent.EventType)] = labels[nameof(GameEvent.EventType)].OrderBy(l => l.Label, StringComparer.Ordinal).Select(l => l.Value).ToList();

        var sorted = await store.ListAsync(events, query, Ct);
        var typeColumn = events.ListColumns.ToList().IndexOf(nameof(GameEvent.EventType));
        Assert.Equal(["zz_raid", "guild_war"], sorted.Rows.Select(r => (string)r.Values[typeColumn]!));

        query.SortDescending = true;
        Assert.Equal(["guild_war", "zz_raid"], (await store.ListAsync(events, query, Ct)).Rows.Select(r => (string)r.Values[typeColumn]!));

        query.Filters[nameof(GameEvent.EventType)] = new FilterValue { Value = "zz_raid" };
        Assert.Equal(["zz_raid"], (await store.ListAsync(events, query, Ct)).Rows.Select(r => (string)r.Values[typeColumn]!));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task The_calendar_names_categories_by_their_labels(DatabaseProvider provider)
    {
        await using var session = await LiveOpsSession.StartAsync(provider);
        await ArrangeAsync(session.Database);
        var calendar = session.Scope.ServiceProvider.GetRequiredService<LiveOpsCalendar>();

        var items = await calendar.LoadAsync(DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(2), ct: Ct);

        Assert.All(items.Where(i => !i.IsWorldEvent), i => Assert.Equal(("pvp", "Player versus player"), (i.Category, i.CategoryName)));
    }

    /// <summary>Counts the commands that read the events table.</summary>
    sealed class EventReads : DbCommandInterceptor
    {
        public int Count;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            // SQLite quotes every identifier ("events"), Npgsql only those that need it (events).
            if (System.Text.RegularExpressions.Regex.IsMatch(command.CommandText, "FROM \"?events\"?[\\s;]")) Interlocked.Increment(ref Count);
            return ValueTask.FromResult(result);
        }
    }

    static GameOpsDbContext Counting(TestDatabase database, EventReads reads)
    {
        if (database.Options.Provider == DatabaseProvider.Postgres)
        {
            var postgres = new DbContextOptionsBuilder<PostgresGameOpsDbContext>();
            GameOpsDatabase.Configure(postgres, database.Options);
            postgres.AddInterceptors(reads);
            return new PostgresGameOpsDbContext(postgres.Options);
        }
        var sqlite = new DbContextOptionsBuilder<SqliteGameOpsDbContext>();
        GameOpsDatabase.Configure(sqlite, database.Options);
        sqlite.AddInterceptors(reads);
        return new SqliteGameOpsDbContext(sqlite.Options);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task An_event_save_reads_the_stored_event_once_and_keeps_both_messages(DatabaseProvider provider)
    {
        await using var session = await LiveOpsSession.StartAsync(provider);
        await ArrangeAsync(session.Database);
        var events = session.Scope.ServiceProvider.GetRequiredService<ResourceCatalog>().For<GameEvent>();
        await using (var db = session.Database.CreateContext())
            await db.Events.Where(e => e.EventId == "evt_war").ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EventLifecycle.Ended), Ct);
        GameEvent ended;
        await using (var db = session.Database.CreateContext())
            ended = await db.Events.AsNoTracking().SingleAsync(e => e.EventId == "evt_war", Ct);
        ended.EventType = "raffle";

        var reads = new EventReads();
        var issues = new List<ValidationIssue>();
        await using (var counting = Counting(session.Database, reads))
            foreach (var validator in events.DatabaseValidators)
                issues.AddRange(await validator(counting, ended, Ct));

        Assert.Equal(1, reads.Count);
        Assert.Contains(issues, i => i.Field is null && i.Message == "This event is ended: it can no longer be edited (clone it to run it again).");
        Assert.Contains(issues, i => i.Field == nameof(GameEvent.EventType) && i.Message.StartsWith("\"raffle\" is not an event type", StringComparison.Ordinal));
    }
}
