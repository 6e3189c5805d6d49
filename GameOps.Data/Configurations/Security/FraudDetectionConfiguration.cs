using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Security;

public sealed class FraudDetectionConfiguration : IEntityTypeConfiguration<FraudDetection>
{
    public void Configure(EntityTypeBuilder<FraudDetection> builder)
    {
        builder.ToTable("fraud_detection");
        builder.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.FraudType).HasMaxLength(128);
        builder.Property(e => e.RiskScore).HasPrecision(18, 4);
        builder.HasIndex(e => new { e.IsConfirmed, e.RiskScore });
    }
}
