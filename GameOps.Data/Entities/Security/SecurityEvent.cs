namespace GameOps.Data.Entities;

/// <summary>Table <c>security_events</c>.</summary>
public class SecurityEvent : ICreatedAt
{
    public Guid Id { get; set; }
    public Guid? UserId { get; set; }
    public Player? User { get; set; }
    public string EventType { get; set; } = "";
    public string Severity { get; set; } = "";
    public string? Description { get; set; }
    [JsonColumn] public string? Details { get; set; }
    [Personal] public string? IpAddress { get; set; }
    public bool IsResolved { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
}
