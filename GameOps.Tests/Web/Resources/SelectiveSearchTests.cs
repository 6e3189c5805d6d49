using System.Data.Common;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Resources;

/// <summary>
/// A search that matches few rows (<see cref="ResourceQueryBuilder.SelectiveSearchAsync{T}"/>) reads the searched columns once:
/// the ids it gathers give the list its count and its page.
/// </summary>
public sealed class SelectiveSearchTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The text and parameter values of every command a context runs.</summary>
    sealed class ParameterLog : DbCommandInterceptor
    {
        public List<(string Text, object?[] Values)> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            lock (Commands) Commands.Add((command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => p.Value).ToArray()));
            return ValueTask.FromResult(result);
        }

        public List<string> Mentioning(string text) =>
            Commands.Where(c => c.Values.Any(v => v is string s && s.Contains(text, StringComparison.OrdinalIgnoreCase))).Select(c => c.Text).ToList();
    }

    static Player NewPlayer(string username, DateTime createdAt) => new()
    {
        Id = Guid.NewGuid(), Username = username, Email = $"{username}@players.local", PasswordHash = "x", Status = "active", CreatedAt = createdAt,
    };

    static Actor NewCharacter(Player owner, string name) => new()
    {
        Id = Guid.NewGuid(), UserId = owner.Id, Name = name, Level = 1, Position = new() { ZoneId = "zone_unknown" }, CreatedAt = owner.CreatedAt,
    };

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_part_of_a_name_is_searched_once_per_list_load_and_a_player_found_twice_counts_once(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var now = DateTime.UtcNow;
        var byBoth = NewPlayer("quiet_pike", now.AddDays(-3));      // by the username and by a character
        var byCharacter = NewPlayer("wolf1999", now.AddDays(-2));   // by a character whose name starts with the term
        var byUsername = NewPlayer("very_quiet", now.AddDays(-1));  // by a part of the username, the newest
        var other = NewPlayer("bear", now);
        await using (var context = db.CreateContext())
        {
            context.Players.AddRange(byBoth, byCharacter, byUsername, other);
            context.Actors.AddRange(NewCharacter(byBoth, "Quietus"), NewCharacter(byCharacter, "Quiet Storm"), NewCharacter(other, "Loud"));
            await context.SaveChangesAsync(Ct);
        }
        var log = new ParameterLog();
        await using var services = WebServices.Build(db, WebServices.Staff(StaffRoles.Moderator), log);
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ResourceStore>();
        var players = scope.ServiceProvider.GetRequiredService<ResourceCatalog>().For<Player>();

        var page = await store.ListAsync(players, new ResourceQuery { Search = "quiet" }, Ct);

        Assert.Equal(3, page.Total); // quiet_pike matched through two columns, counted once
        Assert.False(page.TotalIsEstimate || page.TotalIsCapped);
        // Prefix matches (a username or a character name starting with the term) first, then the list's order (newest first).
        Assert.Equal([byCharacter.Id, byBoth.Id, byUsername.Id], page.Rows.Select(r => (Guid)r.Id));
        // The term went to the database once: the count and the page were taken from the ids it found.
        Assert.Single(log.Mentioning("quiet"));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task With_a_filter_beside_the_search_the_count_is_of_the_filtered_matches(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var now = DateTime.UtcNow;
        var active = NewPlayer("quiet_one", now.AddDays(-2));
        var banned = NewPlayer("quiet_two", now.AddDays(-1));
        banned.Status = "banned";
        await using (var context = db.CreateContext())
        {
            context.Players.AddRange(active, banned);
            await context.SaveChangesAsync(Ct);
        }
        await using var services = WebServices.Build(db, WebServices.Staff(StaffRoles.Moderator));
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ResourceStore>();
        var players = scope.ServiceProvider.GetRequiredService<ResourceCatalog>().For<Player>();

        var query = new ResourceQuery { Search = "quiet" };
        query.Filters[nameof(Player.Status)] = new FilterValue { Value = "banned" };
        var page = await store.ListAsync(players, query, Ct);

        Assert.Equal(1, page.Total);
        Assert.Equal(banned.Id, (Guid)Assert.Single(page.Rows).Id);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task A_prefix_shared_by_more_rows_than_the_cap_is_counted_and_its_ids_are_not_brought_over(DatabaseProvider provider)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(provider);
        var start = DateTime.UtcNow.AddDays(-1);
        await using (var context = db.CreateContext())
        {
            context.PerformanceMetrics.AddRange(Enumerable.Range(0, ResourceQueryBuilder.SelectiveSearchCap + 1).Select(i => new PerformanceMetric
            {
                Id = Guid.NewGuid(), ServiceName = "world-server", MetricName = "tick_ms", MetricValue = i, Timestamp = start.AddSeconds(i),
            }));
            await context.SaveChangesAsync(Ct);
        }
        var log = new ParameterLog();
        await using var services = WebServices.Build(db, WebServices.Staff(StaffRoles.Admin), log);
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ResourceStore>();
        var metrics = scope.ServiceProvider.GetRequiredService<ResourceCatalog>().For<PerformanceMetric>();

        var page = await store.ListAsync(metrics, new ResourceQuery { Search = "worl", PageSize = 25 }, Ct);

        Assert.True(page.TotalIsCapped); // "10,000+"
        Assert.Equal(25, page.Rows.Count);
        // The prefix's matches were counted (capped), and the list walked its sort index: no query gathered the 10,001 ids.
        Assert.DoesNotContain(log.Mentioning("worl"), text => text.Contains(nameof(SearchMatch.StartsWithTerm), StringComparison.Ordinal));
    }
}
