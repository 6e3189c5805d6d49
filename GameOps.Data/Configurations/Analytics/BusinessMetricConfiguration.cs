using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Analytics;

public sealed class BusinessMetricConfiguration : IEntityTypeConfiguration<BusinessMetric>
{
    public void Configure(EntityTypeBuilder<BusinessMetric> builder)
    {
        builder.ToTable("business_metrics");
        builder.Property(e => e.MetricName).HasMaxLength(128);
        builder.Property(e => e.MetricValue).HasPrecision(18, 4);
        builder.Property(e => e.MetricType).HasMaxLength(128);
        builder.HasIndex(e => new { e.MetricName, e.Timestamp });
    }
}
