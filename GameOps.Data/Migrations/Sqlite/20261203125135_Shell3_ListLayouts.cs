using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GameOps.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Shell3_ListLayouts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "staff_list_layouts",
                columns: table => new
                {
                    staff_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    list_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    hidden_columns = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    compact = table.Column<bool>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_list_layouts", x => new { x.staff_user_id, x.list_key });
                    table.ForeignKey(
                        name: "fk_staff_list_layouts_staff_users_staff_user_id",
                        column: x => x.staff_user_id,
                        principalTable: "staff_users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "staff_list_layouts");
        }
    }
}
