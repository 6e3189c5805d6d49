using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace GameOps.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Speed3_StoredSearchVectors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
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

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "player_reports",
                type: "tsvector",
                nullable: true)
                .Annotation("Npgsql:TsVectorConfig", "simple")
                .Annotation("Npgsql:TsVectorProperties", new[] { "description" });

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "player_notes",
                type: "tsvector",
                nullable: true)
                .Annotation("Npgsql:TsVectorConfig", "simple")
                .Annotation("Npgsql:TsVectorProperties", new[] { "note" });

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "moderation_actions",
                type: "tsvector",
                nullable: true)
                .Annotation("Npgsql:TsVectorConfig", "simple")
                .Annotation("Npgsql:TsVectorProperties", new[] { "reason" });

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "chat_messages",
                type: "tsvector",
                nullable: true)
                .Annotation("Npgsql:TsVectorConfig", "simple")
                .Annotation("Npgsql:TsVectorProperties", new[] { "content" });

            migrationBuilder.CreateIndex(
                name: "ix_player_reports_search_vector",
                table: "player_reports",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_player_notes_search_vector",
                table: "player_notes",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_moderation_actions_search_vector",
                table: "moderation_actions",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_chat_messages_search_vector",
                table: "chat_messages",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_player_reports_search_vector",
                table: "player_reports");

            migrationBuilder.DropIndex(
                name: "ix_player_notes_search_vector",
                table: "player_notes");

            migrationBuilder.DropIndex(
                name: "ix_moderation_actions_search_vector",
                table: "moderation_actions");

            migrationBuilder.DropIndex(
                name: "ix_chat_messages_search_vector",
                table: "chat_messages");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "player_reports");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "player_notes");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "moderation_actions");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "chat_messages");

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
    }
}
