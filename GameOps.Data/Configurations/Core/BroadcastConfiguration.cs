using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Core;

public sealed class BroadcastConfiguration : IEntityTypeConfiguration<Broadcast>
{
    public void Configure(EntityTypeBuilder<Broadcast> builder)
    {
        builder.ToTable("broadcasts");
        builder.Property(e => e.Title).HasMaxLength(200);
        builder.Property(e => e.SegmentType).HasMaxLength(32);
        builder.Property(e => e.Priority).HasMaxLength(16);
        builder.Property(e => e.Status).HasMaxLength(16);
        builder.HasOne(e => e.CreatedByStaff).WithMany().HasForeignKey(e => e.CreatedByStaffId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => new { e.Status, e.ScheduledAt });
    }
}
