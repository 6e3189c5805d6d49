using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Staff;

public sealed class DataRequestConfiguration : IEntityTypeConfiguration<DataRequest>
{
    public void Configure(EntityTypeBuilder<DataRequest> builder)
    {
        builder.ToTable("staff_data_requests");
        builder.Property(e => e.Kind).HasMaxLength(16);
        builder.Property(e => e.Status).HasMaxLength(32);
        builder.Property(e => e.RequestedByEmail).HasMaxLength(256);
        builder.Property(e => e.ApprovedByEmail).HasMaxLength(256);
        builder.Property(e => e.Reason).HasMaxLength(1000);
        builder.Property(e => e.Error).HasMaxLength(2000);
        builder.HasIndex(e => new { e.Status, e.CreatedAt });
        builder.HasIndex(e => new { e.PlayerId, e.CreatedAt });
    }
}
