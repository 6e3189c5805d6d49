using GameOps.Data.Entities;
using GameOps.Web.Security;

namespace GameOps.Web.Resources.Workspaces;

/// <summary>Staff accounts (read-only here: they change through the staff pages) and the staff audit trail.</summary>
public sealed class AdministrationResources : IResourceConfiguration
{
    public void Configure(ResourceCatalog catalog)
    {
        catalog.For<StaffUser>().Titled("Staff accounts", "Staff account")
            .Permissions(Permission.StaffAdmin, write: null).NoCreate().NoDelete()
            // A staff member is labelled by the name: the email (and the user name, which is the email) is personal data,
            // masked for roles without reveal, and a label that is only a mask says nothing.
            .Display(u => u.DisplayName).Columns(u => u.Email, u => u.DisplayName, u => u.IsDisabled, u => u.LastSignInAt, u => u.CreatedAt)
            .Search(u => u.Email, u => u.DisplayName).SearchAnyPart(u => u.DisplayName).SortBy(u => u.DisplayName)
            // The secrets (hash, stamps) are hidden by their marks; the normalized copies are Identity's lookup keys, not for people.
            .Hide(u => u.NormalizedEmail, u => u.NormalizedUserName);

        catalog.For<StaffAuditEntry>().Titled("Staff audit trail")
            .Permissions(Permission.AuditRead, write: null).NoCreate().NoDelete()
            .Columns(a => a.CreatedAt, a => a.StaffEmail, a => a.Action, a => a.EntityType, a => a.EntityKey, a => a.IpAddress)
            .FilterBy(a => a.Action, a => a.EntityType, a => a.EntityKey, a => a.CreatedAt)
            .Search(a => a.StaffEmail, a => a.EntityKey).SortBy(a => a.CreatedAt, descending: true);
    }
}
