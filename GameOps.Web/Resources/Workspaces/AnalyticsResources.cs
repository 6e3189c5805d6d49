using GameOps.Data.Entities;

namespace GameOps.Web.Resources.Workspaces;

/// <summary>Operations metrics behind the analytics dashboards: Admins browse the raw rows at <c>/data</c>.</summary>
public sealed class AnalyticsResources : IResourceConfiguration
{
    public void Configure(ResourceCatalog catalog)
    {
        catalog.For<PerformanceMetric>()
            .Columns(m => m.Timestamp, m => m.ServiceName, m => m.MetricName, m => m.MetricValue, m => m.MetricType)
            .FilterBy(m => m.ServiceName, m => m.MetricName, m => m.MetricType, m => m.Timestamp)
            .Search(m => m.ServiceName, m => m.MetricName).SortBy(m => m.Timestamp, descending: true);
    }
}
