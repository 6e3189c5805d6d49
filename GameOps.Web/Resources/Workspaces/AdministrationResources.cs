using GameOps.Data.Entities;
using GameOps.Web.Security;

namespace GameOps.Web.Resources.Workspaces;

/// <summary>Staff accounts (read-only here: they change through the staff pages) and the staff audit trail.</summary>
public sealed class AdministrationResources : IResourceConfiguration
{
    public void Configure(ResourceCatalog catalog)
    {
        var staff = catalog.For<StaffUser>();
        staff.Title = "Staff accounts";
        staff.SingularTitle = "Staff account";
        staff.ReadPermission = Permission.StaffAdmin;
        staff.WritePermission = null;
        staff.AllowCreate = false;
        staff.AllowDelete = false;
        staff.Display(u => u.Email).Columns(u => u.Email, u => u.DisplayName, u => u.IsDisabled, u => u.LastSignInAt, u => u.CreatedAt)
            .Search(u => u.Email, u => u.DisplayName).SortBy(u => u.Email);
        // The secrets (hash, stamps) are hidden by their marks; the normalized copies are Identity's lookup keys, not for people.
        staff.Field(u => u.NormalizedEmail).Hidden = true;
        staff.Field(u => u.NormalizedUserName).Hidden = true;

        catalog.For<StaffAuditEntry>().Title = "Staff audit trail";
        catalog.For<StaffAuditEntry>().ReadPermission = Permission.AuditRead;
        catalog.For<StaffAuditEntry>().WritePermission = null;
        catalog.For<StaffAuditEntry>().AllowCreate = false;
        catalog.For<StaffAuditEntry>().AllowDelete = false;
        catalog.For<StaffAuditEntry>().Columns(a => a.CreatedAt, a => a.StaffEmail, a => a.Action, a => a.EntityType, a => a.EntityKey, a => a.IpAddress)
            .FilterBy(a => a.Action, a => a.EntityType, a => a.EntityKey, a => a.CreatedAt)
            .Search(a => a.StaffEmail, a => a.EntityKey).SortBy(a => a.CreatedAt, descending: true);
    }
}
