using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Core;

public sealed class PlayerConfiguration : IEntityTypeConfiguration<Player>
{
    public void Configure(EntityTypeBuilder<Player> builder)
    {
        builder.ToTable("users");
        // The lists' sort orders with the id as tie-breaker (keyset paging seeks on them); names kept from the ListIndexes migrations.
        builder.HasIndex(e => new { e.CreatedAt, e.Id }).HasDatabaseName("ix_users_created_at_id");
        builder.HasIndex(e => new { e.Username, e.Id }).HasDatabaseName("ix_users_username_id");
        builder.Property(e => e.Username).HasMaxLength(64);
        builder.HasIndex(e => e.Username).IsUnique();
        builder.Property(e => e.Email).HasMaxLength(256);
        builder.HasIndex(e => e.Email).IsUnique();
        builder.Property(e => e.PasswordHash).HasMaxLength(256);
        builder.Property(e => e.Status).HasMaxLength(128);
        builder.HasIndex(e => e.CreatedAt);
        builder.HasIndex(e => new { e.Status, e.CreatedAt });
    }
}
