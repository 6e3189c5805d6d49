using GameOps.Data.Configurations;
using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace GameOps.Data;

/// <summary>
/// Every editable table detects a concurrent change, whether or not it has a <c>version</c>/<c>updated_at</c> column.
/// PostgreSQL: the row's <c>xmin</c> system column (changes on every update, no schema change) as a shadow row version.
/// SQLite: a table without its own token compares every column's loaded value in the UPDATE's WHERE.
/// Tokens added here carry <see cref="Annotation"/>, so that code which shows a table's token to people (the edit
/// shell's "Version n") keeps using the table's own column.
/// </summary>
public static class RowConcurrency
{
    public const string Annotation = "GameOps:RowToken";

    /// <summary>The shadow property that maps PostgreSQL's <c>xmin</c>.</summary>
    public const string XminProperty = "xmin";

    public static bool IsRowToken(this IReadOnlyProperty property) => property.FindAnnotation(Annotation)?.Value is true;

    /// <summary>
    /// A column the database maintains by itself: PostgreSQL's xmin, or a stored search vector derived from a text column.
    /// Read by EF where asked, never written, copied, exported or audited.
    /// </summary>
    public static bool IsSystemColumn(this IReadOnlyProperty property) =>
        property.IsShadowProperty() && (property.Name == XminProperty && property.IsRowToken() || property.IsSearchVector());

    /// <summary>Tables whose rows are never edited: the audit trail is append-only.</summary>
    static bool Applies(IMutableEntityType entityType) =>
        entityType.ClrType != typeof(StaffAuditEntry) && !entityType.IsOwned() && entityType.FindPrimaryKey() is not null && entityType.GetTableName() is not null;

    internal static void UseXmin(ModelBuilder builder)
    {
        foreach (var entityType in builder.Model.GetEntityTypes().Where(Applies).ToList())
        {
            var property = builder.Entity(entityType.ClrType).Property<uint>(XminProperty)
                .HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
            property.Metadata.SetAnnotation(Annotation, true);
        }
    }

    internal static void CompareAllColumns(ModelBuilder builder)
    {
        foreach (var entityType in builder.Model.GetEntityTypes().Where(Applies).ToList())
        {
            // version / updated_at move on every save (VersioningInterceptor); Identity's stamps do not on a plain EF edit.
            if (typeof(IVersioned).IsAssignableFrom(entityType.ClrType) || typeof(IUpdatedAt).IsAssignableFrom(entityType.ClrType)) continue;
            foreach (var property in entityType.GetProperties().Where(p => !p.IsKey() && !p.IsShadowProperty()))
            {
                property.IsConcurrencyToken = true;
                property.SetAnnotation(Annotation, true);
            }
        }
    }
}
