using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace GameOps.Web.Infrastructure;

/// <summary>GameOps' own traces and metrics (next to ASP.NET Core's, HttpClient's, Npgsql's and Quartz's).</summary>
public static class GameOpsTelemetry
{
    public const string Name = "GameOps";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    public static readonly UpDownCounter<long> OpenCircuits =
        Meter.CreateUpDownCounter<long>("gameops.circuits.open", "{circuit}", "Blazor circuits open on this instance.");

    public static readonly Counter<long> JobRuns =
        Meter.CreateCounter<long>("gameops.jobs.runs", "{run}", "Background job runs on this instance, by job and outcome.");

    public static readonly Histogram<double> JobDuration =
        Meter.CreateHistogram<double>("gameops.jobs.duration", "s", "Duration of background job runs, by job and outcome.");

    public static readonly Counter<long> SignIns =
        Meter.CreateCounter<long>("gameops.sign_ins", "{sign-in}", "Staff sign-ins completed (the cookie was issued) on this instance.");

    public static readonly Counter<long> ChangeNotices =
        Meter.CreateCounter<long>("gameops.change_notices", "{notice}", "Change notices published by this instance, by topic.");
}

/// <summary>Counts the circuits open on this instance (a scoped handler per circuit).</summary>
public sealed class CircuitMetricsHandler : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        GameOpsTelemetry.OpenCircuits.Add(1);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        GameOpsTelemetry.OpenCircuits.Add(-1);
        return Task.CompletedTask;
    }
}
