using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.GameData;

public sealed class ResourceDefinitionConfiguration : IEntityTypeConfiguration<ResourceDefinition>
{
    public void Configure(EntityTypeBuilder<ResourceDefinition> builder)
    {
        builder.ToTable("resource_definitions");
        builder.Property(e => e.ResourceId).HasMaxLength(64);
        builder.HasIndex(e => e.ResourceId).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(128);
        builder.Property(e => e.Category).HasMaxLength(128);
        builder.Property(e => e.ResourceType).HasMaxLength(128);
        builder.Property(e => e.BaseValue).HasPrecision(18, 4);
        builder.Property(e => e.MinValue).HasPrecision(18, 4);
        builder.Property(e => e.MaxValue).HasPrecision(18, 4);
        builder.Property(e => e.RegenRate).HasPrecision(18, 4);
        builder.Property(e => e.RegenType).HasMaxLength(128);
    }
}
