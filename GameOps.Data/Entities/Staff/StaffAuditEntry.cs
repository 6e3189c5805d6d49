namespace GameOps.Data.Entities;

/// <summary>Table <c>staff_audit_logs</c>.</summary>
public class StaffAuditEntry : ICreatedAt
{
    public Guid Id { get; set; }
    public Guid? StaffUserId { get; set; }
    public string? StaffEmail { get; set; }
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string? EntityKey { get; set; }
    [JsonColumn] public string? Changes { get; set; }
    [Personal] public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Position in the hash chain (1, 2, …); null for rows written before the chain existed.</summary>
    public long? ChainSequence { get; set; }

    /// <summary>The <see cref="Hash"/> of the row before this one in the chain; null for the first chained row.</summary>
    public string? PreviousHash { get; set; }

    /// <summary>SHA-256 (hex) of this row's canonical form and <see cref="PreviousHash"/>: see <see cref="AuditChain"/>.</summary>
    public string? Hash { get; set; }
}
