using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Core;

public sealed class PaymentTransactionConfiguration : IEntityTypeConfiguration<PaymentTransaction>
{
    public void Configure(EntityTypeBuilder<PaymentTransaction> builder)
    {
        builder.ToTable("payment_transactions");
        builder.Property(e => e.TransactionId).HasMaxLength(64);
        builder.HasIndex(e => e.TransactionId).IsUnique();
        builder.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.Amount).HasPrecision(12, 2);
        builder.Property(e => e.Currency).HasMaxLength(3);
        builder.Property(e => e.AmountUsd).HasPrecision(12, 2);
        builder.Property(e => e.ProductSku).HasMaxLength(128);
        builder.Property(e => e.ProductName).HasMaxLength(128);
        builder.Property(e => e.Provider).HasMaxLength(128);
        builder.Property(e => e.ProviderTransactionId).HasMaxLength(64);
        builder.Property(e => e.Status).HasMaxLength(128);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.HasIndex(e => e.CreatedAt);
        builder.HasIndex(e => new { e.UserId, e.CreatedAt });
        builder.HasIndex(e => new { e.Status, e.CreatedAt });
        builder.HasIndex(e => new { e.Provider, e.ProviderTransactionId }).IsUnique();
    }
}
