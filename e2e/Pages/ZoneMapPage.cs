using System.Globalization;
using static Microsoft.Playwright.Assertions;

namespace GameOps.E2E.Pages;

/// <summary>The zone map (/world/map?zone=…): the SVG and its shapes, addressed by their data-testid.</summary>
public sealed class ZoneMapPage(IPage page) : ShellPage(page)
{
    public ILocator Map => Page.Locator("[data-testid=zone-map]");
    public ILocator Svg => Page.Locator("[data-testid=zone-map-svg]");
    public ILocator Bounds => Page.Locator("[data-testid=map-bounds]");
    public ILocator Legend => Page.Locator("[data-testid=map-legend]");
    public ILocator SpawnRadius(string spawnId) => Page.Locator($"[data-testid='map-spawn-radius-{spawnId}']");
    public ILocator Spawn(string spawnId) => Page.Locator($"[data-testid='map-spawn-{spawnId}']");

    public static async Task<ZoneMapPage> OpenAsync(IPage page, string zoneId)
    {
        var map = new ZoneMapPage(page);
        await map.GotoAsync($"/world/map?zone={Uri.EscapeDataString(zoneId)}");
        await Expect(map.Bounds).ToBeVisibleAsync();
        return map;
    }

    /// <summary>The centre of a spawn point's circle in SVG pixels.</summary>
    public async Task<(double X, double Y)> SpawnCentreAsync(string spawnId)
    {
        var circle = SpawnRadius(spawnId);
        await Expect(circle).ToHaveCountAsync(1);
        return (Parse(await circle.GetAttributeAsync("cx")), Parse(await circle.GetAttributeAsync("cy")));
    }

    static double Parse(string? value) => double.Parse(value ?? "NaN", CultureInfo.InvariantCulture);
}
