using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GameOps.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkspaceTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "lift_reason",
                table: "moderation_actions",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "lifted_at",
                table: "moderation_actions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "lifted_by_staff_id",
                table: "moderation_actions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "broadcasts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    message = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    segment_type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    segment = table.Column<string>(type: "TEXT", nullable: false),
                    priority = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    scheduled_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    sent_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    recipient_count = table.Column<int>(type: "INTEGER", nullable: false),
                    created_by_staff_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_broadcasts", x => x.id);
                    table.ForeignKey(
                        name: "fk_broadcasts_users_created_by_staff_id",
                        column: x => x.created_by_staff_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "metric_rollups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    metric_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    day = table.Column<DateTime>(type: "TEXT", nullable: false),
                    dimension = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    value = table.Column<double>(type: "REAL", precision: 20, scale: 4, nullable: false),
                    count = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_metric_rollups", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "player_notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    staff_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_player_notes", x => x.id);
                    table.ForeignKey(
                        name: "fk_player_notes_players_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_player_notes_users_staff_user_id",
                        column: x => x.staff_user_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "sanction_appeals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    moderation_action_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    appeal_text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    decided_by_staff_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    decision_note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    decided_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sanction_appeals", x => x.id);
                    table.ForeignKey(
                        name: "fk_sanction_appeals_moderation_actions_moderation_action_id",
                        column: x => x.moderation_action_id,
                        principalTable: "moderation_actions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_sanction_appeals_users_decided_by_staff_id",
                        column: x => x.decided_by_staff_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "staff_settings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    value = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_settings", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_broadcasts_created_by_staff_id",
                table: "broadcasts",
                column: "created_by_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_broadcasts_status_scheduled_at",
                table: "broadcasts",
                columns: new[] { "status", "scheduled_at" });

            migrationBuilder.CreateIndex(
                name: "ix_metric_rollups_metric_name_day_dimension",
                table: "metric_rollups",
                columns: new[] { "metric_name", "day", "dimension" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_player_notes_staff_user_id",
                table: "player_notes",
                column: "staff_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_player_notes_user_id_created_at",
                table: "player_notes",
                columns: new[] { "user_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sanction_appeals_decided_by_staff_id",
                table: "sanction_appeals",
                column: "decided_by_staff_id");

            migrationBuilder.CreateIndex(
                name: "ix_sanction_appeals_moderation_action_id",
                table: "sanction_appeals",
                column: "moderation_action_id");

            migrationBuilder.CreateIndex(
                name: "ix_sanction_appeals_status_created_at",
                table: "sanction_appeals",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_staff_settings_key",
                table: "staff_settings",
                column: "key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "broadcasts");

            migrationBuilder.DropTable(
                name: "metric_rollups");

            migrationBuilder.DropTable(
                name: "player_notes");

            migrationBuilder.DropTable(
                name: "sanction_appeals");

            migrationBuilder.DropTable(
                name: "staff_settings");

            migrationBuilder.DropColumn(
                name: "lift_reason",
                table: "moderation_actions");

            migrationBuilder.DropColumn(
                name: "lifted_at",
                table: "moderation_actions");

            migrationBuilder.DropColumn(
                name: "lifted_by_staff_id",
                table: "moderation_actions");
        }
    }
}
