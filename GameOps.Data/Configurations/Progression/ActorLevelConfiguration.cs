using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Progression;

public sealed class ActorLevelConfiguration : IEntityTypeConfiguration<ActorLevel>
{
    public void Configure(EntityTypeBuilder<ActorLevel> builder)
    {
        builder.ToTable("actor_levels");
        builder.HasOne(e => e.Actor).WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.Cascade);
    }
}
