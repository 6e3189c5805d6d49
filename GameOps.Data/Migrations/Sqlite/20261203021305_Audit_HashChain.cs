using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GameOps.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Audit_HashChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "chain_sequence",
                table: "staff_audit_logs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "hash",
                table: "staff_audit_logs",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "previous_hash",
                table: "staff_audit_logs",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_staff_audit_logs_chain_sequence",
                table: "staff_audit_logs",
                column: "chain_sequence");

            migrationBuilder.Sql(GameOps.Data.Migrations.Sql.AuditSql.SqliteScrub);
            migrationBuilder.Sql(GameOps.Data.Migrations.Sql.AuditSql.SqliteGuards);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(GameOps.Data.Migrations.Sql.AuditSql.SqliteDropGuards);

            migrationBuilder.DropIndex(
                name: "ix_staff_audit_logs_chain_sequence",
                table: "staff_audit_logs");

            migrationBuilder.DropColumn(
                name: "chain_sequence",
                table: "staff_audit_logs");

            migrationBuilder.DropColumn(
                name: "hash",
                table: "staff_audit_logs");

            migrationBuilder.DropColumn(
                name: "previous_hash",
                table: "staff_audit_logs");
        }
    }
}
