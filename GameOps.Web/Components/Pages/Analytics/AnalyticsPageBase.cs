using GameOps.Web.Services.Analytics;
using Microsoft.AspNetCore.Components;

namespace GameOps.Web.Components.Pages.Analytics;

/// <summary>
/// The shared state of an analytics page: the date range and granularity live in the URL (<c>?from=&amp;to=&amp;g=</c>), so that
/// every chart of the page uses the same range, and a view can be linked to. Bad values fall back to the last 30 days.
/// </summary>
public abstract class AnalyticsPageBase : ComponentBase
{
    [Inject] protected NavigationManager Navigation { get; set; } = default!;
    [Inject] protected AnalyticsService Analytics { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }
    [SupplyParameterFromQuery(Name = "g")] public string? G { get; set; }

    protected DayRange Range { get; private set; } = DayRange.LastDays(30);
    protected Granularity Granularity { get; private set; } = Granularity.Day;
    protected bool Loading { get; private set; } = true;
    protected string? Error { get; private set; }

    protected override async Task OnParametersSetAsync()
    {
        Range = DayRange.Parse(From, To) ?? DayRange.LastDays(30);
        Granularity = Enum.TryParse<Granularity>(G, true, out var g) ? g : Granularity.Day;
        await ReloadAsync();
    }

    protected async Task ReloadAsync()
    {
        Loading = true;
        Error = null;
        try { await LoadAsync(); }
        catch (Exception e) when (e is not OperationCanceledException) { Error = "The figures could not be loaded: " + e.Message; }
        finally { Loading = false; }
    }

    protected abstract Task LoadAsync();

    protected void Change((DayRange Range, Granularity Granularity) value) =>
        Navigation.NavigateTo(RangeUri(Navigation, value.Range, value.Granularity));

    /// <summary>This page's address showing <paramref name="range"/> at <paramref name="granularity"/> (the range lives in the URL, so it can be shared).</summary>
    public static string RangeUri(NavigationManager navigation, DayRange range, Granularity granularity) =>
        navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["from"] = range.Start.ToString("yyyy-MM-dd"), ["to"] = range.To.ToString("yyyy-MM-dd"),
            ["g"] = granularity.ToString().ToLowerInvariant(),
        });
}
