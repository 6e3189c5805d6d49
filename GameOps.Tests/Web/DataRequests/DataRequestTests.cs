using System.IO.Compression;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Data.Seeding;
using GameOps.Tests.Infrastructure;
using GameOps.Tests.Web.Moderation;
using GameOps.Web.Auditing;
using GameOps.Web.Security;
using GameOps.Web.Services.DataRequests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace GameOps.Tests.Web.DataRequests;

public sealed class DataRequestModelTests
{
    [Fact]
    public void Every_table_that_references_a_player_is_found_from_the_model_and_has_a_retention_rule()
    {
        using var db = GameOpsDatabase.CreateContext(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=:memory:" });
        var model = db.Model;
        var users = model.FindEntityType(typeof(Player))!;
        var actors = model.FindEntityType(typeof(Actor))!;
        // Independently of PlayerDataMap: every foreign key whose principal is users or actors.
        var expected = model.GetEntityTypes().SelectMany(e => e.GetForeignKeys())
            .Where(fk => fk.PrincipalEntityType == users || fk.PrincipalEntityType == actors)
            .Select(fk => $"{fk.DeclaringEntityType.GetTableName()}.{fk.Properties[0].GetColumnName()}").Append("users.id").Order().ToList();
        var links = PlayerDataMap.Links(model);
        Assert.Equal(expected, links.Select(l => $"{l.Table}.{l.Column}").Order().ToList());

        var missing = links.Select(l => l.Table).Distinct().Where(t => RetentionRules.For(t) is null).ToList();
        Assert.True(missing.Count == 0, "Declare a retention rule for: " + string.Join(", ", missing));
        var stale = RetentionRules.All.Select(r => r.Table).Except(links.Select(l => l.Table)).ToList();
        Assert.True(stale.Count == 0, "Rules for tables that do not reference a player: " + string.Join(", ", stale));
        foreach (var rule in RetentionRules.All)
        {
            var type = links.First(l => l.Table == rule.Table).EntityType;
            Assert.All(rule.Replace, r => Assert.NotNull(type.FindProperty(r.Property)));
            Assert.All(type.GetProperties().Where(p => p.IsPersonal()), p => Assert.Equal(typeof(string), p.ClrType));
        }
        Assert.Contains(links, l => l.Table == "payment_transactions");
        Assert.Equal(RetentionAction.Anonymise, RetentionRules.For("payment_transactions")!.Action);
        Assert.Equal(RetentionAction.Keep, RetentionRules.For("moderation_actions")!.Action);
    }
}

/// <summary>Export and erasure of one demo player with rows in many tables, on both providers.</summary>
public sealed class DataRequestTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    sealed class RecordingQueue : IDataExportQueue
    {
        public List<Guid> Queued { get; } = [];
        public ValueTask EnqueueAsync(Guid requestId, CancellationToken ct = default) { Queued.Add(requestId); return ValueTask.CompletedTask; }
    }

    sealed record Staff(StaffUser User, ClaimsPrincipal Principal, ServiceProvider Services, DataRequestService Requests, RecordingQueue Queue);

    static async Task<Staff> StaffAsync(TestDatabase database, string name, string role)
    {
        var user = ModerationArrange.NewStaff(name);
        await using (var db = database.CreateContext())
        {
            db.Users.Add(user);
            await db.SaveChangesAsync(Ct);
        }
        var principal = WebServices.Staff(role, user.Id, user.Email);
        var services = WebServices.Build(database, principal);
        var queue = new RecordingQueue();
        var requests = new DataRequestService(services.GetRequiredService<IDbContextFactory<GameOpsDbContext>>(), services.GetRequiredService<CurrentStaff>(),
            services.GetRequiredService<StaffAuditRecorder>(), queue, NullLogger<DataRequestService>.Instance);
        return new Staff(user, principal, services, requests, queue);
    }

    static async Task<TestDatabase> SeededAsync(DatabaseProvider provider)
    {
        var database = await TestDatabases.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        await DemoSeeder.SeedAsync(db, new SeedOptions { Scale = 0.05, Now = new DateTime(2026, 11, 20, 13, 0, 0, DateTimeKind.Utc) }, Ct);
        return database;
    }

    static string Literal(DatabaseProvider provider, Guid id) => provider == DatabaseProvider.Sqlite ? $"'{id.ToString().ToUpperInvariant()}'" : $"'{id}'";

