using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Progression;

public sealed class ActorAchievementConfiguration : IEntityTypeConfiguration<ActorAchievement>
{
    public void Configure(EntityTypeBuilder<ActorAchievement> builder)
    {
        builder.ToTable("actor_achievements");
        builder.HasOne(e => e.Actor).WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Achievement).WithMany().HasForeignKey(e => e.AchievementId).OnDelete(DeleteBehavior.Restrict);
    }
}
