using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Core;

public sealed class ItemConfiguration : IEntityTypeConfiguration<Item>
{
    public void Configure(EntityTypeBuilder<Item> builder)
    {
        builder.ToTable("items");
        // The lists' sort orders with the id as tie-breaker (keyset paging seeks on them); names kept from the ListIndexes migrations.
        builder.HasIndex(e => new { e.Name, e.Id }).HasDatabaseName("ix_items_name_id");
        builder.HasIndex(e => new { e.Rarity, e.Name, e.Id }).HasDatabaseName("ix_items_rarity_name_id");
        builder.Property(e => e.ItemId).HasMaxLength(64);
        builder.HasIndex(e => e.ItemId).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(128);
        builder.Property(e => e.ItemType).HasMaxLength(128);
        builder.Property(e => e.Rarity).HasMaxLength(128);
        builder.HasIndex(e => e.Name);
        builder.HasIndex(e => new { e.ItemType, e.Rarity });
    }
}
