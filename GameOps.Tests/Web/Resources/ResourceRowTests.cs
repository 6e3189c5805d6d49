using GameOps.Web.Resources;

namespace GameOps.Tests.Web.Resources;

public sealed class ResourceRowTests
{
    /// <summary>
    /// The bulk bar counted its selection as a set of rows: the same row from two loads of the grid (a reload between
    /// ticking it and pressing "Deactivate") counted twice ("2 rows deactivated" for one). A row is its id.
    /// </summary>
    [Fact]
    public void The_same_row_from_two_loads_is_selected_once()
    {
        var id = Guid.NewGuid();
        var selected = new HashSet<ResourceRow> { new(id, ["Iron Sword", true]) };
        selected.Add(new ResourceRow(id, ["Iron Sword", true])); // the reloaded page's instance of the same row
        Assert.Single(selected);
        Assert.NotEqual(new ResourceRow(id, []), new ResourceRow(Guid.NewGuid(), []));
    }
}
