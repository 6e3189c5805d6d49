using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Analytics;

public sealed class PerformanceMetricConfiguration : IEntityTypeConfiguration<PerformanceMetric>
{
    public void Configure(EntityTypeBuilder<PerformanceMetric> builder)
    {
        builder.ToTable("performance_metrics");
        builder.Property(e => e.ServiceName).HasMaxLength(128);
        builder.Property(e => e.MetricName).HasMaxLength(128);
        builder.Property(e => e.MetricValue).HasPrecision(18, 4);
        builder.Property(e => e.MetricType).HasMaxLength(128);
        builder.HasIndex(e => new { e.ServiceName, e.MetricName, e.Timestamp });
        builder.HasIndex(e => e.Timestamp);
    }
}
