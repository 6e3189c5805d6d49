using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Staff;

public sealed class StaffSessionConfiguration : IEntityTypeConfiguration<StaffSession>
{
    public void Configure(EntityTypeBuilder<StaffSession> builder)
    {
        builder.ToTable("staff_sessions");
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.Property(e => e.UserAgent).HasMaxLength(512);
        builder.Property(e => e.RevokedReason).HasMaxLength(64);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(e => e.StaffUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.StaffUserId, e.RevokedAt });
    }
}
