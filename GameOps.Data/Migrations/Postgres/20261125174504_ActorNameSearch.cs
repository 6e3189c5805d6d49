using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GameOps.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ActorNameSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The players list finds a player by a character's name prefix (ResourceStore: lower(name) LIKE 'term%').
            migrationBuilder.Sql("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_actors_lower_name_pattern ON actors (lower(name) text_pattern_ops);", suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX CONCURRENTLY IF EXISTS ix_actors_lower_name_pattern;", suppressTransaction: true);
        }
    }
}
