using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Data.Configurations;

/// <summary>
/// PostgreSQL "any part of the name" search: pg_trgm GIN indexes on the searched name columns of the big tables, so
/// <c>name ILIKE '%term%'</c> (terms of 3+ characters) is an index scan instead of a scan of every row. SQLite has no
/// equivalent: there a contains search is a plain LIKE scan.
/// </summary>
public static class TrigramSearchConfiguration
{
    public static void ApplyPostgres(ModelBuilder builder)
    {
        builder.HasPostgresExtension("pg_trgm");
        builder.Entity<Player>().HasIndex(e => e.Username, "ix_users_username_trgm").HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_users_username_trgm");
        builder.Entity<Actor>().HasIndex(e => e.Name, "ix_actors_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_actors_name_trgm");
        builder.Entity<Item>().HasIndex(e => e.Name, "ix_items_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_items_name_trgm");
        builder.Entity<Guild>().HasIndex(e => e.Name, "ix_guilds_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_guilds_name_trgm");
        builder.Entity<Quest>().HasIndex(e => e.Title, "ix_quests_title_trgm").HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_quests_title_trgm");
    }
}
