using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Core;

public sealed class GuildConfiguration : IEntityTypeConfiguration<Guild>
{
    public void Configure(EntityTypeBuilder<Guild> builder)
    {
        builder.ToTable("guilds");
        builder.Property(e => e.GuildId).HasMaxLength(64);
        builder.HasIndex(e => e.GuildId).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(128);
        builder.Property(e => e.EmblemUrl).HasMaxLength(512);
        builder.Property(e => e.Status).HasMaxLength(128);
    }
}
