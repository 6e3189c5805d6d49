using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace GameOps.Web.Components.Layout;

/// <summary>An error boundary that says whether it is showing an error, so navigation can clear it (and only then).</summary>
public sealed class RecoverableErrorBoundary : ErrorBoundary
{
    public bool HasError => CurrentException is not null;

    protected override Task OnErrorAsync(Exception exception)
    {
        Logger.LogError(exception, "A page failed to render; the circuit stays alive.");
        return Task.CompletedTask;
    }

    [Inject] ILogger<RecoverableErrorBoundary> Logger { get; set; } = default!;
}
