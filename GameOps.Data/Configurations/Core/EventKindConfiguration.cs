using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Core;

public sealed class EventKindConfiguration : IEntityTypeConfiguration<EventKind>
{
    public void Configure(EntityTypeBuilder<EventKind> builder)
    {
        builder.ToTable("event_kinds");
        builder.Property(e => e.Kind).HasMaxLength(16);
        // Same length as events.event_type / events.category, so every key fits the column that stores it.
        builder.Property(e => e.Key).HasMaxLength(128);
        builder.Property(e => e.Label).HasMaxLength(128);
        builder.HasIndex(e => new { e.Kind, e.Key }).IsUnique();
        builder.HasIndex(e => new { e.Kind, e.SortOrder, e.Label });
    }
}
