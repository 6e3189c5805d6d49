using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Matchmaking;

public sealed class MatchQueueConfiguration : IEntityTypeConfiguration<MatchQueue>
{
    public void Configure(EntityTypeBuilder<MatchQueue> builder)
    {
        builder.ToTable("match_queues");
        builder.Property(e => e.QueueId).HasMaxLength(64);
        builder.HasIndex(e => e.QueueId).IsUnique();
        builder.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.GameMode).HasMaxLength(128);
        builder.Property(e => e.QueueType).HasMaxLength(128);
        builder.Property(e => e.Status).HasMaxLength(128);
    }
}
