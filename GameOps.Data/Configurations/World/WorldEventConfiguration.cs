using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.World;

public sealed class WorldEventConfiguration : IEntityTypeConfiguration<WorldEvent>
{
    public void Configure(EntityTypeBuilder<WorldEvent> builder)
    {
        builder.ToTable("world_events");
        builder.Property(e => e.EventId).HasMaxLength(64);
        builder.HasIndex(e => e.EventId).IsUnique();
        builder.Property(e => e.EventType).HasMaxLength(128);
        builder.Property(e => e.Title).HasMaxLength(200);
        builder.Property(e => e.ZoneId).HasMaxLength(64);
        builder.HasOne(e => e.Zone).WithMany().HasForeignKey(e => e.ZoneId).HasPrincipalKey(p => p.ZoneId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.Status).HasMaxLength(128);
    }
}
