using GameOps.Data.Entities;
using GameOps.Web.Security;
using MudBlazor;

namespace GameOps.Web.Resources.Workspaces;

/// <summary>
/// Players and what a player profile shows of them (characters, sessions, payments, game audit, preferences): read by every
/// role that opens profiles (PlayersRead); written through the support actions, or by Admins at <c>/data</c>.
/// </summary>
public sealed class PlayersResources : IResourceConfiguration
{
    public static readonly string[] PlayerStatuses = ["active", "inactive", "suspended", "banned", "deleted"];

    public void Configure(ResourceCatalog catalog)
    {
        catalog.For<Player>().InWorkspace("Players", "/players", Icons.Material.Filled.People, "Players", "Player")
            .ListPage<Components.Pages.Players.PlayersResources>()
            .Permissions(Permission.PlayersRead, Permission.PlayersSupport).NoCreate().NoDelete()
            .Columns(p => p.Username, p => p.Email, p => p.Status, p => p.CreatedAt, p => p.LastLogin)
            .Options(p => p.Status, PlayerStatuses)
            .FilterBy(p => p.Status, p => p.CreatedAt, p => p.LastLogin)
            .Search(p => p.Username, p => p.Email).SearchAnyPart(p => p.Username).SearchRelated<Actor>("character name", a => a.UserId, a => a.Name)
            .SortBy(p => p.CreatedAt, descending: true)
            .PersonalData(p => p.Email)
            .Display(p => p.Username);

        // The profile's tabs. Session tokens are secret (never listed); IP addresses are personal (masked, revealed one by one).
        catalog.For<Actor>().ProfileTab()
            .Columns(a => a.Name, a => a.Level, a => a.Experience, a => a.CreatedAt, a => a.LastActive)
            .Search(a => a.Name).SearchAnyPart(a => a.Name).SortBy(a => a.Level, descending: true);
        catalog.For<UserSession>().ProfileTab()
            .Columns(s => s.CreatedAt, s => s.LastActivity, s => s.ExpiresAt, s => s.IpAddress, s => s.UserAgent, s => s.IsActive)
            .FilterBy(s => s.IsActive, s => s.CreatedAt)
            .Search().SortBy(s => s.CreatedAt, descending: true);
        catalog.For<PaymentTransaction>().ProfileTab()
            .Columns(p => p.CreatedAt, p => p.TransactionId, p => p.ProductSku, p => p.Amount, p => p.Currency, p => p.AmountUsd, p => p.Status, p => p.Provider)
            .FilterBy(p => p.Status, p => p.Provider, p => p.CreatedAt, p => p.AmountUsd)
            .Search(p => p.TransactionId, p => p.ProductSku).SortBy(p => p.CreatedAt, descending: true);
        catalog.For<AuditLog>().ProfileTab()
            .Columns(a => a.Timestamp, a => a.Action, a => a.Resource, a => a.IpAddress)
            .FilterBy(a => a.Action, a => a.Timestamp)
            .Search(a => a.Action).SortBy(a => a.Timestamp, descending: true);
        catalog.For<UserPreference>().ProfileTab()
            .Columns(p => p.Language, p => p.TimeZone, p => p.ProfileVisibility, p => p.ChatFilterLevel, p => p.MarketingOptIn, p => p.UpdatedAt)
            .SortBy(p => p.UpdatedAt, descending: true);
    }
}

static class ProfileTabDeclaration
{
    /// <summary>Read by every role that opens player profiles; written only by Admins at <c>/data</c> (the support actions have their own services).</summary>
    public static ResourceDescription<T> ProfileTab<T>(this ResourceDescription<T> resource) where T : class, new() =>
        resource.Permissions(Permission.PlayersRead, Permission.RawDataWrite);
}
