using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GameOps.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Indexes matched to the lists' default sorts and filters, with the id as tiebreaker (keyset paging seeks on (key, id)
            // and finds deep pages by an index-only walk over them).
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_users_created_at_id ON users (created_at, id);");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_users_username_id ON users (username, id);");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_chat_messages_created_at_id ON chat_messages (created_at, id);");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_chat_messages_message_type_created_at_id ON chat_messages (message_type, created_at, id);");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_player_reports_created_at_id ON player_reports (created_at, id);");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_moderation_actions_created_at_id ON moderation_actions (created_at, id);");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_moderation_actions_action_type_created_at_id ON moderation_actions (action_type, created_at, id);");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_items_name_id ON items (name, id);");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_items_rarity_name_id ON items (rarity, name, id);");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_staff_audit_logs_created_at_id ON staff_audit_logs (created_at, id);");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_staff_audit_logs_action_created_at_id ON staff_audit_logs (action, created_at, id);");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_performance_metrics_metric_name_id ON performance_metrics (metric_name, id);");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_performance_metrics_service_name_metric_name_id ON performance_metrics (service_name, metric_name, id);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_users_created_at_id;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_users_username_id;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_chat_messages_created_at_id;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_chat_messages_message_type_created_at_id;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_player_reports_created_at_id;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_moderation_actions_created_at_id;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_moderation_actions_action_type_created_at_id;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_items_name_id;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_items_rarity_name_id;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_staff_audit_logs_created_at_id;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_staff_audit_logs_action_created_at_id;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_performance_metrics_metric_name_id;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_performance_metrics_service_name_metric_name_id;");
        }
    }
}
