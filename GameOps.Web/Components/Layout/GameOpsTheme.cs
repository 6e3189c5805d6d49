using MudBlazor;

namespace GameOps.Web.Components.Layout;

public static class GameOpsTheme
{
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
        PaletteDark = new PaletteDark
        {
            Primary = "#8c9eff",
            Secondary = "#4db6ac",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
    };
}
