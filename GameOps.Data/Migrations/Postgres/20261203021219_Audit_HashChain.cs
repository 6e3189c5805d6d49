using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GameOps.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Audit_HashChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "world_zones",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "world_events",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "weather_data",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "users",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "user_sessions",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "user_preferences",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "user_analytics",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "territories",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "teams",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "team_members",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "staff_users",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "staff_user_tokens",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "staff_user_roles",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "staff_user_logins",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "staff_user_claims",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "staff_settings",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "staff_roles",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "staff_role_claims",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<long>(
                name: "chain_sequence",
                table: "staff_audit_logs",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "hash",
                table: "staff_audit_logs",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "previous_hash",
                table: "staff_audit_logs",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "spawn_points",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "skill_definitions",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "session_data",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "security_events",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "sanction_appeals",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "resource_definitions",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "ratings",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "quests",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "quest_progress",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "player_reports",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "player_notes",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "performance_metrics",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "payment_transactions",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "notifications",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "moderation_actions",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "metric_rollups",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "message_replies",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "message_reactions",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "matches",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "match_results",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "match_queues",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "match_participants",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "items",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "inventory_items",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "guilds",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "guild_storage",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "guild_members",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "guild_activities",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "game_analytics",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "fraud_detection",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "events",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "event_schedules",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "event_rewards",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "event_participations",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "event_analytics",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "crafting_recipes",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "chat_messages",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "channels",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "channel_members",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "business_metrics",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "broadcasts",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "audit_logs",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "actors",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "actor_skills",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "actor_resources",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "actor_levels",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "actor_equipment",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "actor_achievements",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "achievements",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateIndex(
                name: "ix_staff_audit_logs_chain_sequence",
                table: "staff_audit_logs",
                column: "chain_sequence");

            migrationBuilder.Sql(GameOps.Data.Migrations.Sql.AuditSql.PostgresScrub);
            migrationBuilder.Sql(GameOps.Data.Migrations.Sql.AuditSql.PostgresGuards);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(GameOps.Data.Migrations.Sql.AuditSql.PostgresDropGuards);

            migrationBuilder.DropIndex(
                name: "ix_staff_audit_logs_chain_sequence",
                table: "staff_audit_logs");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "world_zones");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "world_events");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "weather_data");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "users");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "user_sessions");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "user_preferences");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "user_analytics");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "territories");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "teams");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "team_members");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "staff_users");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "staff_user_tokens");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "staff_user_roles");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "staff_user_logins");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "staff_user_claims");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "staff_settings");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "staff_roles");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "staff_role_claims");

            migrationBuilder.DropColumn(
                name: "chain_sequence",
                table: "staff_audit_logs");

            migrationBuilder.DropColumn(
                name: "hash",
                table: "staff_audit_logs");

            migrationBuilder.DropColumn(
                name: "previous_hash",
                table: "staff_audit_logs");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "spawn_points");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "skill_definitions");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "session_data");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "security_events");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "sanction_appeals");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "resource_definitions");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "ratings");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "quests");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "quest_progress");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "player_reports");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "player_notes");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "performance_metrics");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "payment_transactions");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "moderation_actions");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "metric_rollups");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "message_replies");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "message_reactions");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "matches");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "match_results");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "match_queues");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "match_participants");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "items");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "inventory_items");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "guilds");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "guild_storage");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "guild_members");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "guild_activities");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "game_analytics");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "fraud_detection");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "events");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "event_schedules");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "event_rewards");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "event_participations");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "event_analytics");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "crafting_recipes");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "chat_messages");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "channels");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "channel_members");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "business_metrics");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "broadcasts");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "audit_logs");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "actors");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "actor_skills");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "actor_resources");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "actor_levels");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "actor_equipment");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "actor_achievements");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "achievements");
        }
    }
}
