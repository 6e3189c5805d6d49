using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.GameData;

public sealed class ActorEquipmentConfiguration : IEntityTypeConfiguration<ActorEquipment>
{
    public void Configure(EntityTypeBuilder<ActorEquipment> builder)
    {
        builder.ToTable("actor_equipment");
        builder.HasOne(e => e.Actor).WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.SlotType).HasMaxLength(128);
        builder.HasOne(e => e.Item).WithMany().HasForeignKey(e => e.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
