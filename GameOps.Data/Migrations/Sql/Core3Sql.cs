namespace GameOps.Data.Migrations.Sql;

/// <summary>Hand-written SQL of the Core3 workstream (issue 15: indexes in the model).</summary>
public static class Core3Sql
{
    /// <summary>
    /// The (sort key, id) list indexes that the ListIndexes and PerformanceMetricsSortIndex migrations created as raw SQL, now declared
    /// in the model (<c>HasIndex(...).HasDatabaseName(...)</c>) under the same names. Created only where missing: on every database that
    /// ran those migrations this changes nothing (EF's own <c>CreateIndex</c> would fail there, the index already existing).
    /// </summary>
    public const string ModelIndexesIfMissing = """
        CREATE INDEX IF NOT EXISTS ix_users_created_at_id ON users (created_at, id);
        CREATE INDEX IF NOT EXISTS ix_users_username_id ON users (username, id);
        CREATE INDEX IF NOT EXISTS ix_chat_messages_created_at_id ON chat_messages (created_at, id);
        CREATE INDEX IF NOT EXISTS ix_chat_messages_message_type_created_at_id ON chat_messages (message_type, created_at, id);
        CREATE INDEX IF NOT EXISTS ix_player_reports_created_at_id ON player_reports (created_at, id);
        CREATE INDEX IF NOT EXISTS ix_moderation_actions_created_at_id ON moderation_actions (created_at, id);
        CREATE INDEX IF NOT EXISTS ix_moderation_actions_action_type_created_at_id ON moderation_actions (action_type, created_at, id);
        CREATE INDEX IF NOT EXISTS ix_items_name_id ON items (name, id);
        CREATE INDEX IF NOT EXISTS ix_items_rarity_name_id ON items (rarity, name, id);
        CREATE INDEX IF NOT EXISTS ix_staff_audit_logs_created_at_id ON staff_audit_logs (created_at, id);
        CREATE INDEX IF NOT EXISTS ix_staff_audit_logs_action_created_at_id ON staff_audit_logs (action, created_at, id);
        CREATE INDEX IF NOT EXISTS ix_performance_metrics_metric_name_id ON performance_metrics (metric_name, id);
        CREATE INDEX IF NOT EXISTS ix_performance_metrics_service_name_metric_name_id ON performance_metrics (service_name, metric_name, id);
        CREATE INDEX IF NOT EXISTS ix_performance_metrics_timestamp_id ON performance_metrics ("timestamp", id);
        """;
}
