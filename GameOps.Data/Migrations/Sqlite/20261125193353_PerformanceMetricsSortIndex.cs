using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GameOps.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PerformanceMetricsSortIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The performance-metrics list sorts by timestamp with the id as tiebreaker (keyset paging seeks on the pair).
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_performance_metrics_timestamp_id ON performance_metrics (\"timestamp\", id);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_performance_metrics_timestamp_id;");
        }
    }
}
