using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Moderation;

public sealed class PlayerReportConfiguration : IEntityTypeConfiguration<PlayerReport>
{
    public void Configure(EntityTypeBuilder<PlayerReport> builder)
    {
        builder.ToTable("player_reports");
        // The lists' sort orders with the id as tie-breaker (keyset paging seeks on them); names kept from the ListIndexes migrations.
        builder.HasIndex(e => new { e.CreatedAt, e.Id }).HasDatabaseName("ix_player_reports_created_at_id");
        builder.HasOne(e => e.ReporterUser).WithMany().HasForeignKey(e => e.ReporterUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.TargetUser).WithMany().HasForeignKey(e => e.TargetUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.ChatMessage).WithMany().HasForeignKey(e => e.ChatMessageId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(e => e.Category).HasMaxLength(128);
        builder.Property(e => e.Status).HasMaxLength(128);
        builder.HasOne(e => e.AssigneeStaff).WithMany().HasForeignKey(e => e.AssigneeStaffId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(e => e.Resolution).HasMaxLength(128);
        builder.HasIndex(e => new { e.Status, e.CreatedAt });
        builder.HasIndex(e => new { e.AssigneeStaffId, e.Status });
        builder.HasIndex(e => e.CreatedAt);
    }
}
