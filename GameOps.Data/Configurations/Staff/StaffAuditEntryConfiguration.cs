using GameOps.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GameOps.Data.Configurations.Staff;

public sealed class StaffAuditEntryConfiguration : IEntityTypeConfiguration<StaffAuditEntry>
{
    public void Configure(EntityTypeBuilder<StaffAuditEntry> builder)
    {
        builder.ToTable("staff_audit_logs");
        // The lists' sort orders with the id as tie-breaker (keyset paging seeks on them); names kept from the ListIndexes migrations.
        builder.HasIndex(e => new { e.CreatedAt, e.Id }).HasDatabaseName("ix_staff_audit_logs_created_at_id");
        builder.HasIndex(e => new { e.Action, e.CreatedAt, e.Id }).HasDatabaseName("ix_staff_audit_logs_action_created_at_id");
        // Who acted, by the email they sign in with: personal data like the staff account's own email and user name.
        builder.Property(e => e.StaffEmail).HasMaxLength(256).IsPersonal();
        builder.Property(e => e.Action).HasMaxLength(128);
        builder.Property(e => e.EntityType).HasMaxLength(128);
        builder.Property(e => e.EntityKey).HasMaxLength(256);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.Property(e => e.UserAgent).HasMaxLength(512);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => e.CreatedAt);
        builder.HasIndex(e => new { e.EntityType, e.EntityKey, e.CreatedAt });
        builder.HasIndex(e => new { e.StaffUserId, e.CreatedAt });
        // Not unique on purpose: a fork (two rows claiming one place) must be stored so that verification can show it.
        builder.HasIndex(e => e.ChainSequence);
    }
}
