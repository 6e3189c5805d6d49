namespace GameOps.Data.Entities;

/// <summary>Table <c>staff_settings</c>: console-wide settings chosen by Admins (e.g. roles that must use two-factor sign-in).</summary>
public class StaffSetting : IUpdatedAt
{
    public Guid Id { get; set; }
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}
