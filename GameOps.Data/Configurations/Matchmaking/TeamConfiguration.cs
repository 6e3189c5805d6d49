using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Matchmaking;

public sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.ToTable("teams");
        builder.Property(e => e.TeamId).HasMaxLength(64);
        builder.HasIndex(e => e.TeamId).IsUnique();
        builder.Property(e => e.TeamName).HasMaxLength(128);
        builder.Property(e => e.TeamType).HasMaxLength(128);
        builder.HasOne(e => e.Leader).WithMany().HasForeignKey(e => e.LeaderId).OnDelete(DeleteBehavior.Restrict);
    }
}
