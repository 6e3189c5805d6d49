using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace GameOps.E2E.Infrastructure;

/// <summary>
/// axe-core on the current page: any moderate, serious or critical violation fails the test (minor ones are logged). Every violation,
/// blocking or not, is also appended to the file named by <c>E2E_AXE_LOG</c> when it is set, so one run lists them all.
/// </summary>
public static class Axe
{
    static readonly HashSet<string> Blocking = ["moderate", "serious", "critical"];

    public static async Task AssertAccessibleAsync(this IPage page, string what) => Assert(await page.RunAxe(), page, what);

    /// <summary>Only the rules a theme can break: the colours of text, links and focus against their background.</summary>
    public static async Task AssertColoursAccessibleAsync(this IPage page, string what) =>
        Assert(await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "rule", Values = ColourRules } }), page, what);

    static readonly List<string> ColourRules = ["color-contrast", "link-in-text-block"];

    static readonly Lock LogLock = new();

    static void Assert(AxeResult result, IPage page, string what)
    {
        var blocking = result.Violations.Where(v => Blocking.Contains(v.Impact ?? "")).ToList();
        if (Environment.GetEnvironmentVariable("E2E_AXE_LOG") is { Length: > 0 } log && result.Violations.Length > 0)
            lock (LogLock) File.AppendAllText(log, $"## {what} ({page.Url})\n{Describe(result.Violations)}\n");
        foreach (var minor in result.Violations.Except(blocking))
            TestContext.Current.TestOutputHelper?.WriteLine($"[{what}] minor: {minor.Id} ({minor.Impact}) {minor.Help} × {minor.Nodes.Length}");
        if (blocking.Count == 0) return;
        Xunit.Assert.Fail($"{blocking.Count} moderate/serious/critical accessibility violation(s) on the {what} ({page.Url}):\n" + Describe(blocking));
    }

    /// <summary>
    /// Every axe rule in the theme the page shows, then, after the app bar's theme toggle, the colour rules in the other
    /// theme (a theme changes colours only; landmarks, names and roles are the same). The page is left in the other theme.
    /// </summary>
    public static async Task AssertAccessibleInBothThemesAsync(this IPage page, string what)
    {
        var dark = await IsDarkAsync(page);
        await page.AssertAccessibleAsync($"{what} in the {(dark ? "dark" : "light")} theme");
        await page.Locator("button[aria-label='Toggle dark theme']").ClickAsync();
        if (!await page.PollAsync($"() => {DarkBackgroundScript} === {(!dark).ToString().ToLowerInvariant()}", 15_000))
            Xunit.Assert.Fail($"The theme toggle did not switch the {what} to the {(dark ? "light" : "dark")} theme.");
        await page.WaitForRenderQuietAsync();
        await page.AssertColoursAccessibleAsync($"{what} in the {(dark ? "light" : "dark")} theme");
    }

    const string DarkBackgroundScript =
        "((getComputedStyle(document.body).backgroundColor.match(/\\d+/g) ?? []).slice(0, 3).map(Number).reduce((a, b) => a + b, 0) < 300)";

    public static Task<bool> IsDarkAsync(IPage page) => page.EvaluateAsync<bool>($"() => {DarkBackgroundScript}");

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
