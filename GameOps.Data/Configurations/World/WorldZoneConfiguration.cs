using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.World;

public sealed class WorldZoneConfiguration : IEntityTypeConfiguration<WorldZone>
{
    public void Configure(EntityTypeBuilder<WorldZone> builder)
    {
        builder.ToTable("world_zones");
        builder.Property(e => e.ZoneId).HasMaxLength(64);
        builder.HasIndex(e => e.ZoneId).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(128);
        builder.Property(e => e.ZoneType).HasMaxLength(128);
    }
}
