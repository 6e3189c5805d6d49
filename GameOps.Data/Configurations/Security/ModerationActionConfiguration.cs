using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Security;

public sealed class ModerationActionConfiguration : IEntityTypeConfiguration<ModerationAction>
{
    public void Configure(EntityTypeBuilder<ModerationAction> builder)
    {
        builder.ToTable("moderation_actions");
        // The lists' sort orders with the id as tie-breaker (keyset paging seeks on them); names kept from the ListIndexes migrations.
        builder.HasIndex(e => new { e.CreatedAt, e.Id }).HasDatabaseName("ix_moderation_actions_created_at_id");
        builder.HasIndex(e => new { e.ActionType, e.CreatedAt, e.Id }).HasDatabaseName("ix_moderation_actions_action_type_created_at_id");
        builder.Property(e => e.ActionId).HasMaxLength(64);
        builder.HasIndex(e => e.ActionId).IsUnique();
        builder.HasOne(e => e.Moderator).WithMany().HasForeignKey(e => e.ModeratorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.TargetUser).WithMany().HasForeignKey(e => e.TargetUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.ActionType).HasMaxLength(128);
        builder.Property(e => e.ChannelId).HasMaxLength(64);
        builder.Property(e => e.MessageId).HasMaxLength(64);
        builder.HasIndex(e => new { e.TargetUserId, e.CreatedAt });
        builder.HasIndex(e => e.CreatedAt);
        builder.HasIndex(e => e.ExpiresAt);
        builder.Property(e => e.LiftReason).HasMaxLength(1000);
    }
}
