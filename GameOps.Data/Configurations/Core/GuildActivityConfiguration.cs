using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Core;

public sealed class GuildActivityConfiguration : IEntityTypeConfiguration<GuildActivity>
{
    public void Configure(EntityTypeBuilder<GuildActivity> builder)
    {
        builder.ToTable("guild_activities");
        builder.HasOne(e => e.Guild).WithMany().HasForeignKey(e => e.GuildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Actor).WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(e => e.ActivityType).HasMaxLength(128);
    }
}
