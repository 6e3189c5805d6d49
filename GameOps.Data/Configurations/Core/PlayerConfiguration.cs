using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Core;

public sealed class PlayerConfiguration : IEntityTypeConfiguration<Player>
{
    public void Configure(EntityTypeBuilder<Player> builder)
    {
        builder.ToTable("users");
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
