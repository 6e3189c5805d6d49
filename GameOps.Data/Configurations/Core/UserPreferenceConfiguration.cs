using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Core;

public sealed class UserPreferenceConfiguration : IEntityTypeConfiguration<UserPreference>
{
    public void Configure(EntityTypeBuilder<UserPreference> builder)
    {
        builder.ToTable("user_preferences");
        builder.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Language).HasMaxLength(16);
        builder.Property(e => e.TimeZone).HasMaxLength(64);
        builder.Property(e => e.ProfileVisibility).HasMaxLength(128);
        builder.Property(e => e.ChatFilterLevel).HasMaxLength(128);
        builder.HasIndex(e => e.UserId).IsUnique();
    }
}
