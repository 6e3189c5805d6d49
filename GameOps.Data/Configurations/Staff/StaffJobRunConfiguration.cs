using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Staff;

public sealed class StaffJobRunConfiguration : IEntityTypeConfiguration<StaffJobRun>
{
    public void Configure(EntityTypeBuilder<StaffJobRun> builder)
    {
        builder.ToTable("staff_job_runs");
        builder.HasKey(e => e.JobKey);
        builder.Property(e => e.JobKey).HasMaxLength(200);
        builder.Property(e => e.LastError).HasMaxLength(2000);
        builder.Property(e => e.LastInstance).HasMaxLength(200);
    }
}
