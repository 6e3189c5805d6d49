using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Analytics;

public sealed class UserAnalyticsConfiguration : IEntityTypeConfiguration<UserAnalytics>
{
    public void Configure(EntityTypeBuilder<UserAnalytics> builder)
    {
        builder.ToTable("user_analytics");
        builder.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.MetricName).HasMaxLength(128);
        builder.Property(e => e.MetricValue).HasPrecision(18, 4);
        builder.Property(e => e.MetricType).HasMaxLength(128);
        builder.HasIndex(e => new { e.MetricName, e.Timestamp });
        builder.HasIndex(e => e.Timestamp);
    }
}
