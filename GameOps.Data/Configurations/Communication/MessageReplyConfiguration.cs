using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Communication;

public sealed class MessageReplyConfiguration : IEntityTypeConfiguration<MessageReply>
{
    public void Configure(EntityTypeBuilder<MessageReply> builder)
    {
        builder.ToTable("message_replies");
        builder.HasOne(e => e.ParentMessage).WithMany().HasForeignKey(e => e.ParentMessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.ReplyMessage).WithMany().HasForeignKey(e => e.ReplyMessageId).OnDelete(DeleteBehavior.Cascade);
    }
}
