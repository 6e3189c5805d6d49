using GameOps.Data;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Security;
using GameOps.Web.Services.Moderation;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Moderation;

/// <summary>The moderation services authorise at the service: called directly by a role without the permission, each method throws.</summary>
public sealed class ModerationPermissionTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<AsyncServiceScope> ScopeAsAsync(ModerationArrange world, string role)
    {
        var scope = world.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentStaff>().Use(WebServices.Staff(role), "127.0.0.1", "tests");
        await Task.CompletedTask;
        return scope;
    }

    [Theory, InlineData(StaffRoles.Designer), InlineData(StaffRoles.Manager), InlineData(StaffRoles.LiveOps)]
    public async Task Moderation_actions_need_ModerationAct(string role)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var world = await ModerationArrange.CreateAsync(db);
        await using var scope = await ScopeAsAsync(world, role);
        var moderation = scope.ServiceProvider.GetRequiredService<ModerationService>();
        var triage = scope.ServiceProvider.GetRequiredService<TriageService>();
        var chat = scope.ServiceProvider.GetRequiredService<ChatReviewService>();
        var sanction = new SanctionRequest(SanctionKind.Warn, "test");

        await Assert.ThrowsAsync<PermissionDeniedException>(() => moderation.ClaimAsync(world.Report.Id, Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => moderation.ReleaseAsync(world.Report.Id, Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => moderation.ActOnReportAsync(world.Report.Id, sanction, Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => moderation.SanctionPlayerAsync(world.Target.Id, sanction, Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => moderation.LiftAsync(Guid.NewGuid(), "reason", Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => moderation.ShortenAsync(Guid.NewGuid(), DateTime.UtcNow, "reason", Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => moderation.FileAppealAsync(Guid.NewGuid(), "text", Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => moderation.DecideAppealAsync(Guid.NewGuid(), true, "note", Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => triage.ListFraudAsync(true, 0, 10, Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => triage.ListSecurityAsync(null, true, 0, 10, Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => triage.DecideFraudAsync(Guid.NewGuid(), true, "note", null, Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => triage.ResolveSecurityEventAsync(Guid.NewGuid(), "note", Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => chat.ChannelsAsync(null, null, 0, 10, Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => chat.ChannelTypesAsync(Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => chat.ChannelAsync("general", Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => chat.SearchAsync(new ChatSearch(), Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => chat.ContextAsync(Guid.NewGuid(), cancellationToken: Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => chat.SetDeletedAsync([Guid.NewGuid()], true, "reason", Ct));
    }

    [Theory, InlineData(StaffRoles.Manager), InlineData(StaffRoles.LiveOps), InlineData(StaffRoles.Designer)]
    public async Task Player_support_actions_need_PlayersSupport(string role)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        var world = await ModerationArrange.CreateAsync(db);
        await using var scope = await ScopeAsAsync(world, role);
        var support = scope.ServiceProvider.GetRequiredService<PlayerSupportService>();
        var player = world.Target.Id;

        await Assert.ThrowsAsync<PermissionDeniedException>(() => support.AddNoteAsync(player, "note", Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => support.UpdateAccountAsync(player, "name", "a@b.c", "reason", null, Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => support.EndSessionsAsync(player, "reason", Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => support.GrantItemAsync(player, Guid.NewGuid(), Guid.NewGuid(), 1, "reason", Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => support.SetQuantityAsync(player, Guid.NewGuid(), 1, "reason", null, Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => support.RemoveItemAsync(player, Guid.NewGuid(), "reason", Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => support.MoveToSafeSpotAsync(player, Guid.NewGuid(), "spot", "reason", Ct));
        if (role == StaffRoles.Designer)
        {
            await Assert.ThrowsAsync<PermissionDeniedException>(() => support.NotesAsync(player, cancellationToken: Ct));
            await Assert.ThrowsAsync<PermissionDeniedException>(() => support.ActorsAsync(player, Ct));
        }
        else Assert.NotNull(await support.NotesAsync(player, cancellationToken: Ct)); // profile readers read notes
    }
}
