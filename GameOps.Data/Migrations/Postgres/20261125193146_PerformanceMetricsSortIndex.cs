using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GameOps.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PerformanceMetricsSortIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The performance-metrics list sorts by timestamp with the id as tiebreaker (keyset paging seeks on the pair).
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_performance_metrics_timestamp_id ON performance_metrics (\"timestamp\", id);", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_performance_metrics_timestamp_id;", suppressTransaction: true);
        }
    }
}
