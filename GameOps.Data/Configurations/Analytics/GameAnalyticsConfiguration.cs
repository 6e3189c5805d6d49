using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Analytics;

public sealed class GameAnalyticsConfiguration : IEntityTypeConfiguration<GameAnalytics>
{
    public void Configure(EntityTypeBuilder<GameAnalytics> builder)
    {
        builder.ToTable("game_analytics");
        builder.HasOne(e => e.Actor).WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.MetricName).HasMaxLength(128);
        builder.Property(e => e.MetricValue).HasPrecision(18, 4);
        builder.Property(e => e.MetricType).HasMaxLength(128);
        builder.HasIndex(e => new { e.MetricName, e.Timestamp });
    }
}
