using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GameOps.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Scale_SharedKeysJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "staff_data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "staff_job_runs",
                columns: table => new
                {
                    job_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    last_started_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_duration_ms = table.Column<long>(type: "INTEGER", nullable: true),
                    last_succeeded = table.Column<bool>(type: "INTEGER", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    last_error_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_instance = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    run_count = table.Column<long>(type: "INTEGER", nullable: false),
                    failure_count = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_job_runs", x => x.job_key);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "staff_data_protection_keys");

            migrationBuilder.DropTable(
                name: "staff_job_runs");
        }
    }
}
