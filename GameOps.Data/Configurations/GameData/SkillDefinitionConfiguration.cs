using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.GameData;

public sealed class SkillDefinitionConfiguration : IEntityTypeConfiguration<SkillDefinition>
{
    public void Configure(EntityTypeBuilder<SkillDefinition> builder)
    {
        builder.ToTable("skill_definitions");
        builder.Property(e => e.SkillId).HasMaxLength(64);
        builder.HasIndex(e => e.SkillId).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(128);
        builder.Property(e => e.SkillType).HasMaxLength(128);
        builder.Property(e => e.Element).HasMaxLength(128);
        builder.Property(e => e.Damage).HasPrecision(18, 4);
        builder.Property(e => e.Range).HasPrecision(18, 4);
    }
}
