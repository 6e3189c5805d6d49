using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Analytics;

public sealed class EventAnalyticsConfiguration : IEntityTypeConfiguration<EventAnalytics>
{
    public void Configure(EntityTypeBuilder<EventAnalytics> builder)
    {
        builder.ToTable("event_analytics");
        builder.Property(e => e.EventId).HasMaxLength(64);
        builder.HasOne(e => e.Event).WithMany().HasForeignKey(e => e.EventId).HasPrincipalKey(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.MetricName).HasMaxLength(128);
        builder.Property(e => e.MetricValue).HasPrecision(18, 4);
        builder.Property(e => e.MetricType).HasMaxLength(128);
        builder.HasIndex(e => new { e.MetricName, e.Timestamp });
    }
}
