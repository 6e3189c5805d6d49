using GameOps.Web.Resources;

namespace GameOps.Tests.Web.Resources;

public sealed class ExportTests
{
    [Fact]
    public void Csv_neutralises_cells_a_spreadsheet_would_run_as_formulas()
    {
        var field = new ResourceField { Name = "Name", Column = "name", Property = typeof(Holder).GetProperty(nameof(Holder.Name))!, Kind = FieldKind.Text };
        var csv = ExportEndpoints.ToCsv([field],
            [new ResourceRow(1, ["=HYPERLINK(\"http://evil\")"]), new ResourceRow(2, ["+1"]), new ResourceRow(3, ["-2"]), new ResourceRow(4, ["@SUM(A1)"]), new ResourceRow(5, ["plain"])],
            mask: false);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("id,name", lines[0]);
        foreach (var line in lines[1..5])
        {
            var cell = line[(line.IndexOf(',') + 1)..].Trim('"');
            Assert.False("=+-@".Contains(cell[0]), $"'{line}' still starts with a formula character");
        }
        Assert.Equal("5,plain", lines[5]);
    }

    [Fact]
    public void Personal_data_is_masked_for_roles_that_may_not_see_it()
    {
        var field = new ResourceField { Name = "Name", Column = "email", Property = typeof(Holder).GetProperty(nameof(Holder.Name))!, Kind = FieldKind.Text, PersonalData = true };
        var csv = ExportEndpoints.ToCsv([field], [new ResourceRow(1, ["alice@example.com"])], mask: true);
        Assert.DoesNotContain("alice@", csv);
        Assert.Contains("@example.com", csv);
    }

    sealed class Holder
    {
        public string Name { get; set; } = "";
    }
}
