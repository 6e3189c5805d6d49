using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Moderation;

public sealed class PlayerNoteConfiguration : IEntityTypeConfiguration<PlayerNote>
{
    public void Configure(EntityTypeBuilder<PlayerNote> builder)
    {
        builder.ToTable("player_notes");
        builder.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.StaffUser).WithMany().HasForeignKey(e => e.StaffUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.UserId, e.CreatedAt });
    }
}

public sealed class SanctionAppealConfiguration : IEntityTypeConfiguration<SanctionAppeal>
{
    public void Configure(EntityTypeBuilder<SanctionAppeal> builder)
    {
        builder.ToTable("sanction_appeals");
        builder.HasOne(e => e.ModerationAction).WithMany().HasForeignKey(e => e.ModerationActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.DecidedByStaff).WithMany().HasForeignKey(e => e.DecidedByStaffId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(e => e.Status).HasMaxLength(32);
        builder.HasIndex(e => new { e.Status, e.CreatedAt });
    }
}
