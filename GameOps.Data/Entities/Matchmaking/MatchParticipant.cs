namespace GameOps.Data.Entities;

/// <summary>Table <c>match_participants</c>.</summary>
public class MatchParticipant
{
    public Guid Id { get; set; }
    public Guid MatchId { get; set; }
    public Match Match { get; set; } = null!;
    public Guid UserId { get; set; }
    public Player User { get; set; } = null!;
    public int? TeamId { get; set; }
    public string? Role { get; set; }
    [JsonColumn] public string? MatchData { get; set; }
    public DateTime JoinedAt { get; set; }
}
