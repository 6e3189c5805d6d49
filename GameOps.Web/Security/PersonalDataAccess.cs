using GameOps.Web.Auditing;

namespace GameOps.Web.Security;

/// <summary>
/// Personal data (player emails, IP addresses) is shown masked to everyone; staff whose role needs it reveal one value
/// at a time with a deliberate click, and every reveal is written to the staff audit trail (action <c>reveal</c>).
/// </summary>
public sealed class PersonalDataAccess(CurrentStaff currentStaff, StaffAuditRecorder audit)
{
    public const string RevealAction = "reveal";

    public async Task<bool> CanRevealAsync()
    {
        var user = await currentStaff.GetPrincipalAsync();
        return user.Has(Permission.RevealPersonalData);
    }

    /// <summary>Records the reveal of one value and returns true, or returns false (and records nothing) for a role that may not reveal.</summary>
    public async Task<bool> RevealAsync(string entityType, string? entityKey, string field)
    {
        if (!await CanRevealAsync()) return false;
        await audit.RecordAsync(RevealAction, entityType, entityKey, new { field });
        return true;
    }
}
