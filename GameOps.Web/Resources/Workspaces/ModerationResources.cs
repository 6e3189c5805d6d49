using GameOps.Data.Entities;
using GameOps.Web.Security;
using MudBlazor;

namespace GameOps.Web.Resources.Workspaces;

public sealed class ModerationResources : IResourceConfiguration
{
    public static readonly string[] ReportCategories = ["harassment", "cheating", "spam", "hate_speech", "inappropriate_name", "scam", "other"];
    public static readonly string[] ReportStatuses = ["open", "in_review", "resolved", "dismissed"];
    public static readonly string[] ActionTypes = ["warn", "mute", "kick", "temp_ban", "perm_ban", "delete_message", "unban"];
    public static readonly string[] Severities = ["low", "medium", "high", "critical"];

    public void Configure(ResourceCatalog catalog)
    {
        catalog.For<PlayerReport>().InWorkspace("Moderation", "/moderation/reports", Icons.Material.Filled.Flag, "Reports", "Report")
            .ListPage<Components.Pages.Moderation.ReportQueue>()
            .Moderated()
            .Columns(r => r.CreatedAt, r => r.Category, r => r.Priority, r => r.Status, r => r.TargetUserId, r => r.ReporterUserId, r => r.AssigneeStaffId)
            .Options(r => r.Category, ReportCategories).Options(r => r.Status, ReportStatuses)
            .Options(r => r.Resolution, "dismissed", "warned", "muted", "kicked", "temp_banned", "perm_banned", "message_deleted")
            .FilterBy(r => r.Status, r => r.Category, r => r.Priority, r => r.CreatedAt)
            .Search(r => r.Description).SearchAnywhere(r => r.Description).SortBy(r => r.CreatedAt)
            .Range(r => r.Priority, 1, 3)
            .Help(r => r.Priority, "1 = urgent, 2 = normal, 3 = low.");

        catalog.For<ModerationAction>().InWorkspace("Moderation", "/moderation/actions", Icons.Material.Filled.Gavel, "Sanctions", "Sanction")
            .ListPage<Components.Pages.Moderation.Sanctions>()
            .Moderated()
            .Columns(a => a.CreatedAt, a => a.ActionType, a => a.TargetUserId, a => a.ModeratorId, a => a.Duration, a => a.ExpiresAt, a => a.Reason)
            .Options(a => a.ActionType, ActionTypes)
            .FilterBy(a => a.ActionType, a => a.ModeratorId, a => a.CreatedAt, a => a.ExpiresAt)
            .Search(a => a.ActionId, a => a.Reason).SearchAnywhere(a => a.Reason).SortBy(a => a.CreatedAt, descending: true)
            .Range(a => a.Duration, 0, null).Help(a => a.Duration, "Minutes; empty for permanent or instant actions.");

        catalog.For<ChatMessage>().InWorkspace("Moderation", "/moderation/chat", Icons.Material.Filled.Forum, "Chat messages", "Chat message")
            .ListPage<Components.Pages.Moderation.ChatReview>()
            .Moderated().NoCreate()
            .Columns(m => m.CreatedAt, m => m.ChannelId, m => m.UserId, m => m.Content, m => m.MessageType, m => m.IsDeleted)
            .Options(m => m.MessageType, "text", "emote", "system", "trade", "image")
            .FilterBy(m => m.ChannelId, m => m.UserId, m => m.MessageType, m => m.IsDeleted, m => m.CreatedAt)
            .Search(m => m.Content, m => m.MessageId).SearchAnywhere(m => m.Content).SortBy(m => m.CreatedAt, descending: true);

        catalog.For<FraudDetection>().InWorkspace("Moderation", "/moderation/fraud", Icons.Material.Filled.ReportProblem, "Fraud flags", "Fraud flag")
            .ListPage<Components.Pages.Moderation.FraudTriage>()
            .Moderated()
            .Columns(f => f.DetectedAt, f => f.UserId, f => f.FraudType, f => f.RiskScore, f => f.IsConfirmed, f => f.ResolvedAt)
            .FilterBy(f => f.FraudType, f => f.RiskScore, f => f.IsConfirmed, f => f.DetectedAt)
            .Search(f => f.FraudType).SortBy(f => f.RiskScore, descending: true)
            .Range(f => f.RiskScore, 0, 1);

        catalog.For<SecurityEvent>().InWorkspace("Moderation", "/moderation/security", Icons.Material.Filled.Shield, "Security events", "Security event")
            .ListPage<Components.Pages.Moderation.SecurityEvents>()
            .Moderated()
            .Columns(e => e.CreatedAt, e => e.Severity, e => e.EventType, e => e.UserId, e => e.IpAddress, e => e.IsResolved)
            .Options(e => e.Severity, Severities)
            .FilterBy(e => e.Severity, e => e.EventType, e => e.IsResolved, e => e.CreatedAt)
            .Search(e => e.EventType, e => e.Description).SortBy(e => e.CreatedAt, descending: true);
    }
}

static class ModeratedDeclaration
{
    /// <summary>Moderators read and act; nothing of the moderation record is deleted from the console.</summary>
    public static ResourceDescription<T> Moderated<T>(this ResourceDescription<T> resource) where T : class, new() =>
        resource.Permissions(Permission.ModerationRead, Permission.ModerationAct).NoDelete();
}
