using MudBlazor;
using MudBlazor.Services;

namespace GameOps.Web.Components.Layout;

public static class GameOpsTheme
{
    /// <summary>Near-black text on the light colours of the dark palette (white on them is below 3:1).</summary>
    const string DarkPaletteContrastText = "#121212";

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3949ab",
            Secondary = "#00796b",
            Success = "#2e7d32",
            Error = "#d32f2f",
            // Darker than MudBlazor's defaults so white-on-colour chips and coloured text on white reach WCAG AA (4.5:1).
            Warning = "#b45309",
            Info = "#0b63b8",
            AppbarBackground = "#283593",
        },
        // In the dark palette the colours are light enough to be read as text on the dark surfaces (4.5:1 on #373740),
        // so what is written on a filled colour (buttons, chips, snackbars, filled alerts) is near-black, not white.
        PaletteDark = new PaletteDark
        {
            // Light enough for 4.5:1 as link text on striped and hovered rows, not only on the plain surface.
            Primary = "#a8b5ff",
            PrimaryContrastText = DarkPaletteContrastText,
            TextSecondary = "#c0c0c8",
            TableStriped = "rgba(255,255,255,0.03)",
            TableHover = "rgba(255,255,255,0.06)",
            // Text alerts write in the "darken" shade on a faint tint of the colour; darkened, these light colours fall under 4.5:1.
            PrimaryDarken = "#a8b5ff",
            InfoDarken = "#64b5f6",
            SuccessDarken = "#66bb6a",
            WarningDarken = "#ffa800",
            ErrorDarken = "#ff8a80",
            Secondary = "#4db6ac",
            SecondaryContrastText = DarkPaletteContrastText,
            Success = "#66bb6a",
            SuccessContrastText = DarkPaletteContrastText,
            Error = "#ff8a80",
            ErrorContrastText = DarkPaletteContrastText,
            Warning = "#ffa800",
            WarningContrastText = DarkPaletteContrastText,
            Info = "#64b5f6",
            InfoContrastText = DarkPaletteContrastText,
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
    };

    /// <summary>
    /// MudBlazor's services as the theme needs them. Snackbars are opaque: MudBlazor 9 draws them at 95 % opacity by default, which
    /// lets the page show through and takes white on the AA colours above below 4.5:1 (white on success #2e7d32 is 5.1:1, at 95 % 4.4:1).
    /// </summary>
    public static void ConfigureServices(MudServicesConfiguration services) => services.SnackbarConfiguration.MaximumOpacity = 100;
}
