namespace GameOps.Data.Entities;

/// <summary>Table <c>audit_logs</c>.</summary>
public class AuditLog
{
    public Guid Id { get; set; }
    public Guid? UserId { get; set; }
    public Player? User { get; set; }
    public string Action { get; set; } = "";
    public string? Resource { get; set; }
    [JsonColumn] public string? Details { get; set; }
    [Personal] public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    public DateTime Timestamp { get; set; }
}
