using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Progression;

public sealed class QuestProgressConfiguration : IEntityTypeConfiguration<QuestProgress>
{
    public void Configure(EntityTypeBuilder<QuestProgress> builder)
    {
        builder.ToTable("quest_progress");
        builder.HasOne(e => e.Actor).WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Quest).WithMany().HasForeignKey(e => e.QuestId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.Status).HasMaxLength(128);
        builder.HasIndex(e => new { e.QuestId, e.Status });
    }
}
