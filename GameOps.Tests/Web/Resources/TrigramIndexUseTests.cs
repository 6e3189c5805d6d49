using System.Data.Common;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GameOps.Tests.Web.Resources;

/// <summary>
/// "Any part of the name" searches on PostgreSQL are served by the pg_trgm GIN indexes, not by scanning the table: the
/// plan of the list's own search (players: username anywhere, or a character's name), which gathers the matching ids, names
/// the indexes. (The one OR predicate alone would not: the character-name subquery in it makes the planner filter every player.)
/// With sequential scans priced out (<c>enable_seqscan = off</c>), a predicate no index can serve still scans, so a
/// plan without the indexes means the SQL is one they cannot serve (a <c>lower(…)</c> around the column, a cast…).
/// </summary>
public sealed class TrigramIndexUseTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Runs EXPLAIN for each query on the same connection, with the same parameters, before the query itself.</summary>
    sealed class PlanCapture : DbCommandInterceptor
    {
        public List<string> Plans { get; } = [];

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await using (var off = command.Connection!.CreateCommand())
            {
                off.CommandText = "SET enable_seqscan = off";
                await off.ExecuteNonQueryAsync(cancellationToken);
            }
            await using var explain = (NpgsqlCommand)command.Connection!.CreateCommand();
            explain.CommandText = "EXPLAIN " + command.CommandText;
            foreach (NpgsqlParameter parameter in command.Parameters) explain.Parameters.Add(parameter.Clone());
            await using var reader = await explain.ExecuteReaderAsync(cancellationToken);
            var lines = new List<string>();
            while (await reader.ReadAsync(cancellationToken)) lines.Add(reader.GetString(0));
            Plans.Add(string.Join("\n", lines));
            return result;
        }
    }

    [Fact]
    public async Task A_player_search_for_part_of_a_name_uses_the_trigram_indexes_of_usernames_and_character_names()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Postgres);
        await using (var seed = db.CreateContext())
        {
            var rows = new RowBuilder(seed);
            for (var i = 0; i < 200; i++)
            {
                var player = rows.Add<Player>();
                player.Username = $"player{i:000}";
                var actor = rows.Add<Actor>();
                actor.User = player;
                actor.UserId = player.Id;
                actor.Name = i == 42 ? "Eliion" : $"Hero{i:000}";
            }
            await seed.SaveChangesAsync(Ct);
            await seed.Database.ExecuteSqlRawAsync("ANALYZE", Ct);
        }
        await using var services = WebServices.Build(db, WebServices.Staff(GameOps.Web.Security.StaffRoles.Moderator));
        var players = services.GetRequiredService<ResourceCatalog>().For<Player>();

        var capture = new PlanCapture();
        var options = new DbContextOptionsBuilder<PostgresGameOpsDbContext>();
        GameOpsDatabase.Configure(options, db.Options);
        options.AddInterceptors(capture);
        await using var context = new PostgresGameOpsDbContext(options.Options);
        var query = new ResourceQuery { Search = "liion" };
        // The list's own path (ResourceStore.ListCoreAsync): few matches are gathered as a list of ids first.
        var selective = await new ResourceQueryBuilder(services.GetRequiredService<ResourceCatalog>()).SelectiveSearchAsync<Player>(context, players, query, canSeePersonalData: false, Ct);
        Assert.NotNull(selective);
        var gathering = Assert.Single(capture.Plans);
        var found = await ResourceQueryBuilder.Where(context, players, context.Players.AsNoTracking(), query, canSeePersonalData: false, selective)
            .Select(p => p.Username).ToListAsync(Ct);

        Assert.Equal(["player042"], found); // "liion" is inside the character name "Eliion", not at its start
        var plan = gathering;
        Assert.True(plan.Contains("ix_users_username_trgm", StringComparison.Ordinal) && plan.Contains("ix_actors_name_trgm", StringComparison.Ordinal),
            $"the search is not served by the trigram indexes:\n{plan}");
    }
}
