using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Core;

public sealed class MatchConfiguration : IEntityTypeConfiguration<Match>
{
    public void Configure(EntityTypeBuilder<Match> builder)
    {
        builder.ToTable("matches");
        builder.Property(e => e.MatchId).HasMaxLength(64);
        builder.HasIndex(e => e.MatchId).IsUnique();
        builder.Property(e => e.GameMode).HasMaxLength(128);
        builder.Property(e => e.MatchType).HasMaxLength(128);
        builder.Property(e => e.Status).HasMaxLength(128);
        builder.HasIndex(e => e.CreatedAt);
    }
}
