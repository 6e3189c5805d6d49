namespace GameOps.Data.Entities;

/// <summary>Table <c>users</c>.</summary>
public class Player : ICreatedAt
{
    public Guid Id { get; set; }
    public string Username { get; set; } = "";
    [Personal] public string Email { get; set; } = "";
    [Secret] public string PasswordHash { get; set; } = "";
    public string Status { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? LastLogin { get; set; }
    [JsonColumn] public string? Preferences { get; set; }
}
