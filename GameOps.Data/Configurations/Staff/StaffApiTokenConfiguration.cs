using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Staff;

public sealed class StaffApiTokenConfiguration : IEntityTypeConfiguration<StaffApiToken>
{
    public void Configure(EntityTypeBuilder<StaffApiToken> builder)
    {
        builder.ToTable("staff_api_tokens");
        builder.HasOne(e => e.StaffUser).WithMany().HasForeignKey(e => e.StaffUserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Name).HasMaxLength(100);
        builder.Property(e => e.TokenHash).HasMaxLength(64);
        builder.Property(e => e.Prefix).HasMaxLength(16);
        builder.Property(e => e.Scopes).HasMaxLength(1000);
        builder.HasIndex(e => e.TokenHash).IsUnique();
        builder.HasIndex(e => new { e.StaffUserId, e.CreatedAt });
    }
}
