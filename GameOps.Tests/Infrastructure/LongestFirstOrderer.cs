using System.Text.RegularExpressions;
using Xunit.Sdk;
using Xunit.v3;

namespace GameOps.Testing;

/// <summary>
/// Starts the longest test classes first. As many run at a time as the assembly allows, in the order given: a long
/// class that starts last runs alone at the end while the other slots idle, which cost minutes of CI. Each test
/// assembly names its classes, longest first, as last measured from a CI run's TRX durations; classes not named keep
/// their usual order after them. Shared by the unit and the e2e assembly (linked into the latter).
/// </summary>
public abstract class LongestFirstOrderer(params string[] longestFirst) : ITestCollectionOrderer
{
    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection =>
        testCollections.OrderBy(c => Rank(c)).ThenBy(c => c.TestCollectionDisplayName, StringComparer.Ordinal).ToList();

    /// <summary>A default collection is named after its class ("Test collection for GameOps.E2E.Journeys.DesignerJourney").</summary>
    int Rank(ITestCollection collection)
    {
        var index = Array.FindIndex(longestFirst, name => Regex.IsMatch(collection.TestCollectionDisplayName, $@"\.{name}\b"));
        return index < 0 ? longestFirst.Length : index;
    }
}
