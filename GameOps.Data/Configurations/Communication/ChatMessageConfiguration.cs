using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Communication;

public sealed class ChatMessageConfiguration : IEntityTypeConfiguration<ChatMessage>
{
    public void Configure(EntityTypeBuilder<ChatMessage> builder)
    {
        builder.ToTable("chat_messages");
        // The lists' sort orders with the id as tie-breaker (keyset paging seeks on them); names kept from the ListIndexes migrations.
        builder.HasIndex(e => new { e.CreatedAt, e.Id }).HasDatabaseName("ix_chat_messages_created_at_id");
        builder.HasIndex(e => new { e.MessageType, e.CreatedAt, e.Id }).HasDatabaseName("ix_chat_messages_message_type_created_at_id");
        builder.Property(e => e.MessageId).HasMaxLength(64);
        builder.HasIndex(e => e.MessageId).IsUnique();
        builder.HasOne(e => e.Channel).WithMany().HasForeignKey(e => e.ChannelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.MessageType).HasMaxLength(128);
        builder.Property(e => e.ReplyTo).HasMaxLength(128);
        builder.HasIndex(e => new { e.ChannelId, e.CreatedAt });
        builder.HasIndex(e => new { e.UserId, e.CreatedAt });
        builder.HasIndex(e => e.CreatedAt);
    }
}
