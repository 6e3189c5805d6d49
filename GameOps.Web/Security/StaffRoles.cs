namespace GameOps.Web.Security;

public static class StaffRoles
{
    public const string Admin = "Admin";
    public const string Designer = "Designer";
    public const string Moderator = "Moderator";
    public const string LiveOps = "LiveOps";
    public const string Manager = "Manager";

    public static readonly string[] All = [Admin, Designer, Moderator, LiveOps, Manager];
}

/// <summary>What a staff member may do. Roles are granted permissions once, in <see cref="PermissionMatrix"/>.</summary>
public enum Permission
{
    DesignRead,
    DesignWrite,
    ModerationRead,
    ModerationAct,
    PlayersRead,
    PlayersSupport,
    LiveOpsRead,
    LiveOpsWrite,
    WorldRead,
    WorldWrite,
    AnalyticsRead,
    RevealPersonalData,
    StaffAdmin,
    AuditRead,
    RawDataRead,
    RawDataWrite,
    /// <summary>A bulk export (CSV/JSON) with personal data unmasked; Admin only by default, each such export audited with its row count.</summary>
    ExportPersonalData,
}

/// <summary>The role → permission matrix, written once; policies, navigation and the admin page all read it.</summary>
public static class PermissionMatrix
{
    public static readonly IReadOnlyDictionary<string, Permission[]> Grants = new Dictionary<string, Permission[]>
    {
        [StaffRoles.Admin] = Enum.GetValues<Permission>(),
        [StaffRoles.Designer] = [Permission.DesignRead, Permission.DesignWrite, Permission.WorldRead, Permission.WorldWrite, Permission.LiveOpsRead],
        [StaffRoles.Moderator] = [Permission.ModerationRead, Permission.ModerationAct, Permission.PlayersRead, Permission.PlayersSupport,
            Permission.RevealPersonalData, Permission.DesignRead, Permission.WorldRead, Permission.LiveOpsRead],
        [StaffRoles.LiveOps] = [Permission.LiveOpsRead, Permission.LiveOpsWrite, Permission.WorldRead, Permission.WorldWrite, Permission.DesignRead,
            Permission.PlayersRead, Permission.AnalyticsRead],
        [StaffRoles.Manager] = [Permission.AnalyticsRead, Permission.PlayersRead, Permission.DesignRead, Permission.LiveOpsRead, Permission.WorldRead],
    };

    public static string[] RolesWith(Permission permission) =>
        Grants.Where(g => g.Value.Contains(permission)).Select(g => g.Key).ToArray();

    public static bool Allows(IEnumerable<string> roles, Permission permission) =>
        roles.Any(r => Grants.TryGetValue(r, out var p) && p.Contains(permission));
}

/// <summary>One policy per workspace (its read permission) and one per permission.</summary>
public static class Policies
{
    public const string Design = "Workspace.Design";
    public const string Moderation = "Workspace.Moderation";
    public const string Players = "Workspace.Players";
    public const string LiveOps = "Workspace.LiveOps";
    public const string World = "Workspace.World";
    public const string Analytics = "Workspace.Analytics";
    public const string Administration = "Workspace.Administration";
    /// <summary>Any signed-in staff member (home page, own account).</summary>
    public const string Staff = "Staff";
    /// <summary>The prefix of the one policy per permission ("Permission.PlayersSupport").</summary>
    const string PermissionPrefix = "Permission.";
    /// <summary>A page inside a workspace that needs more than the workspace's read permission (e.g. players' data requests).</summary>
    public const string PlayersSupport = PermissionPrefix + nameof(Permission.PlayersSupport);

    /// <summary>The permission a page policy stands for: a workspace's read permission, or the permission a "Permission.X" policy names.</summary>
    public static Permission? PermissionOf(string policy) =>
        WorkspacePermission.TryGetValue(policy, out var read) ? read
        : policy.StartsWith(PermissionPrefix, StringComparison.Ordinal) && Enum.TryParse<Permission>(policy[PermissionPrefix.Length..], out var named) ? named
        : null;

    public static readonly IReadOnlyDictionary<string, Permission> WorkspacePermission = new Dictionary<string, Permission>
    {
        [Design] = Permission.DesignRead,
        [Moderation] = Permission.ModerationRead,
        [Players] = Permission.PlayersRead,
        [LiveOps] = Permission.LiveOpsRead,
        [World] = Permission.WorldRead,
        [Analytics] = Permission.AnalyticsRead,
        [Administration] = Permission.StaffAdmin,
    };

    public static string For(Permission permission) => PermissionPrefix + permission;

    public static void AddGameOpsPolicies(this Microsoft.AspNetCore.Authorization.AuthorizationOptions options)
    {
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.All));
        foreach (var (policy, permission) in WorkspacePermission)
            options.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(PermissionMatrix.RolesWith(permission)));
        foreach (var permission in Enum.GetValues<Permission>())
            options.AddPolicy(For(permission), p => p.RequireAuthenticatedUser().RequireRole(PermissionMatrix.RolesWith(permission)));
        options.FallbackPolicy = null;
    }
}
