namespace GameOps.Data.Entities;

/// <summary>Table <c>teams</c>.</summary>
public class Team : IUpdatedAt, ICreatedAt, IActivatable
{
    public Guid Id { get; set; }
    public string TeamId { get; set; } = "";
    public string TeamName { get; set; } = "";
    public string? TeamType { get; set; }
    public Guid LeaderId { get; set; }
    public Player Leader { get; set; } = null!;
    [JsonColumn] public string? Members { get; set; }
    public int TeamRating { get; set; }
    public int Wins { get; set; }
    public int Losses { get; set; }
    public bool IsActive { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
