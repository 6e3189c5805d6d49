using Bunit;
using GameOps.Data;
using GameOps.Data.Entities;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Components.Shared;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Components;

/// <summary>
/// The player profile's tabs are embedded resource lists: each checks its table's read permission, and none shows a
/// session token or an unmasked IP address or email to Managers and LiveOps.
/// </summary>
public sealed class PlayerProfileTabsTests
{
    const string Token = "sess-TOKEN-7f3a9c1e5b";
    const string SessionIp = "198.51.100.23";
    const string PaymentIp = "203.0.113.77";
    const string AuditIp = "192.0.2.44";

    /// <summary>The tabs of <c>PlayerProfile.razor</c>: table and the column that scopes it to the player.</summary>
    static readonly (Type Entity, string OwnerField)[] Tabs =
    [
        (typeof(ModerationAction), nameof(ModerationAction.TargetUserId)), (typeof(PlayerReport), nameof(PlayerReport.TargetUserId)),
        (typeof(PlayerReport), nameof(PlayerReport.ReporterUserId)), (typeof(Actor), nameof(Actor.UserId)), (typeof(UserSession), nameof(UserSession.UserId)),
        (typeof(ChatMessage), nameof(ChatMessage.UserId)), (typeof(PaymentTransaction), nameof(PaymentTransaction.UserId)),
        (typeof(FraudDetection), nameof(FraudDetection.UserId)), (typeof(SecurityEvent), nameof(SecurityEvent.UserId)),
        (typeof(AuditLog), nameof(AuditLog.UserId)), (typeof(UserPreference), nameof(UserPreference.UserId)),
    ];

    static async Task<(TestDatabase Db, Player Player)> ArrangeAsync()
    {
        var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var player = new Player { Id = Guid.NewGuid(), Username = "quiet_fox", Email = "quiet.fox@players.local", PasswordHash = "hash-SECRET", Status = "active", CreatedAt = RowBuilder.BaseTime };
        await using var context = db.CreateContext();
        context.Players.Add(player);
        context.Actors.Add(new Actor { Id = Guid.NewGuid(), UserId = player.Id, Name = "Eliion", Level = 12, CreatedAt = RowBuilder.BaseTime });
        context.UserSessions.Add(new UserSession
        {
            Id = Guid.NewGuid(), UserId = player.Id, SessionToken = Token, IpAddress = SessionIp, UserAgent = "GameClient/1.0",
            CreatedAt = RowBuilder.BaseTime, ExpiresAt = RowBuilder.BaseTime.AddDays(1), IsActive = true,
        });
        context.PaymentTransactions.Add(new PaymentTransaction
        {
            Id = Guid.NewGuid(), TransactionId = "txn_1", UserId = player.Id, Amount = 4.99m, Currency = "USD", AmountUsd = 4.99m, ProductSku = "gems_100",
            Quantity = 1, Provider = "stripe", Status = "completed", IpAddress = PaymentIp, CreatedAt = RowBuilder.BaseTime,
        });
        context.AuditLogs.Add(new AuditLog { Id = Guid.NewGuid(), UserId = player.Id, Action = "login", IpAddress = AuditIp, Timestamp = RowBuilder.BaseTime });
        await context.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
        return (db, player);
    }

    [Theory, InlineData(StaffRoles.Manager), InlineData(StaffRoles.LiveOps), InlineData(StaffRoles.Moderator)]
    public async Task Profile_tabs_show_no_session_token_and_no_unmasked_personal_data(string role)
    {
        var (db, player) = await ArrangeAsync();
        await using var _db = db;
        await using var ctx = ComponentContexts.SignedIn(db, role);
        var catalog = ctx.Services.GetRequiredService<ResourceCatalog>();
        var shown = new List<string>();
        foreach (var (entity, owner) in Tabs)
        {
            var resource = catalog.For(entity);
            var list = ctx.Render<ResourceList>(p => p
                .Add(x => x.Resource, resource)
                .Add(x => x.Embedded, true)
                .Add(x => x.FixedFilters, new Dictionary<string, FilterValue> { [owner] = new FilterValue { Value = player.Id.ToString() } }));
            if (!PermissionMatrix.Allows([role], resource.ReadPermission))
            {
                list.WaitForAssertion(() => Assert.NotEmpty(list.FindAll("[data-testid=list-not-permitted]")), TimeSpan.FromSeconds(10));
                Assert.Empty(list.FindAll("[data-testid=resource-grid]"));
            }
            else
            {
                list.WaitForAssertion(() => Assert.Contains("row", list.Find("[data-testid=row-count]").TextContent), TimeSpan.FromSeconds(10));
                shown.Add(resource.Table);
            }
            foreach (var secret in new[] { Token, SessionIp, PaymentIp, AuditIp, player.Email, player.PasswordHash })
                Assert.DoesNotContain(secret, list.Markup);
        }
        // The tabs a profile reader may see are there, with their rows (masked where personal).
        Assert.Contains("user_sessions", shown);
        Assert.Contains("payment_transactions", shown);
        Assert.Contains("actors", shown);
    }
}
