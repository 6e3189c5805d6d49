using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Core;

public sealed class EventRewardConfiguration : IEntityTypeConfiguration<EventReward>
{
    public void Configure(EntityTypeBuilder<EventReward> builder)
    {
        builder.ToTable("event_rewards");
        builder.HasOne(e => e.Event).WithMany().HasForeignKey(e => e.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Item).WithMany().HasForeignKey(e => e.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.ConditionType).HasMaxLength(128);
    }
}
