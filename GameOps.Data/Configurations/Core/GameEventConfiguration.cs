using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Core;

public sealed class GameEventConfiguration : IEntityTypeConfiguration<GameEvent>
{
    public void Configure(EntityTypeBuilder<GameEvent> builder)
    {
        builder.ToTable("events");
        builder.Property(e => e.EventId).HasMaxLength(64);
        builder.HasIndex(e => e.EventId).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(128);
        builder.Property(e => e.EventType).HasMaxLength(128);
        builder.Property(e => e.Category).HasMaxLength(128);
        builder.Property(e => e.Status).HasMaxLength(128);
        builder.HasIndex(e => new { e.Status, e.StartTime });
    }
}
