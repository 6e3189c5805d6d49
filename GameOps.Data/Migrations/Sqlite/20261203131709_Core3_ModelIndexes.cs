using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GameOps.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Core3_ModelIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The indexes exist already (raw SQL of ListIndexes / PerformanceMetricsSortIndex); the model now declares them under the same names.
            migrationBuilder.Sql(Sql.Core3Sql.ModelIndexesIfMissing);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing: the earlier migrations that created these indexes drop them on their way down.
        }
    }
}
