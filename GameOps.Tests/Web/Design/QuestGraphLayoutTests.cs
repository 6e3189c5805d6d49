using GameOps.Web.Services.Design;

namespace GameOps.Tests.Web.Design;

/// <summary>The quest chain graph is laid out in layers left to right by depth and wraps into bands instead of one long strip.</summary>
public sealed class QuestGraphLayoutTests
{
    static QuestNode Node(string key, int depth, int row = 0) => new(Guid.NewGuid(), key, key, null, 1, true, depth, row);

    [Fact]
    public void A_long_chain_wraps_into_bands_read_left_to_right()
    {
        var nodes = Enumerable.Range(0, 10).Select(i => Node($"q{i}", i)).ToList();

        var (positions, width, height) = QuestGraphLayout.Layout(nodes, columnsPerBand: 4);

        Assert.True(positions["q1"].X > positions["q0"].X);
        Assert.Equal(positions["q0"].Y, positions["q3"].Y);
        Assert.Equal(positions["q0"].X, positions["q4"].X); // the fifth layer starts the second line
        Assert.True(positions["q4"].Y > positions["q3"].Y);
        Assert.True(positions["q8"].Y > positions["q4"].Y);
        Assert.True(width < 4 * (QuestGraphLayout.NodeWidth + QuestGraphLayout.ColumnGap) + 30);
        Assert.True(height > 3 * QuestGraphLayout.NodeHeight);
        Assert.StartsWith("M", QuestGraphLayout.EdgePath(positions["q3"], positions["q4"]));
    }

    [Fact]
    public void Quests_of_one_layer_stack_without_overlapping()
    {
        var (positions, _, _) = QuestGraphLayout.Layout([Node("a", 0, 0), Node("b", 0, 1), Node("c", 1, 0)], 4);

        Assert.Equal(positions["a"].X, positions["b"].X);
        Assert.True(positions["b"].Y - positions["a"].Y >= QuestGraphLayout.NodeHeight);
    }
}
