namespace GameOps.Data.Entities;

/// <summary>Table <c>user_preferences</c>.</summary>
public class UserPreference : IUpdatedAt, ICreatedAt
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Player User { get; set; } = null!;
    public string Language { get; set; } = "";
    public string? TimeZone { get; set; }
    public bool NotifyEmail { get; set; }
    public bool NotifyPush { get; set; }
    public bool NotifyInGame { get; set; }
    public bool MarketingOptIn { get; set; }
    public string ProfileVisibility { get; set; } = "";
    public bool ShowOnlineStatus { get; set; }
    public bool AllowFriendRequests { get; set; }
    public bool AllowTradeRequests { get; set; }
    public string ChatFilterLevel { get; set; } = "";
    [JsonColumn] public string? Settings { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
