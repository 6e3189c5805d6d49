using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace GameOps.Data.Configurations;

/// <summary>
/// PostgreSQL full-text search: GIN expression indexes on <c>to_tsvector('simple', text)</c> (the <c>simple</c> configuration
/// folds case without stemming, so player slang and names match as typed). Queries use the same expression
/// (<see cref="FullTextSearch.Config"/>) so the planner picks the index. SQLite's FTS5 tables are in <see cref="Migrations.Sql.SpeedSql"/>.
/// </summary>
public static class FullTextSearchConfiguration
{
    public static void ApplyPostgres(ModelBuilder builder)
    {
        builder.Entity<ChatMessage>().HasIndex(e => e.Content, "ix_chat_messages_content_fts").HasMethod("GIN").IsTsVectorExpressionIndex(FullTextSearch.Config);
        builder.Entity<PlayerReport>().HasIndex(e => e.Description, "ix_player_reports_description_fts").HasMethod("GIN").IsTsVectorExpressionIndex(FullTextSearch.Config);
        builder.Entity<ModerationAction>().HasIndex(e => e.Reason, "ix_moderation_actions_reason_fts").HasMethod("GIN").IsTsVectorExpressionIndex(FullTextSearch.Config);
        builder.Entity<PlayerNote>().HasIndex(e => e.Note, "ix_player_notes_note_fts").HasMethod("GIN").IsTsVectorExpressionIndex(FullTextSearch.Config);
    }
}

public static class FullTextSearch
{
    /// <summary>The PostgreSQL text search configuration of every full-text index and query.</summary>
    public const string Config = "simple";
}
