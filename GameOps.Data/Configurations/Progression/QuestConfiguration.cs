using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Progression;

public sealed class QuestConfiguration : IEntityTypeConfiguration<Quest>
{
    public void Configure(EntityTypeBuilder<Quest> builder)
    {
        builder.ToTable("quests");
        builder.Property(e => e.QuestId).HasMaxLength(64);
        builder.HasIndex(e => e.QuestId).IsUnique();
        builder.Property(e => e.Title).HasMaxLength(200);
        builder.Property(e => e.QuestType).HasMaxLength(128);
        builder.Property(e => e.ZoneId).HasMaxLength(64);
        builder.HasOne(e => e.Zone).WithMany().HasForeignKey(e => e.ZoneId).HasPrincipalKey(p => p.ZoneId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.Title);
    }
}
