using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GameOps.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Speed_FullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_player_reports_description",
                table: "player_reports",
                column: "description")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:TsVectorConfig", "simple");

            migrationBuilder.CreateIndex(
                name: "ix_player_notes_note",
                table: "player_notes",
                column: "note")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:TsVectorConfig", "simple");

            migrationBuilder.CreateIndex(
                name: "ix_moderation_actions_reason",
                table: "moderation_actions",
                column: "reason")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:TsVectorConfig", "simple");

            migrationBuilder.CreateIndex(
                name: "ix_chat_messages_content",
                table: "chat_messages",
                column: "content")
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:TsVectorConfig", "simple");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_player_reports_description",
                table: "player_reports");

            migrationBuilder.DropIndex(
                name: "ix_player_notes_note",
                table: "player_notes");

            migrationBuilder.DropIndex(
                name: "ix_moderation_actions_reason",
                table: "moderation_actions");

            migrationBuilder.DropIndex(
                name: "ix_chat_messages_content",
                table: "chat_messages");
        }
    }
}
