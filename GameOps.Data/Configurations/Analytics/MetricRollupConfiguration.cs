using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Analytics;

public sealed class MetricRollupConfiguration : IEntityTypeConfiguration<MetricRollup>
{
    public void Configure(EntityTypeBuilder<MetricRollup> builder)
    {
        builder.ToTable("metric_rollups");
        builder.Property(e => e.MetricName).HasMaxLength(64);
        builder.Property(e => e.Dimension).HasMaxLength(128);
        builder.Property(e => e.Value).HasPrecision(20, 4);
        builder.HasIndex(e => new { e.MetricName, e.Day, e.Dimension }).IsUnique();
    }
}
