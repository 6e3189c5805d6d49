namespace GameOps.Data.Entities;

/// <summary>
/// Table <c>staff_api_tokens</c>: a staff member's personal access token for the admin API. Only the SHA-256 of the token
/// is stored; <see cref="Prefix"/> (its first characters) lets the owner recognise it. <see cref="Scopes"/> are permission
/// names, a subset of the owner's permissions when created; every call is further limited to the owner's current role.
/// </summary>
public class StaffApiToken : ICreatedAt
{
    public Guid Id { get; set; }
    public Guid StaffUserId { get; set; }
    public StaffUser StaffUser { get; set; } = null!;
    public string Name { get; set; } = "";
    [Secret] public string TokenHash { get; set; } = "";
    public string Prefix { get; set; } = "";
    /// <summary>Comma-separated permission names.</summary>
    public string Scopes { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public Guid? RevokedBy { get; set; }
}
