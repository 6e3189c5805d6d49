using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GameOps.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The rollups and the dashboards' distinct-player counts read payments by completion time and sessions by start
            // time with the player: covering indexes answer them from the index alone.
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_payment_transactions_completed_at ON payment_transactions (completed_at) INCLUDE (user_id, amount_usd, status);", suppressTransaction: true);
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_session_data_start_time_user ON session_data (start_time) INCLUDE (user_id);", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_payment_transactions_completed_at;", suppressTransaction: true);
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_session_data_start_time_user;", suppressTransaction: true);
        }
    }
}
