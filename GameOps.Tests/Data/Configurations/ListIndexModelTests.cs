using GameOps.Data;
using GameOps.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GameOps.Tests.Data.Configurations;

/// <summary>
/// Issue 15: the lists' (sort key, id) indexes are declared in the model, under the names the raw SQL of the ListIndexes migrations gave
/// them, so the model and the database agree and no later migration drops them.
/// </summary>
public sealed class ListIndexModelTests
{
    static readonly (string Table, string[] Columns, string Name)[] ListIndexes =
    [
        ("users", ["created_at", "id"], "ix_users_created_at_id"),
        ("users", ["username", "id"], "ix_users_username_id"),
        ("chat_messages", ["created_at", "id"], "ix_chat_messages_created_at_id"),
        ("chat_messages", ["message_type", "created_at", "id"], "ix_chat_messages_message_type_created_at_id"),
        ("player_reports", ["created_at", "id"], "ix_player_reports_created_at_id"),
        ("moderation_actions", ["created_at", "id"], "ix_moderation_actions_created_at_id"),
        ("moderation_actions", ["action_type", "created_at", "id"], "ix_moderation_actions_action_type_created_at_id"),
        ("items", ["name", "id"], "ix_items_name_id"),
        ("items", ["rarity", "name", "id"], "ix_items_rarity_name_id"),
        ("staff_audit_logs", ["created_at", "id"], "ix_staff_audit_logs_created_at_id"),
        ("staff_audit_logs", ["action", "created_at", "id"], "ix_staff_audit_logs_action_created_at_id"),
        ("performance_metrics", ["metric_name", "id"], "ix_performance_metrics_metric_name_id"),
        ("performance_metrics", ["service_name", "metric_name", "id"], "ix_performance_metrics_service_name_metric_name_id"),
        ("performance_metrics", ["timestamp", "id"], "ix_performance_metrics_timestamp_id"),
    ];

    [Theory, InlineData(DatabaseProvider.Sqlite), InlineData(DatabaseProvider.Postgres)]
    public async Task The_model_declares_the_list_indexes_and_a_migrated_database_has_each_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabases.CreateMigratedAsync(provider);
        await using var db = database.CreateContext();
        var ct = TestContext.Current.CancellationToken;

        foreach (var (table, columns, name) in ListIndexes)
        {
            var entityType = db.Model.GetEntityTypes().Single(e => e.GetTableName() == table && e.FindOwnership() is null);
            var index = Assert.Single(entityType.GetIndexes(), i => i.GetDatabaseName() == name);
            Assert.Equal(columns, index.Properties.Select(p => p.GetColumnName()));
            Assert.False(index.IsUnique);
        }
        Assert.False(db.Database.HasPendingModelChanges());

        var names = provider == DatabaseProvider.Postgres
            ? await db.Database.SqlQueryRaw<string>("SELECT indexname AS \"Value\" FROM pg_indexes WHERE schemaname = 'public'").ToListAsync(ct)
            : await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'index'").ToListAsync(ct);
        Assert.All(ListIndexes, i => Assert.Single(names, n => n == i.Name));
    }
}
