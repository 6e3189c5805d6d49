namespace GameOps.Data.Entities;

/// <summary>Table <c>ratings</c>.</summary>
public class Rating : IUpdatedAt, ICreatedAt
{
    public Guid Id { get; set; }
    public Guid ActorId { get; set; }
    public Actor Actor { get; set; } = null!;
    public string GameMode { get; set; } = "";
    public int RatingValue { get; set; }
    public int Wins { get; set; }
    public int Losses { get; set; }
    public int Draws { get; set; }
    public int WinStreak { get; set; }
    public int LossStreak { get; set; }
    public DateTime? LastPlayed { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
