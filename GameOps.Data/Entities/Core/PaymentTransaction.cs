namespace GameOps.Data.Entities;

/// <summary>Table <c>payment_transactions</c>.</summary>
public class PaymentTransaction : ICreatedAt
{
    public Guid Id { get; set; }
    public string TransactionId { get; set; } = "";
    public Guid UserId { get; set; }
    public Player User { get; set; } = null!;
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "";
    public decimal AmountUsd { get; set; }
    public string ProductSku { get; set; } = "";
    public string? ProductName { get; set; }
    public int Quantity { get; set; }
    public string Provider { get; set; } = "";
    public string? ProviderTransactionId { get; set; }
    public string Status { get; set; } = "";
    public string? FailureReason { get; set; }
    [Personal] public string? IpAddress { get; set; }
    [JsonColumn] public string? Metadata { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public DateTime? RefundedAt { get; set; }
}
