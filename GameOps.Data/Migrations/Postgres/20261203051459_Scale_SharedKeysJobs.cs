using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GameOps.Data.Migrations.Postgres
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
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "staff_job_runs",
                columns: table => new
                {
                    job_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    last_started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_duration_ms = table.Column<long>(type: "bigint", nullable: true),
                    last_succeeded = table.Column<bool>(type: "boolean", nullable: true),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    last_error_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_instance = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    run_count = table.Column<long>(type: "bigint", nullable: false),
                    failure_count = table.Column<long>(type: "bigint", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_job_runs", x => x.job_key);
                });

            migrationBuilder.Sql(GameOps.Data.Migrations.Sql.ScaleSql.CreateQuartzTables);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(GameOps.Data.Migrations.Sql.ScaleSql.DropQuartzTables);

            migrationBuilder.DropTable(
                name: "staff_data_protection_keys");

            migrationBuilder.DropTable(
                name: "staff_job_runs");
        }
    }
}
