using System.Text.RegularExpressions;
using GameOps.Tests.Infrastructure;

namespace GameOps.Tests.Web.Components;

/// <summary>
/// Issue 19, first paint: the app links its own copy of MudBlazor's stylesheet. MudBlazor 9.12 ships
/// <c>:not(.mud-ripple):has(&gt;.mud-ripple-effect)</c>, a <c>:has()</c> rule any element can match, so the browser re-checks
/// every ancestor of every node Blazor inserts: the circuit's first render of a 25-row list took ~500 ms under Lighthouse
/// (~10,900 style invalidations) and ~80 ms with the rule scoped to list items, the one component whose ripple host can
/// lose its <c>.mud-ripple</c> class (MudBlazor PR #13332, the rule's reason).
/// </summary>
public sealed partial class StylesheetTests
{
    public const string VendoredPath = "GameOps.Web/wwwroot/lib/mudblazor/MudBlazor.min.css";

    [Fact]
    public void The_vendored_stylesheet_is_the_referenced_packages_own_with_only_the_ripple_clip_scoped_to_list_items()
    {
        var package = File.ReadAllText(PackageStylesheet());
        var vendored = File.ReadAllText(Path.Combine(Repository.Root, VendoredPath));

        Assert.True(Scoped(package) == vendored,
            $"{VendoredPath} is not MudBlazor {MudBlazorVersion()}'s stylesheet with the ripple clip scoped: regenerate it as the README's " +
            "\"MudBlazor's stylesheet\" says (one sed line), then check the new version for other :has() rules any element can match.");
    }

    [Fact]
    public void No_has_rule_of_the_stylesheet_the_app_links_hangs_on_a_selector_every_element_matches()
    {
        Assert.Empty(UniversalHasSelectors(File.ReadAllText(Path.Combine(Repository.Root, VendoredPath))));
    }

    [Fact]
    public void The_package_stylesheet_the_app_linked_before_has_such_a_rule_which_is_what_the_check_catches()
    {
        Assert.Equal([":not(.mud-ripple):has(>.mud-ripple-effect)", ":where(:not(.mud-ripple):has(>.mud-ripple-effect))"],
            UniversalHasSelectors(File.ReadAllText(PackageStylesheet())));
    }

    [Theory]
    [InlineData(".mud-icon-button:has(:focus-visible)", false)]
    [InlineData(".mud-menu-item:not(:has(.mud-menu-item-icon)) .mud-menu-item-text", false)]
    [InlineData(".mud-table-head tr:not(:has(>*))+.mud-table-loading-row", false)]
    [InlineData(":not(.mud-ripple):has(>.mud-ripple-effect)", true)]
    [InlineData(".a > :has(.b)", true)]
    [InlineData("*:has(.b)", true)]
    [InlineData(":where(:not(.mud-ripple):has(>.mud-ripple-effect))", true)]
    [InlineData(":where(.mud-list-item:not(.mud-ripple):has(>.mud-ripple-effect))", false)]
    [InlineData(":is(.a, :has(.b))", true)]
    public void A_has_rule_is_universal_when_the_compound_it_hangs_on_names_no_type_class_id_or_attribute(string selector, bool universal)
    {
        Assert.Equal(universal, UniversalHasSelectors(selector + "{color:red}").Count == 1);
    }

    /// <summary>The one change to MudBlazor's stylesheet (also the README's sed line).</summary>
    public static string Scoped(string packageStylesheet) =>
        packageStylesheet.Replace(":not(.mud-ripple):has(>.mud-ripple-effect)", ".mud-list-item:not(.mud-ripple):has(>.mud-ripple-effect)", StringComparison.Ordinal);

    /// <summary>
    /// Selectors with a <c>:has()</c> whose top-level compound, once its pseudo-classes are set aside, names nothing
    /// (<c>:not(.x):has(…)</c>, <c>*:has(…)</c>): every element may match them, so every DOM insertion invalidates its ancestors.
    /// </summary>
    public static List<string> UniversalHasSelectors(string css)
    {
        var found = new List<string>();
        foreach (Match rule in RulePrelude().Matches(css))
            foreach (var selector in SplitTopLevel(rule.Groups[1].Value))
            {
                var depth = DepthAt(selector);
                for (var at = selector.IndexOf(":has(", StringComparison.Ordinal); at >= 0; at = selector.IndexOf(":has(", at + 1, StringComparison.Ordinal))
                    if (!SubjectIsNamed(selector, depth, at, depth[at])) { found.Add(selector.Trim()); break; }
            }
        return found;
    }

    /// <summary>
    /// Whether the compound holding position <paramref name="at"/> at paren depth <paramref name="level"/> names a type, class,
    /// id or attribute; a compound inside <c>:not(…)</c>, <c>:is(…)</c> or <c>:where(…)</c> that names nothing is as specific as the
    /// compound around it (<c>.menu-item:not(:has(.icon))</c> hangs on <c>.menu-item</c>).
    /// </summary>
    static bool SubjectIsNamed(string selector, int[] depth, int at, int level)
    {
        var start = at;
        while (start > 0 && !(depth[start - 1] == level && IsBoundary(selector[start - 1])) && !(selector[start - 1] == '(' && depth[start - 1] == level - 1)) start--;
        var end = at;
        while (end < selector.Length && !(depth[end] == level && (IsBoundary(selector[end]) || selector[end] == ')'))) end++;
        if (PseudoClass().Replace(selector[start..end], "").Trim('*').Length > 0) return true;
        return level > 0 && SubjectIsNamed(selector, depth, start - 1, level - 1);
    }

    static bool IsBoundary(char c) => c is ' ' or '>' or '+' or '~' or ',';

    /// <summary>Paren depth before each character; a character inside <c>:not(…)</c> is at depth 1 or more.</summary>
    static int[] DepthAt(string selector)
    {
        var depth = new int[selector.Length + 1];
        for (var i = 0; i < selector.Length; i++)
            depth[i + 1] = depth[i] + (selector[i] == '(' ? 1 : selector[i] == ')' ? -1 : 0);
        return depth[..selector.Length];
    }

    static IEnumerable<string> SplitTopLevel(string selectors)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < selectors.Length; i++)
        {
            if (selectors[i] == '(') depth++;
            else if (selectors[i] == ')') depth--;
            else if (selectors[i] == ',' && depth == 0) { yield return selectors[start..i]; start = i + 1; }
        }
        yield return selectors[start..];
    }

    static string PackageStylesheet()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var path = Path.Combine(packages, "mudblazor", MudBlazorVersion(), "staticwebassets", "MudBlazor.min.css");
        Assert.True(File.Exists(path), $"MudBlazor's own stylesheet is not in the NuGet cache the build restored into: {path}");
        return path;
    }

    static string MudBlazorVersion() =>
        MudBlazorPackage().Match(File.ReadAllText(Path.Combine(Repository.Root, "Directory.Packages.props"))).Groups[1].Value;

    [GeneratedRegex(@"([^{}]+)\{")]
    private static partial Regex RulePrelude();

    // A pseudo-class with its argument nested up to three levels (:where(:not(.a):has(>.b))), or a plain one (:focus-visible).
    [GeneratedRegex(@"::?[\w-]+(\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\))?")]
    private static partial Regex PseudoClass();

    [GeneratedRegex("Include=\"MudBlazor\" Version=\"([^\"]+)\"")]
    private static partial Regex MudBlazorPackage();
}
