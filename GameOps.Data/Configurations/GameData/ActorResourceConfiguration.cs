using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.GameData;

public sealed class ActorResourceConfiguration : IEntityTypeConfiguration<ActorResource>
{
    public void Configure(EntityTypeBuilder<ActorResource> builder)
    {
        builder.ToTable("actor_resources");
        builder.HasOne(e => e.Actor).WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.ResourceId).HasMaxLength(64);
        builder.HasOne(e => e.Resource).WithMany().HasForeignKey(e => e.ResourceId).HasPrincipalKey(p => p.ResourceId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.CurrentValue).HasPrecision(18, 4);
        builder.Property(e => e.MaxValue).HasPrecision(18, 4);
        builder.Property(e => e.RegenRate).HasPrecision(18, 4);
    }
}
