using GameOps.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Staff;

/// <summary>
/// Table <c>staff_data_protection_keys</c>: the ASP.NET Core Data Protection key ring, shared by every instance so that a
/// sign-in cookie or antiforgery token issued by one is accepted by all. The key XML holds the key material: secret.
/// </summary>
public sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        builder.ToTable("staff_data_protection_keys");
        builder.Property(e => e.FriendlyName).HasMaxLength(200);
        builder.Property(e => e.Xml).IsSecret().Metadata.SetMaxLength(null);
    }
}
