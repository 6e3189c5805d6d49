using System.Security.Claims;
using GameOps.Data;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Resources;
using GameOps.Web.Security;
using GameOps.Web.Services.Administration;
using GameOps.Web.Services.Design;
using GameOps.Web.Services.LiveOps;
using GameOps.Web.Services.Moderation;
using GameOps.Web.Services.World;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Security;

/// <summary>
/// Authorisation is at the service: each workspace service, called directly (as an attacker would, around the UI) by a
/// role without the permission — or by nobody — throws <see cref="PermissionDeniedException"/> before touching data.
/// </summary>
public sealed class ServicePermissionTests
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static ServiceProvider Services(TestDatabase db, ClaimsPrincipal? staff)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGameOpsWebData(db);
        services.AddDesignWorkspace();
        services.AddModerationWorkspace();
        services.AddWorldWorkspace();
        services.AddScoped<LiveOpsCalendar>();
        services.AddScoped<EventService>();
        services.AddScoped<BroadcastService>();
        services.AddMemoryCache();
        services.AddScoped<StaffSessions>(); // disabling an account ends its sessions
        services.AddScoped<StaffAdminService>();
        var provider = services.BuildServiceProvider(validateScopes: false);
        if (staff is not null) provider.GetRequiredService<CurrentStaff>().Use(staff, "127.0.0.1", "tests");
        return provider;
    }

    [Theory, InlineData(StaffRoles.Manager), InlineData(StaffRoles.Moderator), InlineData(StaffRoles.LiveOps)]
    public async Task Design_writes_need_DesignWrite(string role)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var services = Services(db, WebServices.Staff(role));
        var items = services.GetRequiredService<ResourceCatalog>().For<GameOps.Data.Entities.Item>();
        await Assert.ThrowsAsync<PermissionDeniedException>(() => services.GetRequiredService<DesignImportService>().ApplyAsync(items, "items.json", "[]", Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => services.GetRequiredService<DesignDefinitionService>().CloneAsync(items, Guid.NewGuid(), Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => services.GetRequiredService<DesignHistoryService>().RestoreAsync(items, Guid.NewGuid(), null!, null, Ct));
    }

    [Fact]
    public async Task Reads_need_a_signed_in_staff_member_with_the_workspace_permission()
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var services = Services(db, staff: null);
        var items = services.GetRequiredService<ResourceCatalog>().For<GameOps.Data.Entities.Item>();
        await Assert.ThrowsAsync<PermissionDeniedException>(() => services.GetRequiredService<DesignInsightQueries>().ItemTypesAsync(Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => services.GetRequiredService<DesignImportService>().PreviewAsync(items, "items.json", "[]", Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => services.GetRequiredService<DesignImportService>().ExportAsync(items, "json", Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => services.GetRequiredService<DesignHistoryService>().VersionsAsync(items, Guid.NewGuid(), Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => services.GetRequiredService<WorldQueries>().ZonesAsync(Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => services.GetRequiredService<WorldQueries>().GuildAsync(Guid.NewGuid(), Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => services.GetRequiredService<LiveOpsCalendar>().LoadAsync(DateTime.UtcNow, DateTime.UtcNow.AddDays(1), ct: Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => services.GetRequiredService<EventService>().RewardsAsync(Guid.NewGuid(), Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => services.GetRequiredService<BroadcastService>().ListAsync(Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => services.GetRequiredService<ResourceStore>().ListAsync(items, new ResourceQuery(), Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => services.GetRequiredService<ResourceStore>().LoadAsync(items, Guid.NewGuid(), Ct));
    }

    [Theory, InlineData(StaffRoles.Designer), InlineData(StaffRoles.Manager), InlineData(StaffRoles.LiveOps)]
    public async Task The_report_queue_and_sanctions_need_ModerationRead(string role)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var services = Services(db, WebServices.Staff(role));
        var queries = services.GetRequiredService<ModerationQueries>();
        await Assert.ThrowsAsync<PermissionDeniedException>(() => queries.ListQueueAsync(new ReportQueueFilter(), null, Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => queries.ListSanctionsAsync(new SanctionFilter(), Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => queries.EvidenceAsync(Guid.NewGuid(), Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => queries.ModeratorsAsync(Ct));
        if (role == StaffRoles.Designer)
            await Assert.ThrowsAsync<PermissionDeniedException>(() => queries.PlayerSummaryAsync(Guid.NewGuid(), Ct));
        else Assert.Null(await queries.PlayerSummaryAsync(Guid.NewGuid(), Ct)); // profile readers may ask
    }

    [Theory, InlineData(StaffRoles.Moderator), InlineData(StaffRoles.Manager), InlineData(StaffRoles.Designer), InlineData(StaffRoles.LiveOps)]
    public async Task Staff_accounts_need_StaffAdmin(string role)
    {
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var services = Services(db, WebServices.Staff(role));
        var staff = services.GetRequiredService<StaffAdminService>();
        await Assert.ThrowsAsync<PermissionDeniedException>(() => staff.ListAsync(Ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => staff.CreateAsync("new@tests.local", "New", [StaffRoles.Designer]));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => staff.SetDisabledAsync(Guid.NewGuid(), true, Guid.NewGuid()));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => staff.SignOutEverywhereAsync(Guid.NewGuid()));
    }
}
