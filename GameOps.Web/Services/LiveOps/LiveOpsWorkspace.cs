namespace GameOps.Web.Services.LiveOps;

/// <summary>The LiveOps workspace's services and endpoints, registered from Program.cs.</summary>
public static class LiveOpsWorkspace
{
    public static IServiceCollection AddLiveOpsWorkspace(this IServiceCollection services)
    {
        services.AddScoped<EventService>();
        services.AddScoped<BroadcastService>();
        services.AddScoped<LiveOpsCalendar>();
        return services;
    }

    public static IEndpointRouteBuilder MapLiveOpsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The broadcasts list as CSV, with its delivery figures: permission checked, audited, never cached.
        endpoints.MapGet("/liveops/broadcasts/export.csv", async (HttpContext http, BroadcastService broadcasts, GameOps.Web.Auditing.StaffAuditRecorder audit, CancellationToken ct) =>
        {
            var rows = await broadcasts.ListAsync(ct);
            await audit.RecordAsync("export", "broadcasts", null, new { format = "csv", rows = rows.Count });
            return GameOps.Web.Services.Shell.ListCsv.File(http, "broadcasts", GameOps.Web.Services.Shell.ListCsv.Write(
                ["id", "created_at", "title", "audience", "priority", "status", "scheduled_at", "sent_at", "recipients", "delivered", "failed", "pending", "created_by", "message"],
                rows.Select(b => (IReadOnlyList<string?>)[b.Id.ToString(), GameOps.Web.Services.Shell.ListCsv.Utc(b.CreatedAt), b.Title, b.SegmentLabel, b.Priority, b.Status,
                    GameOps.Web.Services.Shell.ListCsv.Utc(b.ScheduledAt), GameOps.Web.Services.Shell.ListCsv.Utc(b.SentAt), b.RecipientCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    b.Delivered.ToString(System.Globalization.CultureInfo.InvariantCulture), b.Failed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    b.Pending.ToString(System.Globalization.CultureInfo.InvariantCulture), b.CreatedBy, b.Message])));
        }).RequireAuthorization(GameOps.Web.Security.Policies.LiveOps);
        return endpoints;
    }
}
