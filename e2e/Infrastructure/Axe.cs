using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace GameOps.E2E.Infrastructure;

/// <summary>axe-core on the current page: any serious or critical violation fails the test (minor ones are logged).</summary>
public static class Axe
{
    static readonly HashSet<string> Blocking = ["serious", "critical"];

    public static async Task AssertAccessibleAsync(this IPage page, string what)
    {
        var result = await page.RunAxe();
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact ?? "")).ToList();
        foreach (var minor in result.Violations.Except(blocking))
            TestContext.Current.TestOutputHelper?.WriteLine($"[{what}] minor: {minor.Id} ({minor.Impact}) {minor.Help} × {minor.Nodes.Length}");
        if (blocking.Count == 0) return;
        Assert.Fail($"{blocking.Count} serious/critical accessibility violation(s) on the {what} ({page.Url}):\n" + Describe(blocking));
    }

    static string Describe(IEnumerable<AxeResultItem> violations)
    {
        var text = new StringBuilder();
        foreach (var v in violations)
        {
            text.AppendLine($"- {v.Id} [{v.Impact}] {v.Help} ({v.HelpUrl})");
            foreach (var node in v.Nodes.Take(8))
            {
                var html = node.Html.Length > 200 ? node.Html[..200] + "…" : node.Html;
                text.AppendLine($"    at {node.Target}: {html}");
                foreach (var check in node.Any.Concat(node.All).Concat(node.None).Where(c => !string.IsNullOrWhiteSpace(c.Message)))
                    text.AppendLine("      " + check.Message);
            }
            if (v.Nodes.Length > 8) text.AppendLine($"    … and {v.Nodes.Length - 8} more");
        }
        return text.ToString();
    }
}
