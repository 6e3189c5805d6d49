using GameOps.Testing;

[assembly: TestCollectionOrderer(typeof(GameOps.E2E.Infrastructure.LongestFirst))]

namespace GameOps.E2E.Infrastructure;

/// <summary>The longest journeys (CI run of 2026-12-03), started first: two run at a time.</summary>
public sealed class LongestFirst() : LongestFirstOrderer(
    "DrawerAccessibilityJourney", "DesignerJourney", "ManagerJourney", "MultiInstanceJourney", "ModeratorJourney",
    "AccessibilityJourney", "LiveOpsJourney", "StaffSecurityJourney", "WorldJourney", "ListLayoutJourney", "SignInJourneys");
