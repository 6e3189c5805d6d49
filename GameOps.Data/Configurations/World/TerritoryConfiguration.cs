using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.World;

public sealed class TerritoryConfiguration : IEntityTypeConfiguration<Territory>
{
    public void Configure(EntityTypeBuilder<Territory> builder)
    {
        builder.ToTable("territories");
        builder.Property(e => e.TerritoryId).HasMaxLength(64);
        builder.HasIndex(e => e.TerritoryId).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(128);
        builder.Property(e => e.ZoneId).HasMaxLength(64);
        builder.HasOne(e => e.Zone).WithMany().HasForeignKey(e => e.ZoneId).HasPrincipalKey(p => p.ZoneId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.OwnerGuild).WithMany().HasForeignKey(e => e.OwnerGuildId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(e => e.TerritoryType).HasMaxLength(128);
    }
}
