namespace GameOps.Data.Entities;

/// <summary>
/// Table <c>staff_sessions</c>: one signed-in browser of a staff member. Its id travels as a claim in the auth cookie and is
/// checked on every request, so that sign-out, disable, role or password change and "sign out everywhere" end it at once.
/// </summary>
public class StaffSession
{
    public Guid Id { get; set; }
    public Guid StaffUserId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    [Personal] public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }
}
