using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Core;

public sealed class ChatChannelConfiguration : IEntityTypeConfiguration<ChatChannel>
{
    public void Configure(EntityTypeBuilder<ChatChannel> builder)
    {
        builder.ToTable("channels");
        builder.Property(e => e.ChannelId).HasMaxLength(64);
        builder.HasIndex(e => e.ChannelId).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(128);
        builder.Property(e => e.ChannelType).HasMaxLength(128);
        builder.HasOne(e => e.Owner).WithMany().HasForeignKey(e => e.OwnerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(e => e.Guild).WithMany().HasForeignKey(e => e.GuildId).OnDelete(DeleteBehavior.SetNull);
    }
}
