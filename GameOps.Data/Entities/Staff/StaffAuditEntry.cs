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
}
