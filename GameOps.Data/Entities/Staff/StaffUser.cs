using Microsoft.AspNetCore.Identity;

namespace GameOps.Data.Entities;

/// <summary>A member of staff (not a player), stored by ASP.NET Core Identity in <c>staff_users</c>.</summary>
public class StaffUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";
    public bool IsDisabled { get; set; }
    public bool MustChangePassword { get; set; }
    /// <summary>"light", "dark" or "system".</summary>
    public string ThemePreference { get; set; } = "system";
    public string? TimeZone { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
}

public class StaffRole : IdentityRole<Guid>
{
    public StaffRole() { }
    public StaffRole(string name) : base(name) { }
}
