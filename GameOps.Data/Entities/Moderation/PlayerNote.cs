namespace GameOps.Data.Entities;

/// <summary>Table <c>player_notes</c>: a staff member's note on a player's profile.</summary>
public class PlayerNote : ICreatedAt
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Player User { get; set; } = null!;
    public Guid StaffUserId { get; set; }
    public StaffUser StaffUser { get; set; } = null!;
    public string Note { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
