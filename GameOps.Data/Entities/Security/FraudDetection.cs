namespace GameOps.Data.Entities;

/// <summary>Table <c>fraud_detection</c>.</summary>
public class FraudDetection
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Player User { get; set; } = null!;
    public string FraudType { get; set; } = "";
    public decimal RiskScore { get; set; }
    [JsonColumn] public string? Indicators { get; set; }
    public bool IsConfirmed { get; set; }
    public string? Resolution { get; set; }
    public DateTime DetectedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
}
