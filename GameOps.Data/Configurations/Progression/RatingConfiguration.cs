using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Progression;

public sealed class RatingConfiguration : IEntityTypeConfiguration<Rating>
{
    public void Configure(EntityTypeBuilder<Rating> builder)
    {
        builder.ToTable("ratings");
        builder.HasOne(e => e.Actor).WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.GameMode).HasMaxLength(128);
        builder.Property(e => e.RatingValue).HasColumnName("rating");
        builder.HasIndex(e => new { e.ActorId, e.GameMode }).IsUnique();
        builder.HasIndex(e => new { e.GameMode, e.RatingValue });
    }
}
