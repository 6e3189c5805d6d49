using GameOps.Testing;

[assembly: TestCollectionOrderer(typeof(GameOps.Tests.Infrastructure.LongestFirst))]

namespace GameOps.Tests.Infrastructure;

/// <summary>This assembly's longest classes (CI run of 2026-12-03), started first.</summary>
public sealed class LongestFirst() : LongestFirstOrderer(
    "HostileInputTestsOnSqlite", "DemoSeederTests", "HostileInputTestsOnPostgres", "AuthorizationTests", "DataExportJobTests",
    "ResourceQueryRulesTests", "DataRequestTests", "ResourceStoreTests", "GeneratorTests", "ProductionStartTests", "ConcurrencyTests",
    "StaffSessionAttackTestsOnPostgres", "StaffSessionAttackTestsOnSqlite", "MetricTests");
