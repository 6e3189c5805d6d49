using GameOps.Web.Components.Layout;
using MudBlazor;
using MudBlazor.Services;
using MudBlazor.Utilities;

namespace GameOps.Tests.Web.Components.Layout;

/// <summary>WCAG AA (4.5:1) for what the theme's colours carry: text on a filled colour, and the colour as text on the page, in both palettes.</summary>
public sealed class GameOpsThemeTests
{
    const double AA = 4.5;

    static readonly (string Name, Func<Palette, MudColor> Fill, Func<Palette, MudColor> Text)[] Colours =
    [
        ("primary", p => p.Primary, p => p.PrimaryContrastText),
        ("secondary", p => p.Secondary, p => p.SecondaryContrastText),
        ("success", p => p.Success, p => p.SuccessContrastText),
        ("error", p => p.Error, p => p.ErrorContrastText),
        ("warning", p => p.Warning, p => p.WarningContrastText),
        ("info", p => p.Info, p => p.InfoContrastText),
    ];

    public static TheoryData<string> Palettes => ["light", "dark"];

    static Palette PaletteOf(string name) => name == "dark" ? GameOpsTheme.Theme.PaletteDark : GameOpsTheme.Theme.PaletteLight;

    [Theory, MemberData(nameof(Palettes))]
    public void Text_on_every_filled_colour_reaches_AA(string palette)
    {
        var p = PaletteOf(palette);
        // Filled buttons, chips, alerts and snackbars write the contrast text on the colour (a success snackbar: "Item saved.").
        Assert.All(Colours, c => Assert.True(Contrast(c.Text(p), c.Fill(p)) >= AA,
            $"{palette} {c.Name}: {c.Text(p)} on {c.Fill(p)} is {Contrast(c.Text(p), c.Fill(p)):0.00}:1"));
    }

    [Theory, MemberData(nameof(Palettes))]
    public void Every_colour_as_text_on_the_surface_reaches_AA(string palette)
    {
        var p = PaletteOf(palette);
        foreach (var background in new[] { p.Surface, p.Background })
            Assert.All(Colours, c => Assert.True(Contrast(c.Fill(p), background) >= AA,
                $"{palette} {c.Name}: {c.Fill(p)} on {background} is {Contrast(c.Fill(p), background):0.00}:1"));
    }

    [Fact]
    public void Snackbars_are_opaque()
    {
        // MudBlazor 9 draws them at 95 %: white on success #2e7d32 (5.1:1) then measures 4.4:1 (#f5f9f5 on #38843c).
        Assert.Equal(95, new SnackbarConfiguration().MaximumOpacity);
        var services = new MudServicesConfiguration();
        GameOpsTheme.ConfigureServices(services);
        Assert.Equal(100, services.SnackbarConfiguration.MaximumOpacity);
    }

    static double Contrast(MudColor a, MudColor b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    static double Luminance(MudColor c)
    {
        Assert.Equal(255, c.A); // a translucent colour's contrast depends on what is under it
        static double Linear(byte v) => v / 255.0 is var s && s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
        return 0.2126 * Linear(c.R) + 0.7152 * Linear(c.G) + 0.0722 * Linear(c.B);
    }
}
