namespace GameOps.Data.Entities;

/// <summary>Table <c>team_members</c>.</summary>
public class TeamMember
{
    public Guid Id { get; set; }
    public Guid TeamId { get; set; }
    public Team Team { get; set; } = null!;
    public Guid UserId { get; set; }
    public Player User { get; set; } = null!;
    public string? Role { get; set; }
    public DateTime JoinedAt { get; set; }
    public DateTime? LastActive { get; set; }
}
