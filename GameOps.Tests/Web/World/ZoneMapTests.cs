using System.Globalization;
using Bunit;
using GameOps.Data.Json;
using GameOps.Web.Components.Pages.World;
using GameOps.Web.Services.World;
using MudBlazor.Services;

namespace GameOps.Tests.Web.World;

/// <summary>The zone map draws every kind of thing from its coordinates, with hover text and links to the editors.</summary>
public sealed class ZoneMapTests
{
    static readonly Guid ZoneRow = Guid.NewGuid();
    static readonly Guid Wolves = Guid.NewGuid();
    static readonly Guid Ravens = Guid.NewGuid();

    // A 1000 × 500 zone whose south-west corner is (2000, 1000): the scale is 760 / 1000 px per unit.
    static ZoneMapModel Model() => new(
        ZoneRow, "zone_test", "Test Vale", "wilderness", 10, 20,
        new MapBounds { MinX = 2000, MinY = 1000, MaxX = 3000, MaxY = 1500 },
        SafeAreas: [new MapArea { Name = "Camp", Shape = "circle", X = 2100, Y = 1100, Radius = 50 }],
        PvpAreas: [new MapArea { Name = "Arena", Shape = "rect", X = 2500, Y = 1200, Width = 200, Height = 100 }],
        Landmarks: [new MapPoint { Name = "Old Mill", X = 2200, Y = 1400 }],
        Territories:
        [
            new MapTerritory(Guid.NewGuid(), "ter_a", "Wolf Keep", "fortress", 3, true, new MapArea { Shape = "rect", X = 2800, Y = 1300, Width = 100, Height = 100 }, Wolves, "Wolves"),
            new MapTerritory(Guid.NewGuid(), "ter_b", "Raven Hold", "mine", 1, true, new MapArea { Shape = "circle", X = 2300, Y = 1250, Radius = 40 }, Ravens, "Ravens"),
            new MapTerritory(Guid.NewGuid(), "ter_c", "Free Field", "farmland", 1, true, new MapArea { Shape = "polygon", Points = [new() { X = 2050, Y = 1450 }, new() { X = 2150, Y = 1450 }, new() { X = 2100, Y = 1490 }] }, null, null),
        ],
        Spawns:
        [
            new MapSpawn(Guid.NewGuid(), "spn_wolf", "monster", "mob_wolf", new MapPoint { X = 2400, Y = 1100 }, 30, 5, 120, 0.75m, new LevelRange { Min = 10, Max = 12 }, true),
            new MapSpawn(Guid.NewGuid(), "spn_boss", "boss", "boss_x", new MapPoint { X = 2900, Y = 1100 }, 5, 1, 3600, 0.1m, new LevelRange { Min = 20, Max = 20 }, false),
        ]);

