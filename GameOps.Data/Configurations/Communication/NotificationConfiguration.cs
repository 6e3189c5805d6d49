using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Communication;

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.Property(e => e.NotificationId).HasMaxLength(64);
        builder.HasIndex(e => e.NotificationId).IsUnique();
        builder.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.NotificationType).HasMaxLength(128);
        builder.Property(e => e.Channel).HasMaxLength(128);
        builder.Property(e => e.Title).HasMaxLength(200);
        builder.Property(e => e.Status).HasMaxLength(128);
        builder.Property(e => e.Priority).HasMaxLength(128);
        builder.HasIndex(e => new { e.Status, e.ScheduledAt });
        builder.HasIndex(e => new { e.UserId, e.CreatedAt });
    }
}
