namespace GameOps.Data.Entities;

/// <summary>Table <c>user_sessions</c>.</summary>
public class UserSession : ICreatedAt, IActivatable
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Player User { get; set; } = null!;
    [Secret] public string SessionToken { get; set; } = "";
    [Personal] public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? LastActivity { get; set; }
    public bool IsActive { get; set; }
}