    static async Task<(BunitContext Context, IRenderedComponent<ZoneMap> Map)> RenderAsync(ZoneMapModel model)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        await Task.CompletedTask;
        return (ctx, ctx.Render<ZoneMap>(p => p.Add(x => x.Model, model)));
    }

    static double Num(string? value) => double.Parse(value!, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Bounds_are_a_rectangle_with_y_flipped_so_north_is_up()
    {
        var (ctx, cut) = await RenderAsync(Model());
        await using var _ = ctx;
        var bounds = cut.Find("[data-testid=map-bounds]");
        Assert.Equal("rect", bounds.TagName.ToLowerInvariant());
        const double scale = 0.76;
        Assert.Equal(ZoneMapProjection.Margin, Num(bounds.GetAttribute("x")));
        Assert.Equal(ZoneMapProjection.Margin, Num(bounds.GetAttribute("y")));
        Assert.Equal(1000 * scale, Num(bounds.GetAttribute("width")), 2);
        Assert.Equal(500 * scale, Num(bounds.GetAttribute("height")), 2);
        Assert.Contains("Test Vale", bounds.QuerySelector("title")!.TextContent);
        Assert.Equal($"/world/zones/{ZoneRow}", cut.Find("[data-testid=map-bounds-link]").GetAttribute("href"));

        // The landmark at y = 1400 (near the north edge) is drawn near the top: SVG y = margin + (1500 - 1400) × scale.
        var mark = cut.Find("[data-testid=map-landmark-0] circle");
        Assert.Equal(ZoneMapProjection.Margin + 200 * scale, Num(mark.GetAttribute("cx")), 2);
        Assert.Equal(ZoneMapProjection.Margin + 100 * scale, Num(mark.GetAttribute("cy")), 2);
    }

    [Fact]
    public async Task Safe_and_pvp_areas_have_their_own_shape_fill_hover_text_and_link()
    {
        var (ctx, cut) = await RenderAsync(Model());
        await using var _ = ctx;
        var safe = cut.Find("[data-testid=map-safe-0]");
        var circle = safe.QuerySelector("circle")!;
        Assert.Equal("safe", safe.GetAttribute("data-kind"));
        Assert.Equal(ZoneMapProjection.Margin + 100 * 0.76, Num(circle.GetAttribute("cx")), 2);
        Assert.Equal(ZoneMapProjection.Margin + 400 * 0.76, Num(circle.GetAttribute("cy")), 2);
        Assert.Equal(50 * 0.76, Num(circle.GetAttribute("r")), 2);
        Assert.Equal("#66bb6a", circle.GetAttribute("fill"));
        Assert.StartsWith("Safe area Camp", safe.QuerySelector("title")!.TextContent);
        Assert.Equal($"/world/zones/{ZoneRow}#areas", safe.ParentElement!.GetAttribute("href"));

        var pvp = cut.Find("[data-testid=map-pvp-0]");
        var rect = pvp.QuerySelector("rect")!;
        // A rectangle's (x, y) is its south-west corner: its top edge is at y + height = 1300.
        Assert.Equal(ZoneMapProjection.Margin + 500 * 0.76, Num(rect.GetAttribute("x")), 2);
        Assert.Equal(ZoneMapProjection.Margin + 200 * 0.76, Num(rect.GetAttribute("y")), 2);
        Assert.Equal(200 * 0.76, Num(rect.GetAttribute("width")), 2);
        Assert.StartsWith("url(#", rect.GetAttribute("fill"));
        Assert.NotEqual(circle.GetAttribute("fill"), rect.GetAttribute("fill"));
        Assert.StartsWith("PvP area Arena", pvp.QuerySelector("title")!.TextContent);
    }

    [Fact]
    public async Task Territories_are_coloured_by_owning_guild_with_a_legend_naming_the_guilds()
    {
        var (ctx, cut) = await RenderAsync(Model());
        await using var _ = ctx;
        var wolf = cut.Find("[data-testid=map-territory-ter_a]");
        var raven = cut.Find("[data-testid=map-territory-ter_b]");
        var free = cut.Find("[data-testid=map-territory-ter_c]");
        Assert.Equal(Wolves.ToString(), wolf.GetAttribute("data-guild"));
        Assert.NotEqual(wolf.GetAttribute("data-color"), raven.GetAttribute("data-color"));
        Assert.Equal(wolf.GetAttribute("data-color"), wolf.QuerySelector("rect")!.GetAttribute("fill"));
        Assert.Equal("polygon", free.QuerySelector("[data-shape]")!.TagName.ToLowerInvariant());
        Assert.Contains("unclaimed", free.QuerySelector("title")!.TextContent);
        Assert.Contains("held by Wolves", wolf.QuerySelector("title")!.TextContent);
        Assert.StartsWith("/world/territories/", wolf.ParentElement!.GetAttribute("href"));

        var legend = cut.Find($"[data-testid=legend-guild-{Wolves}]");
        Assert.Equal(wolf.GetAttribute("data-color"), legend.GetAttribute("data-color"));
        Assert.Contains("Wolves", legend.TextContent);
        Assert.Equal($"/guilds/{Wolves}", legend.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Ravens", cut.Find("[data-testid=map-guild-legend]").TextContent);
    }

    [Fact]
    public async Task Spawn_points_show_their_radius_to_scale_a_marker_per_type_hover_details_and_a_link()
    {
        var model = Model();
        var (ctx, cut) = await RenderAsync(model);
        await using var _ = ctx;
        var wolf = cut.Find("[data-testid=map-spawn-spn_wolf]");
        var radius = cut.Find("[data-testid=map-spawn-radius-spn_wolf]");
        Assert.Equal(ZoneMapProjection.Margin + 400 * 0.76, Num(radius.GetAttribute("cx")), 2);
        Assert.Equal(ZoneMapProjection.Margin + 400 * 0.76, Num(radius.GetAttribute("cy")), 2);
        Assert.Equal(30 * 0.76, Num(radius.GetAttribute("r")), 2);
        Assert.Equal("circle", wolf.QuerySelector("[data-marker]")!.GetAttribute("data-marker"));
        Assert.Equal("star", cut.Find("[data-testid=map-spawn-spn_boss] [data-marker]").GetAttribute("data-marker"));
        var title = wolf.QuerySelector("title")!.TextContent;
        Assert.Contains("spn_wolf", title);
        Assert.Contains("mob_wolf", title);
        Assert.Contains("levels 10–12", title);
        Assert.Contains("×5", title);
        Assert.Contains("inactive", cut.Find("[data-testid=map-spawn-spn_boss] title").TextContent);
        Assert.Equal($"/world/spawns/{model.Spawns[0].Id}", wolf.ParentElement!.GetAttribute("href"));

        // Hovering shows the same details under the map.
        await cut.InvokeAsync(() => wolf.TriggerEvent("onmouseenter", new Microsoft.AspNetCore.Components.Web.MouseEventArgs()));
        Assert.Contains("spn_wolf", cut.Find("[data-testid=map-hover]").TextContent);
    }

    [Fact]
    public async Task Grid_labels_use_world_units_and_every_shape_stays_inside_the_drawing()
    {
        var (ctx, cut) = await RenderAsync(Model());
        await using var _ = ctx;
        var labels = cut.FindAll("[data-testid=map-grid-labels] text").Select(t => t.TextContent).ToList();
        Assert.Contains("2000", labels);
        Assert.Contains("3000", labels);
        Assert.Contains("1400", labels); // every 200 units: 1000, 1200, 1400 north
        Assert.Contains("units", cut.Find("[data-testid=map-scale]").TextContent);
        var projection = new ZoneMapProjection(Model().Bounds);
        foreach (var c in cut.FindAll("[data-kind] circle"))
        {
            Assert.InRange(Num(c.GetAttribute("cx")), ZoneMapProjection.Margin, projection.Width - ZoneMapProjection.Margin);
            Assert.InRange(Num(c.GetAttribute("cy")), ZoneMapProjection.Margin, projection.Height - ZoneMapProjection.Margin);
        }
    }
}
