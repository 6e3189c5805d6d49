namespace GameOps.Data.Entities;

/// <summary>
/// Table <c>staff_data_requests</c>: a player's request to see (export) or erase their personal data, handled by staff.
/// <see cref="PlayerId"/> is deliberately not a foreign key to <c>users</c>: the request outlives the erasure and must not be
/// found by the walk over "every table that references the player".
/// </summary>
public class DataRequest : ICreatedAt
{
    public Guid Id { get; set; }
    public Guid PlayerId { get; set; }
    /// <summary><c>export</c> or <c>erasure</c>.</summary>
    public string Kind { get; set; } = "";
    /// <summary>export: queued → running → completed | failed | expired; erasure: pending_approval → completed | failed | rejected.</summary>
    public string Status { get; set; } = "";
    public Guid RequestedBy { get; set; }
    public string RequestedByEmail { get; set; } = "";
    public string? Reason { get; set; }
    public Guid? ApprovedBy { get; set; }
    public string? ApprovedByEmail { get; set; }
    public DateTime? ApprovedAt { get; set; }
    /// <summary>0–100 while an export runs.</summary>
    public int Progress { get; set; }
    public string? Error { get; set; }
    /// <summary>The zipped JSON of an export (it holds the player's personal data until it expires or the player is erased).</summary>
    [Personal] public byte[]? ResultZip { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}
