using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GameOps.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Speed_FullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {


            migrationBuilder.Sql(Sql.SpeedSql.SqliteCreateFullTextSearch);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Sql.SpeedSql.SqliteDropFullTextSearch);


        }
    }
}
