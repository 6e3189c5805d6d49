using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.GameData;

public sealed class ActorSkillConfiguration : IEntityTypeConfiguration<ActorSkill>
{
    public void Configure(EntityTypeBuilder<ActorSkill> builder)
    {
        builder.ToTable("actor_skills");
        builder.HasOne(e => e.Actor).WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.SkillId).HasMaxLength(64);
        builder.HasOne(e => e.Skill).WithMany().HasForeignKey(e => e.SkillId).HasPrincipalKey(p => p.SkillId).OnDelete(DeleteBehavior.Restrict);
    }
}
