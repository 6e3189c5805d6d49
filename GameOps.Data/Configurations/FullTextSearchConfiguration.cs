using System.Linq.Expressions;
using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace GameOps.Data.Configurations;

/// <summary>
/// PostgreSQL full-text search: each searchable table has a stored generated <c>search_vector</c> column,
/// <c>to_tsvector('simple', text)</c>, with a GIN index (the <c>simple</c> configuration folds case without stemming, so player
/// slang and names match as typed). Queries match and rank against the stored vector, so ranking reads it instead of parsing
/// every matching text again. SQLite's FTS5 tables are in <see cref="Migrations.Sql.SpeedSql"/>.
/// </summary>
public static class FullTextSearchConfiguration
{
    public static void ApplyPostgres(ModelBuilder builder)
    {
        SearchVector(builder.Entity<ChatMessage>(), e => e.Content, "ix_chat_messages_search_vector");
        SearchVector(builder.Entity<PlayerReport>(), e => e.Description, "ix_player_reports_search_vector");
        SearchVector(builder.Entity<ModerationAction>(), e => e.Reason, "ix_moderation_actions_search_vector");
        SearchVector(builder.Entity<PlayerNote>(), e => e.Note, "ix_player_notes_search_vector");
    }

    static void SearchVector<T>(EntityTypeBuilder<T> entity, Expression<Func<T, string?>> text, string indexName) where T : class
    {
        var source = entity.Property(text).Metadata;
        var vector = entity.Property<NpgsqlTsVector>(FullTextSearch.VectorProperty)
            .IsGeneratedTsVectorColumn(FullTextSearch.Config, source.Name)
            .HasAnnotation(FullTextSearch.DerivedFromAnnotation, source.Name);
        // The vector repeats the text's words: it is as sensitive as the text it is made from.
        if (source.GetSensitivity() is var sensitivity and not Sensitivity.None) vector.HasAnnotation(SensitivityModelExtensions.Annotation, sensitivity);
        entity.HasIndex(FullTextSearch.VectorProperty).HasDatabaseName(indexName).HasMethod("GIN");
    }
}

public static class FullTextSearch
{
    /// <summary>The PostgreSQL text search configuration of every full-text column and query.</summary>
    public const string Config = "simple";

    /// <summary>The shadow property (column <c>search_vector</c>) holding a searchable table's stored tsvector.</summary>
    public const string VectorProperty = "SearchVector";

    /// <summary>Marks the vector as derived from another column: never listed, edited, copied, exported or audited.</summary>
    public const string DerivedFromAnnotation = "GameOps:SearchVectorOf";

    public static bool IsSearchVector(this IReadOnlyProperty property) => property.FindAnnotation(DerivedFromAnnotation) is not null;
}
