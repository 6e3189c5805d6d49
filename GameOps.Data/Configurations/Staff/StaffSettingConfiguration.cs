using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Staff;

public sealed class StaffSettingConfiguration : IEntityTypeConfiguration<StaffSetting>
{
    public void Configure(EntityTypeBuilder<StaffSetting> builder)
    {
        builder.ToTable("staff_settings");
        builder.Property(e => e.Key).HasMaxLength(128);
        builder.HasIndex(e => e.Key).IsUnique();
    }
}
