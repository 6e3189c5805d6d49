using GameOps.Data;
using GameOps.Tests.Infrastructure;
using GameOps.Web.Security;
using GameOps.Web.Services.Analytics;
using Microsoft.Extensions.DependencyInjection;

namespace GameOps.Tests.Web.Analytics;

/// <summary>Issue 15.4: the analytics service itself refuses roles without AnalyticsRead (pages and the API are not the only gate).</summary>
public sealed class AnalyticsPermissionTests
{
    [Theory, InlineData(StaffRoles.Designer), InlineData(StaffRoles.Moderator)]
    public async Task Roles_without_AnalyticsRead_get_no_figures(string role)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var services = AnalyticsDataset.Services(db);
        services.GetRequiredService<CurrentStaff>().Use(WebServices.Staff(role));
        var analytics = services.GetRequiredService<AnalyticsService>();
        var range = DayRange.LastDays(30);

        await Assert.ThrowsAsync<PermissionDeniedException>(() => analytics.OverviewAsync(range, ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => analytics.RevenueKpisAsync(range, ct));
        await Assert.ThrowsAsync<PermissionDeniedException>(() => analytics.DrillAsync("revenue.daily", "2026-03-02", Granularity.Day, range, ct));
    }

    [Fact]
    public async Task A_manager_reads_them()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await TestDatabases.CreateMigratedAsync(DatabaseProvider.Sqlite);
        await using var services = AnalyticsDataset.Services(db);
        Assert.NotEmpty(await services.GetRequiredService<AnalyticsService>().OverviewAsync(DayRange.LastDays(30), ct));
    }
}
