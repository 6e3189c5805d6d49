using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GameOps.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DashboardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Covering indexes for the rollups and the dashboards' distinct-player counts (payments by completion time, sessions by start time).
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_payment_transactions_completed_at ON payment_transactions (completed_at, user_id, amount_usd, status);");
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_session_data_start_time_user ON session_data (start_time, user_id);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_payment_transactions_completed_at;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_session_data_start_time_user;");
        }
    }
}
