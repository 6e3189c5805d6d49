using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Core;

public sealed class GuildMemberConfiguration : IEntityTypeConfiguration<GuildMember>
{
    public void Configure(EntityTypeBuilder<GuildMember> builder)
    {
        builder.ToTable("guild_members");
        builder.HasOne(e => e.Guild).WithMany().HasForeignKey(e => e.GuildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Actor).WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.Rank).HasMaxLength(128);
        builder.Property(e => e.Note).HasMaxLength(128);
        builder.HasIndex(e => e.ActorId).IsUnique();
    }
}
