using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.World;

public sealed class SpawnPointConfiguration : IEntityTypeConfiguration<SpawnPoint>
{
    public void Configure(EntityTypeBuilder<SpawnPoint> builder)
    {
        builder.ToTable("spawn_points");
        builder.Property(e => e.SpawnId).HasMaxLength(64);
        builder.HasIndex(e => e.SpawnId).IsUnique();
        builder.Property(e => e.ZoneId).HasMaxLength(64);
        builder.HasOne(e => e.Zone).WithMany().HasForeignKey(e => e.ZoneId).HasPrincipalKey(p => p.ZoneId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.SpawnType).HasMaxLength(128);
        builder.Property(e => e.EntityId).HasMaxLength(64);
        builder.Property(e => e.SpawnChance).HasPrecision(18, 4);
    }
}
