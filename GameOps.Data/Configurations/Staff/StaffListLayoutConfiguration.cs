using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Staff;

public sealed class StaffListLayoutConfiguration : IEntityTypeConfiguration<StaffListLayout>
{
    public void Configure(EntityTypeBuilder<StaffListLayout> builder)
    {
        builder.ToTable("staff_list_layouts");
        builder.HasKey(e => new { e.StaffUserId, e.ListKey });
        builder.Property(e => e.ListKey).HasMaxLength(100);
        builder.Property(e => e.HiddenColumns).HasMaxLength(2000);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(e => e.StaffUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
