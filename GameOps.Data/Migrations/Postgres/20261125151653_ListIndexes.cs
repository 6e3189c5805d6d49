using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GameOps.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Indexes matched to the lists' default sorts and filters, with the id as tiebreaker (keyset paging seeks on (key, id)
            // and finds deep pages by an index-only walk over them), lower(col) text_pattern_ops for the prefix searches
            // (ResourceStore searches lower(col) LIKE 'term%') and pg_trgm for the contains searches. CONCURRENTLY: no write lock on big tables.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_users_created_at_id ON users (created_at, id);", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_users_username_id ON users (username, id);", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_chat_messages_created_at_id ON chat_messages (created_at, id);", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_chat_messages_message_type_created_at_id ON chat_messages (message_type, created_at, id);", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_player_reports_created_at_id ON player_reports (created_at, id);", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_moderation_actions_created_at_id ON moderation_actions (created_at, id);", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_moderation_actions_action_type_created_at_id ON moderation_actions (action_type, created_at, id);", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_items_name_id ON items (name, id);", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_items_rarity_name_id ON items (rarity, name, id);", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_staff_audit_logs_created_at_id ON staff_audit_logs (created_at, id);", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_staff_audit_logs_action_created_at_id ON staff_audit_logs (action, created_at, id);", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_performance_metrics_metric_name_id ON performance_metrics (metric_name, id);", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_performance_metrics_service_name_metric_name_id ON performance_metrics (service_name, metric_name, id);", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_users_lower_username_pattern ON users (lower(username) text_pattern_ops);", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_users_lower_email_pattern ON users (lower(email) text_pattern_ops);", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_items_lower_item_id_pattern ON items (lower(item_id) text_pattern_ops);", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_items_lower_name_pattern ON items (lower(name) text_pattern_ops);", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_chat_messages_lower_message_id_pattern ON chat_messages (lower(message_id) text_pattern_ops);", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_moderation_actions_lower_action_id_pattern ON moderation_actions (lower(action_id) text_pattern_ops);", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_staff_audit_logs_lower_staff_email_pattern ON staff_audit_logs (lower(staff_email) text_pattern_ops);", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_staff_audit_logs_lower_entity_key_pattern ON staff_audit_logs (lower(entity_key) text_pattern_ops);", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_performance_metrics_lower_metric_name_pattern ON performance_metrics (lower(metric_name) text_pattern_ops);", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_player_reports_description_trgm ON player_reports USING gin (description gin_trgm_ops);", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_moderation_actions_reason_trgm ON moderation_actions USING gin (reason gin_trgm_ops);", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_users_created_at_id;", suppressTransaction: true);
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_users_username_id;", suppressTransaction: true);
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_chat_messages_created_at_id;", suppressTransaction: true);
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_chat_messages_message_type_created_at_id;", suppressTransaction: true);
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_player_reports_created_at_id;", suppressTransaction: true);
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_moderation_actions_created_at_id;", suppressTransaction: true);
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_moderation_actions_action_type_created_at_id;", suppressTransaction: true);
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_items_name_id;", suppressTransaction: true);
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_items_rarity_name_id;", suppressTransaction: true);
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_staff_audit_logs_created_at_id;", suppressTransaction: true);
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_staff_audit_logs_action_created_at_id;", suppressTransaction: true);
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_performance_metrics_metric_name_id;", suppressTransaction: true);
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_performance_metrics_service_name_metric_name_id;", suppressTransaction: true);
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_users_lower_username_pattern;", suppressTransaction: true);
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_users_lower_email_pattern;", suppressTransaction: true);
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_items_lower_item_id_pattern;", suppressTransaction: true);
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_items_lower_name_pattern;", suppressTransaction: true);
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_chat_messages_lower_message_id_pattern;", suppressTransaction: true);
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_moderation_actions_lower_action_id_pattern;", suppressTransaction: true);
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_staff_audit_logs_lower_staff_email_pattern;", suppressTransaction: true);
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_staff_audit_logs_lower_entity_key_pattern;", suppressTransaction: true);
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_performance_metrics_lower_metric_name_pattern;", suppressTransaction: true);
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_player_reports_description_trgm;", suppressTransaction: true);
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_moderation_actions_reason_trgm;", suppressTransaction: true);
        }
    }
}
