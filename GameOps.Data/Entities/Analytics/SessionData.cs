namespace GameOps.Data.Entities;

/// <summary>Table <c>session_data</c>.</summary>
public class SessionData : ICreatedAt
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Player User { get; set; } = null!;
    public string SessionId { get; set; } = "";
    public DateTime StartTime { get; set; }
    public DateTime? EndTime { get; set; }
    public int? Duration { get; set; }
    [JsonColumn] public string? Actions { get; set; }
    [JsonColumn] public string? Performance { get; set; }
    public DateTime CreatedAt { get; set; }
}
