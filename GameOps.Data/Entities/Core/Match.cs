namespace GameOps.Data.Entities;

/// <summary>Table <c>matches</c>.</summary>
public class Match : ICreatedAt
{
    public Guid Id { get; set; }
    public string MatchId { get; set; } = "";
    public string GameMode { get; set; } = "";
    public string MatchType { get; set; } = "";
    [JsonColumn] public string? Participants { get; set; }
    [JsonColumn] public string? MatchData { get; set; }
    public string Status { get; set; } = "";
    public DateTime? StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public int? Duration { get; set; }
    public int? WinnerTeam { get; set; }
    public DateTime CreatedAt { get; set; }
}
