namespace GameOps.Data.Entities;

/// <summary>Table <c>match_results</c>.</summary>
public class MatchResult : ICreatedAt
{
    public Guid Id { get; set; }
    public Guid MatchId { get; set; }
    public Match Match { get; set; } = null!;
    public Guid UserId { get; set; }
    public Player User { get; set; } = null!;
    public int? TeamId { get; set; }
    public string Result { get; set; } = "";
    public int? RatingChange { get; set; }
    public int? NewRating { get; set; }
    public decimal? PerformanceScore { get; set; }
    [JsonColumn] public string? Rewards { get; set; }
    public DateTime CreatedAt { get; set; }
}
