using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Analytics;

public sealed class PerformanceMetricConfiguration : IEntityTypeConfiguration<PerformanceMetric>
{
    public void Configure(EntityTypeBuilder<PerformanceMetric> builder)
    {
        builder.ToTable("performance_metrics");
        // The lists' sort orders with the id as tie-breaker (keyset paging seeks on them); names kept from the ListIndexes migrations.
        builder.HasIndex(e => new { e.MetricName, e.Id }).HasDatabaseName("ix_performance_metrics_metric_name_id");
        builder.HasIndex(e => new { e.ServiceName, e.MetricName, e.Id }).HasDatabaseName("ix_performance_metrics_service_name_metric_name_id");
        builder.HasIndex(e => new { e.Timestamp, e.Id }).HasDatabaseName("ix_performance_metrics_timestamp_id");
        builder.Property(e => e.ServiceName).HasMaxLength(128);
        builder.Property(e => e.MetricName).HasMaxLength(128);
        builder.Property(e => e.MetricValue).HasPrecision(18, 4);
        builder.Property(e => e.MetricType).HasMaxLength(128);
        builder.HasIndex(e => new { e.ServiceName, e.MetricName, e.Timestamp });
        builder.HasIndex(e => e.Timestamp);
    }
}