    /// <summary>Counts by plain SQL, independent of the code under test.</summary>
    static async Task<int> CountAsync(GameOpsDbContext db, DatabaseProvider provider, PlayerLink link, IReadOnlyList<Guid> ids)
    {
        if (ids.Count == 0) return 0;
        var list = string.Join(",", ids.Select(i => Literal(provider, i)));
        var sql = $"SELECT COUNT(*) AS \"Value\" FROM \"{link.Table}\" WHERE \"{link.Column}\" IN ({list})"; // identifiers from the model, ids formatted
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync(Ct);
    }

    /// <summary>The demo player with rows in the most tables.</summary>
    static async Task<(Guid Player, List<Guid> Actors, Dictionary<string, int> Counts)> RichestPlayerAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var links = PlayerDataMap.Links(db.Model);
        var candidates = await db.Players.AsNoTracking().Where(p => db.PaymentTransactions.Any(t => t.UserId == p.Id) && db.ChatMessages.Any(c => c.UserId == p.Id)
                && db.UserSessions.Any(s => s.UserId == p.Id) && db.Actors.Any(a => a.UserId == p.Id))
            .Select(p => p.Id).Take(15).ToListAsync(Ct);
        (Guid, List<Guid>, Dictionary<string, int>) best = default;
        foreach (var id in candidates)
        {
            var actors = await db.Actors.Where(a => a.UserId == id).Select(a => a.Id).ToListAsync(Ct);
            var counts = new Dictionary<string, int>();
            foreach (var link in links) counts[link.ToString()] = await CountAsync(db, database.Provider, link, link.ViaActors ? actors : [id]);
            if (best.Item3 is null || counts.Count(c => c.Value > 0) > best.Item3.Count(c => c.Value > 0)) best = (id, actors, counts);
        }
        Assert.NotNull(best.Item3);
        return best;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_export_holds_the_players_rows_of_every_referencing_table_and_no_secret(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        var (playerId, actors, counts) = await RichestPlayerAsync(database);
        Assert.True(counts.Count(c => c.Value > 0) >= 10, "the chosen player has rows in only " + string.Join(", ", counts.Where(c => c.Value > 0).Select(c => c.Key)));
        var moderator = await StaffAsync(database, "exporter", StaffRoles.Moderator);
        var other = await StaffAsync(database, "other", StaffRoles.Moderator);
        var manager = await StaffAsync(database, "manager", StaffRoles.Manager);

        await Assert.ThrowsAsync<PermissionDeniedException>(() => manager.Requests.RequestExportAsync(playerId, Ct));
        var requested = await moderator.Requests.RequestExportAsync(playerId, Ct);
        Assert.True(requested.Ok, requested.Message);
        Assert.Equal([requested.Id!.Value], moderator.Queue.Queued);
        Assert.Equal("This export is not ready.", (await moderator.Requests.DownloadAsync(requested.Id.Value, Ct)).Error);
        await moderator.Requests.RunExportAsync(requested.Id.Value, Ct);

        Assert.NotNull((await other.Requests.DownloadAsync(requested.Id.Value, Ct)).Error);
        var (zip, error) = await moderator.Requests.DownloadAsync(requested.Id.Value, Ct);
        Assert.Null(error);
        using var archive = new ZipArchive(new MemoryStream(zip!));
        var document = JsonNode.Parse(archive.GetEntry("personal-data.json")!.Open())!;
        var tables = document["tables"]!.AsObject();
        await using var db = database.CreateContext();
        foreach (var link in PlayerDataMap.Links(db.Model))
        {
            Assert.True(tables.ContainsKey(link.Table), $"{link.Table} is missing from the export");
            var ids = (link.ViaActors ? actors : [playerId]).Select(i => i.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var exported = tables[link.Table]!.AsArray().Count(r => r![link.Column]?.GetValue<string>() is { } v && ids.Contains(v));
            Assert.True(counts[link.ToString()] == exported, $"{link}: {counts[link.ToString()]} rows in the database, {exported} exported");
            foreach (var secret in link.EntityType.GetProperties().Where(p => p.IsSecret()))
                Assert.All(tables[link.Table]!.AsArray(), r => Assert.False(r!.AsObject().ContainsKey(secret.GetColumnName()), $"secret {link.Table}.{secret.GetColumnName()} exported"));
        }
        await using (var check = database.CreateContext())
        {
            var row = await check.DataRequests.AsNoTracking().SingleAsync(r => r.Id == requested.Id, Ct);
            Assert.Equal((DataRequestStatus.Completed, 100), (row.Status, row.Progress));
            Assert.Equal(row.CompletedAt!.Value.AddDays(7), row.ExpiresAt);
            Assert.True(await check.StaffAuditLogs.AnyAsync(a => a.Action == "data_export_downloaded" && a.EntityKey == playerId.ToString(), Ct));
            await check.DataRequests.Where(r => r.Id == requested.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)), Ct);
        }
        Assert.Contains("expired", (await moderator.Requests.DownloadAsync(requested.Id.Value, Ct)).Error);
    }

    /// <summary>Every value of the player's personal-data columns (and username, email, character names, chat text) before erasure.</summary>
    static async Task<HashSet<string>> PersonalValuesAsync(GameOpsDbContext db, Guid playerId, List<Guid> actors)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        foreach (var link in PlayerDataMap.Links(db.Model))
        {
            var rows = await PlayerDataStore.RowsAsync(db, link, playerId, actors, Ct);
            foreach (var property in link.EntityType.GetProperties().Where(p => p.IsPersonal()))
                foreach (var row in rows)
                    if (row[property.GetColumnName()]?.GetValue<string>() is { Length: > 0 } v) values.Add(v);
        }
        var player = await db.Players.AsNoTracking().SingleAsync(p => p.Id == playerId, Ct);
        values.Add(player.Username);
        values.Add(player.Email);
        values.UnionWith(await db.Actors.Where(a => a.UserId == playerId).Select(a => a.Name).ToListAsync(Ct));
        values.UnionWith(await db.ChatMessages.Where(c => c.UserId == playerId && c.Content.Length > 12).Select(c => c.Content).Take(50).ToListAsync(Ct));
        return values;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Erasure_needs_a_typed_confirmation_and_a_second_staff_member_and_leaves_no_personal_value(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        var (playerId, actors, counts) = await RichestPlayerAsync(database);
        var alice = await StaffAsync(database, "alice", StaffRoles.Moderator);
        var bob = await StaffAsync(database, "bob", StaffRoles.Admin);
        HashSet<string> old;
        string username;
        int payments, sanctions;
        await using (var db = database.CreateContext())
        {
            old = await PersonalValuesAsync(db, playerId, actors);
            username = await db.Players.Where(p => p.Id == playerId).Select(p => p.Username).SingleAsync(Ct);
            payments = await db.PaymentTransactions.CountAsync(t => t.UserId == playerId, Ct);
            sanctions = await db.ModerationActions.CountAsync(a => a.TargetUserId == playerId, Ct);
        }
        var export = await alice.Requests.RequestExportAsync(playerId, Ct);
        await alice.Requests.RunExportAsync(export.Id!.Value, Ct);

        Assert.False((await alice.Requests.RequestErasureAsync(playerId, username + "x", "GDPR request 42", Ct)).Ok);
        Assert.False((await alice.Requests.RequestErasureAsync(playerId, username, "", Ct)).Ok);
        var requested = await alice.Requests.RequestErasureAsync(playerId, username, "GDPR request 42", Ct);
        Assert.True(requested.Ok, requested.Message);
        var own = await alice.Requests.ApproveErasureAsync(requested.Id!.Value, Ct);
        Assert.False(own.Ok);
        Assert.Contains("second staff member", own.Message);

        var approved = await bob.Requests.ApproveErasureAsync(requested.Id.Value, Ct);
        Assert.True(approved.Ok, approved.Message);

        await using var after = database.CreateContext();
        var player = await after.Players.AsNoTracking().SingleAsync(p => p.Id == playerId, Ct);
        Assert.Equal($"erased-{playerId}", player.Username);
        Assert.Null(player.Preferences);
        Assert.Equal(0, await after.UserPreferences.CountAsync(p => p.UserId == playerId, Ct));
        Assert.Equal(0, await after.UserSessions.CountAsync(s => s.UserId == playerId, Ct));
        Assert.Equal(payments, await after.PaymentTransactions.CountAsync(t => t.UserId == playerId, Ct));
        Assert.Equal(sanctions, await after.ModerationActions.CountAsync(a => a.TargetUserId == playerId, Ct));
        Assert.All(await after.ChatMessages.Where(c => c.UserId == playerId).Select(c => c.Content).ToListAsync(Ct), c => Assert.Equal(RetentionRules.ErasedText, c));
        Assert.Null((await after.DataRequests.AsNoTracking().SingleAsync(r => r.Id == export.Id, Ct)).ResultZip);

        // No old value in any personal-data column of any table, nor in the player's remaining rows, nor in the audit trail.
        var found = new List<string>();
        foreach (var entityType in after.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && e.ClrType != typeof(Dictionary<string, object>)))
            foreach (var property in entityType.GetProperties().Where(p => p.IsPersonal() && p.ClrType == typeof(string)))
                foreach (var value in old.Where(v => v.Contains('@') || v == player.Username))
                {
                    var sql = $"SELECT COUNT(*) AS \"Value\" FROM \"{entityType.GetTableName()}\" WHERE \"{property.GetColumnName()}\" = {{0}}";
                    if (await after.Database.SqlQueryRaw<int>(sql, value).SingleAsync(Ct) > 0) found.Add($"{entityType.GetTableName()}.{property.GetColumnName()} = {value}");
                }
        foreach (var link in PlayerDataMap.Links(after.Model))
            foreach (var row in await PlayerDataStore.RowsAsync(after, link, playerId, actors, Ct))
                foreach (var (column, value) in row)
                    if (value is JsonValue v && v.TryGetValue<string>(out var text) && old.Contains(text))
                        found.Add($"{link.Table}.{column} = {text}");
        var audit = await after.StaffAuditLogs.AsNoTracking().Where(a => a.Changes != null).Select(a => a.Changes!).ToListAsync(Ct);
        found.AddRange(old.Where(v => v.Length > 6 && audit.Any(c => c.Contains(v))).Select(v => "staff_audit_logs.changes ⊃ " + v));
        Assert.True(found.Count == 0, string.Join("\n", found));

        Assert.True(await after.StaffAuditLogs.AnyAsync(a => a.Action == "data_erasure_requested" && a.StaffUserId == alice.User.Id, Ct));
        Assert.True(await after.StaffAuditLogs.AnyAsync(a => a.Action == "data_erasure_approved" && a.StaffUserId == bob.User.Id, Ct));
        var listed = await bob.Requests.ListAsync(playerId, ct: Ct);
        Assert.Contains(listed, r => r.Kind == DataRequestKinds.Erasure && r.Status == DataRequestStatus.Completed && r.ApprovedByEmail == bob.User.Email);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_failure_during_erasure_leaves_nothing_half_erased(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        var (playerId, actors, counts) = await RichestPlayerAsync(database);
        var alice = await StaffAsync(database, "alice", StaffRoles.Moderator);
        var bob = await StaffAsync(database, "bob", StaffRoles.Moderator);
        string before;
        await using (var db = database.CreateContext()) before = await SnapshotAsync(db, playerId, actors);
        var username = before.Split('\n')[0];
        var requested = await alice.Requests.RequestErasureAsync(playerId, username, "GDPR request 43", Ct);
        Assert.True(requested.Ok, requested.Message);

        var tablesDone = new List<string>();
        bob.Requests.BeforeEraseTable = table =>
        {
            if (table == "users") throw new InvalidOperationException("injected failure");
            tablesDone.Add(table);
            return Task.CompletedTask;
        };
        var failed = await bob.Requests.ApproveErasureAsync(requested.Id!.Value, Ct);
        Assert.False(failed.Ok);
        Assert.Contains("nothing was changed", failed.Message);
        Assert.Contains("chat_messages", tablesDone);

        await using (var db = database.CreateContext())
        {
            Assert.Equal(before, await SnapshotAsync(db, playerId, actors));
            Assert.Equal(DataRequestStatus.PendingApproval, (await db.DataRequests.AsNoTracking().SingleAsync(r => r.Id == requested.Id, Ct)).Status);
            Assert.False(await db.StaffAuditLogs.AnyAsync(a => a.Action == "data_erasure_approved", Ct));
        }
        bob.Requests.BeforeEraseTable = null;
        Assert.True((await bob.Requests.ApproveErasureAsync(requested.Id.Value, Ct)).Ok);
    }

    static async Task<string> SnapshotAsync(GameOpsDbContext db, Guid playerId, List<Guid> actors)
    {
        var player = await db.Players.AsNoTracking().SingleAsync(p => p.Id == playerId, Ct);
        var lines = new List<string> { player.Username, player.Email, player.Preferences ?? "" };
        foreach (var link in PlayerDataMap.Links(db.Model))
            lines.Add(link + ": " + string.Join(";", (await PlayerDataStore.RowsAsync(db, link, playerId, actors, Ct)).Select(r => r.ToJsonString()).Order()));
        return string.Join("\n", lines);
    }
}
