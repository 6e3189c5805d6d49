using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.World;

public sealed class WeatherDataConfiguration : IEntityTypeConfiguration<WeatherData>
{
    public void Configure(EntityTypeBuilder<WeatherData> builder)
    {
        builder.ToTable("weather_data");
        builder.Property(e => e.ZoneId).HasMaxLength(64);
        builder.HasOne(e => e.Zone).WithMany().HasForeignKey(e => e.ZoneId).HasPrincipalKey(p => p.ZoneId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.WeatherType).HasMaxLength(128);
        builder.Property(e => e.Intensity).HasPrecision(18, 4);
        builder.Property(e => e.Temperature).HasPrecision(18, 4);
        builder.Property(e => e.Humidity).HasPrecision(18, 4);
        builder.Property(e => e.WindSpeed).HasPrecision(18, 4);
        builder.HasIndex(e => new { e.ZoneId, e.Timestamp });
    }
}
