using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Core;

public sealed class GuildStorageItemConfiguration : IEntityTypeConfiguration<GuildStorageItem>
{
    public void Configure(EntityTypeBuilder<GuildStorageItem> builder)
    {
        builder.ToTable("guild_storage");
        builder.HasOne(e => e.Guild).WithMany().HasForeignKey(e => e.GuildId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Item).WithMany().HasForeignKey(e => e.ItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.DepositedByActor).WithMany().HasForeignKey(e => e.DepositedBy).OnDelete(DeleteBehavior.SetNull);
    }
}
