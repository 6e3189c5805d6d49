using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Analytics;

public sealed class SessionDataConfiguration : IEntityTypeConfiguration<SessionData>
{
    public void Configure(EntityTypeBuilder<SessionData> builder)
    {
        builder.ToTable("session_data");
        builder.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.SessionId).HasMaxLength(64);
        builder.HasIndex(e => new { e.UserId, e.StartTime });
        builder.HasIndex(e => e.StartTime);
    }
}
