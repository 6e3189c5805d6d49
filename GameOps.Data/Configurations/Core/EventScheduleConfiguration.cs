using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Core;

public sealed class EventScheduleConfiguration : IEntityTypeConfiguration<EventSchedule>
{
    public void Configure(EntityTypeBuilder<EventSchedule> builder)
    {
        builder.ToTable("event_schedules");
        builder.HasOne(e => e.Event).WithMany().HasForeignKey(e => e.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.ScheduleType).HasMaxLength(128);
        builder.Property(e => e.CronExpression).HasMaxLength(128);
        builder.Property(e => e.TimeZone).HasMaxLength(64);
    }
}
